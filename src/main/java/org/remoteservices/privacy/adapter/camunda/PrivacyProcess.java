package org.remoteservices.privacy.adapter.camunda;

import static org.remoteservices.shared.process.ProcessVariable.booleanVariable;
import static org.remoteservices.shared.process.ProcessVariable.enumVariable;
import static org.remoteservices.shared.process.ProcessVariable.stringVariable;

import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.shared.process.ProcessVariable;

/** Names of the {@code privacy-request} and {@code privacy-right} models: keys, messages, variables, element ids. */
public final class PrivacyProcess {
  public static final String KEY = "privacy-request";
  public static final String RIGHT_KEY = "privacy-right";

  public static final String MESSAGE_EVIDENCE_RECEIVED = "PrivacyRequest.EvidenceReceived";

  /** Variables: ids, flags and decisions only; form fields ({@code input_*}) never outlive their task. */
  public static final class Vars {
    public static final ProcessVariable<String> PRIVACY_REQUEST_ID = stringVariable("privacyRequestId");
    public static final ProcessVariable<Boolean> VERIFICATION_REQUIRED = booleanVariable("verificationRequired");
    public static final ProcessVariable<Boolean> ERASURE_REQUESTED = booleanVariable("erasureRequested");
    public static final ProcessVariable<Boolean> IDENTITY_VERIFIED = booleanVariable("identityVerified");
    /** The officer's review of an unverified request: RECHECK or DENY. */
    public static final ProcessVariable<String> VERIFICATION_DECISION = stringVariable("verificationDecision");
    public static final ProcessVariable<Boolean> EXTEND_DEADLINE = booleanVariable("extendDeadline");
    public static final ProcessVariable<Boolean> DEADLINE_MISSED = booleanVariable("deadlineMissed");
    /** The officer's review of an objection: compelling legitimate grounds overrule it. */
    public static final ProcessVariable<Boolean> OBJECTION_OVERRULED = booleanVariable("objectionOverruled");
    /** The multi-instance element: the right one called {@code privacy-right} instance executes. */
    public static final ProcessVariable<PrivacyRight> RIGHT = enumVariable("right", PrivacyRight.class);

    private Vars() {}
  }

  /** Form fields of the start form and the user tasks. */
  public static final class Fields {
    public static final String RIGHTS = "input_rights";
    public static final String NAME = "input_name";
    public static final String EMAIL = "input_email";
    public static final String PHONE = "input_phone";
    public static final String JOB_NUMBER = "input_jobNumber";
    public static final String JOB_LOCATION = "input_jobLocation";
    public static final String JURISDICTION = "input_jurisdiction";
    public static final String DETAILS = "input_details";
    public static final String CHANNEL = "input_channel";
    public static final String SPECIFIC_PIECES = "input_specificPieces";
    public static final String AGENT_NAME = "input_agentName";
    public static final String AGENT_EMAIL = "input_agentEmail";
    /** The day a request taken by phone or letter was received (ISO date); every clock counts from it. */
    public static final String RECEIVED_ON = "input_receivedOn";
    public static final String DENIAL_REASON = "input_denialReason";
    public static final String EXTENSION_REASON = "input_extensionReason";
    public static final String RETAIN = "input_retain";
    public static final String RETENTION_NOTE = "input_retentionNote";
    public static final String CORRECTED_NAME = "input_correctedName";
    public static final String CORRECTED_EMAIL = "input_correctedEmail";
    public static final String CORRECTED_PHONE = "input_correctedPhone";
    /** ACCEPT (default) or REFUSE: a rectification refused on the merits, with {@link #REFUSAL_REASON}. */
    public static final String RECTIFICATION_DECISION = "input_rectificationDecision";
    public static final String REFUSAL_REASON = "input_refusalReason";
    public static final String COMPELLING_GROUNDS = "input_compellingGrounds";
    public static final String CONTINUE_OPEN_WORK = "input_continueOpenWork";
    public static final String RESTRICTION_REASON = "input_restrictionReason";
    public static final String MISSED_REASON = "input_missedReason";

    private Fields() {}
  }

  /** Element ids of {@code privacy-request}. */
  public static final class Elements {
    public static final String START = "startEvent_privacyRequestReceived";
    public static final String MAIL_ACKNOWLEDGEMENT = "serviceTask_mailAcknowledgement";
    public static final String CHECK_IDENTITY = "serviceTask_checkIdentity";
    public static final String MAIL_MORE_INFORMATION = "serviceTask_mailMoreInformationRequest";
    public static final String REVIEW_VERIFICATION = "userTask_reviewVerification";
    public static final String EVIDENCE_RECEIVED = "event_evidenceReceived";
    public static final String VERIFICATION_DEADLINE = "event_verificationDeadline";
    public static final String MAIL_DENIAL = "serviceTask_mailDenial";
    public static final String DENIED = "endEvent_requestDenied";
    public static final String EXECUTE_RIGHTS = "callActivity_executeRight";
    public static final String MAIL_FINAL_RESPONSE = "serviceTask_mailFinalResponse";
    public static final String ERASE_REQUESTER_CONTACT = "serviceTask_eraseRequesterContact";
    public static final String ANSWERED = "endEvent_requestAnswered";
    public static final String REMINDER_DUE = "startEvent_reminderDue";
    public static final String DEADLINE_REMINDER = "userTask_deadlineReminder";
    public static final String MAIL_EXTENSION_NOTICE = "serviceTask_mailExtensionNotice";
    public static final String EXTENDED_REMINDER_DUE = "event_extendedReminderDue";
    public static final String EXTENDED_DEADLINE_REMINDER = "userTask_extendedDeadlineReminder";
    public static final String DEADLINE_DUE = "startEvent_deadlineDue";
    public static final String ACKNOWLEDGEMENT_DUE = "startEvent_acknowledgementDue";
    public static final String CHECK_ACKNOWLEDGEMENT = "serviceTask_checkAcknowledgement";
    public static final String CHECK_DEADLINE = "serviceTask_checkDeadline";
    public static final String EXTENDED_DEADLINE_DUE = "event_extendedDeadlineDue";
    public static final String DEADLINE_MISSED = "userTask_deadlineMissed";

    private Elements() {}
  }

  /** Element ids of {@code privacy-right}. */
  public static final class RightElements {
    public static final String COMPILE_ACCESS_REPORT = "serviceTask_compileAccessReport";
    public static final String MAIL_ACCESS_REPORT = "serviceTask_mailAccessReport";
    public static final String COMPILE_PORTABLE_EXPORT = "serviceTask_compilePortableExport";
    public static final String MAIL_PORTABLE_EXPORT = "serviceTask_mailPortableExport";
    public static final String REVIEW_RETENTION = "userTask_reviewRetention";
    public static final String INVENTORY = "serviceTask_inventorySubjectData";
    public static final String NOTIFY_RECIPIENTS_OF_ERASURE = "serviceTask_notifyRecipientsOfErasure";
    public static final String ERASE_RECORDS = "serviceTask_eraseSupportRecords";
    public static final String ERASE_FILES = "serviceTask_eraseFiles";
    public static final String ERASE_MAILS = "serviceTask_eraseMailRecords";
    public static final String ERASE_FLAGS = "serviceTask_eraseConsentFlags";
    public static final String ERASE_PROCESS_DATA = "serviceTask_eraseProcessData";
    public static final String WRITE_TOMBSTONE = "serviceTask_writeTombstone";
    public static final String APPLY_RECTIFICATION = "userTask_applyRectification";
    public static final String NOTIFY_RECIPIENTS_OF_RECTIFICATION = "serviceTask_notifyRecipientsOfRectification";
    public static final String RECORD_RESTRICTION = "serviceTask_recordRestriction";
    public static final String NOTIFY_RECIPIENTS_OF_RESTRICTION = "serviceTask_notifyRecipientsOfRestriction";
    public static final String DECIDE_RESTRICTED_WORK = "userTask_decideRestrictedWork";
    public static final String RECORD_OBJECTION = "serviceTask_recordObjection";
    public static final String REVIEW_OBJECTION = "userTask_reviewObjection";
    public static final String OBJECTION_OVERRULED = "gateway_objectionOverruled";
    public static final String MAIL_OBJECTION_OVERRULED = "serviceTask_mailObjectionOverruled";
    public static final String RECORD_CONSENT_CHOICE = "serviceTask_recordConsentChoice";
    public static final String ANSWER_AUTOMATED_DECISIONS = "serviceTask_answerAutomatedDecisions";
    public static final String EXECUTED = "endEvent_rightExecuted";

    private RightElements() {}
  }

  /** {@code privacy-restriction-lift}: the person is told, the notice period passes, then the restriction is lifted. */
  public static final class RestrictionLift {
    public static final String KEY = "privacy-restriction-lift";
    public static final String START = "startEvent_liftRequested";
    public static final String MAIL_LIFT_NOTICE = "serviceTask_mailLiftNotice";
    public static final String NOTICE_PERIOD_OVER = "event_noticePeriodOver";
    public static final String LIFT_RESTRICTION = "serviceTask_liftRestriction";
    public static final String LIFTED = "endEvent_restrictionLifted";

    private RestrictionLift() {}
  }

  private PrivacyProcess() {}

  /** The start form's received day (a date field sends "YYYY-MM-DD"; a date-time's date part is taken); null if none or not a date. */
  public static java.time.LocalDate receivedOn(Object value) {
    if (value == null || String.valueOf(value).isBlank()) {
      return null;
    }
    if (value instanceof java.util.Date d) {
      return java.time.LocalDate.ofInstant(d.toInstant(), java.time.ZoneOffset.UTC);
    }
    String text = String.valueOf(value).strip();
    try {
      return java.time.LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
