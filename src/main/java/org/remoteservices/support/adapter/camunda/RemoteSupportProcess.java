package org.remoteservices.support.adapter.camunda;

import static org.remoteservices.shared.process.ProcessVariable.booleanVariable;
import static org.remoteservices.shared.process.ProcessVariable.stringVariable;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.remoteservices.shared.process.ProcessVariable;

/** Names of the {@code remote-support} model: process key, messages, variables, element ids. */
public final class RemoteSupportProcess {
  public static final String KEY = "remote-support";

  public static final String MESSAGE_RSSV_RETURNED = "RemoteSupport.RssvReturned";
  public static final String MESSAGE_SURVEY_ANSWERED = "RemoteSupport.SurveyAnswered";
  /** Sent by a privacy request (restriction, objection); the case records it at once, the survey gate honours it. */
  public static final String MESSAGE_PRIVACY_RESTRICTED = "RemoteSupport.PrivacyRestricted";

  /** Variables: ids and decisions only. Form fields ({@code input_*}) never outlive their task. */
  public static final class Vars {
    public static final ProcessVariable<String> SUPPORT_REQUEST_ID = stringVariable("supportRequestId");
    public static final ProcessVariable<Boolean> RSSV_ACCEPTED = booleanVariable("rssvAccepted");
    public static final ProcessVariable<Boolean> SESSION_RESOLVED = booleanVariable("sessionResolved");
    public static final ProcessVariable<Boolean> FOLLOW_UP_SESSION = booleanVariable("followUpSession");
    public static final ProcessVariable<Boolean> SURVEY_SENT = booleanVariable("surveySent");
    /** Set by the event subprocess when the requester restricted processing or objected (a privacy right). */
    public static final ProcessVariable<Boolean> PRIVACY_RESTRICTED = booleanVariable("privacyRestricted");
    /** The case number (RS-000123): not personal data; Cockpit's instance search and the forms' case-page link use it. */
    public static final ProcessVariable<String> CASE_NUMBER = stringVariable("caseNumber");
    /**
     * Whether a recording file of the current session is attached (uploaded on the case page): the run-session form hides
     * the then optional recording reference and says that the file is there. A flag only; the domain checks again.
     */
    public static final ProcessVariable<Boolean> RECORDING_UPLOADED = booleanVariable("recordingUploaded");
    /**
     * The site's time zone (the job's IANA id, "Europe/Berlin") and its UTC offset at the time in question ("UTC+01:00"):
     * the schedule-session and run-session forms name them beside their time fields, which take the site's local time.
     * Not personal data; set when those tasks are created.
     */
    public static final ProcessVariable<String> SITE_TIME_ZONE = stringVariable("siteTimeZone");
    public static final ProcessVariable<String> SITE_UTC_OFFSET = stringVariable("siteUtcOffset");

    /** The names of every variable the process itself keeps; a task form that submits anything else is refused. */
    public static final Set<String> ALL = Stream.of(SUPPORT_REQUEST_ID, RSSV_ACCEPTED, SESSION_RESOLVED, FOLLOW_UP_SESSION, SURVEY_SENT,
        PRIVACY_RESTRICTED, CASE_NUMBER, RECORDING_UPLOADED, SITE_TIME_ZONE, SITE_UTC_OFFSET).map(ProcessVariable::name).collect(Collectors.toUnmodifiableSet());

    /**
     * The names of the decisions each deciding user task makes (the gateway after it reads them). They are removed when
     * the task is created ({@link ClearEarlierDecisionsListener}), so a task reached again never inherits an earlier round's.
     */
    public static final Map<String, List<String>> DECISIONS_BY_TASK = Map.of(
        Elements.CHECK_RSSV, List.of(RSSV_ACCEPTED.name()),
        Elements.RUN_SESSION, List.of(SESSION_RESOLVED.name(), FOLLOW_UP_SESSION.name()));

    private Vars() {}
  }

  /** Form fields of the user tasks. */
  public static final class Fields {
    public static final String REJECTION_REASON = "input_rejectionReason";
    public static final String SESSION_START = "input_sessionStart";
    public static final String SESSION_MINUTES = "input_sessionMinutes";
    public static final String STARTED_AT = "input_startedAt";
    public static final String ENDED_AT = "input_endedAt";
    public static final String SESSION_NOTES = "input_sessionNotes";
    public static final String RECORDING_REFERENCE = "input_recordingReference";
    public static final String SUPPORT_FILES = "input_supportFiles";
    public static final String WORK_SUMMARY = "input_workSummary";
    public static final String ACTIONS_TAKEN = "input_actionsTaken";
    public static final String RECOMMENDATIONS = "input_recommendations";

    private Fields() {}
  }

  /** Element ids, as tests and Cockpit see them. */
  public static final class Elements {
    public static final String START = "startEvent_supportRequested";
    public static final String GENERATE_RSSV = "serviceTask_generateRssv";
    public static final String MAIL_RSSV = "serviceTask_mailRssv";
    public static final String AWAIT_RSSV = "eventGateway_awaitRssv";
    public static final String RSSV_RETURNED = "event_rssvReturned";
    public static final String REMINDER_DUE = "event_reminderDue";
    public static final String MAIL_REMINDER = "serviceTask_mailReminder";
    public static final String AWAIT_RSSV_AFTER_REMINDER = "eventGateway_awaitRssvAfterReminder";
    public static final String RSSV_RETURNED_AFTER_REMINDER = "event_rssvReturnedAfterReminder";
    public static final String RSSV_EXPIRED = "event_rssvExpired";
    public static final String MAIL_EXPIRY = "serviceTask_mailExpiry";
    public static final String REQUEST_EXPIRED = "endEvent_requestExpired";
    public static final String CHECK_RSSV = "userTask_checkRssv";
    public static final String MAIL_REJECTION = "serviceTask_mailRssvRejection";
    public static final String SCHEDULE_SESSION = "userTask_scheduleSession";
    public static final String MAIL_INVITATION = "serviceTask_mailInvitation";
    public static final String RUN_SESSION = "userTask_runSession";
    public static final String SCHEDULE_RECORDING_DESTRUCTION = "serviceTask_scheduleRecordingDestruction";
    public static final String FOLLOW_UP_GATEWAY = "gateway_followUpSession";
    public static final String DOCUMENT_WORK_ORDER = "userTask_documentWorkOrder";
    public static final String GENERATE_WORK_ORDER = "serviceTask_generateWorkOrder";
    public static final String MAIL_WORK_ORDER = "serviceTask_mailWorkOrder";
    public static final String MAIL_SURVEY = "serviceTask_mailSurvey";
    public static final String AWAIT_SURVEY = "eventGateway_awaitSurvey";
    public static final String SURVEY_ANSWERED = "event_surveyAnswered";
    public static final String SURVEY_EXPIRED = "event_surveyExpired";
    public static final String CLOSE_SURVEY = "serviceTask_closeSurvey";
    public static final String COMPLETED = "endEvent_supportCompleted";
    public static final String COMPLETED_WITHOUT_SURVEY = "endEvent_completedWithoutSurvey";
    public static final String SURVEY_UNANSWERED = "endEvent_surveyUnanswered";
    public static final String PRIVACY_RESTRICTED = "startEvent_privacyRestricted";
    public static final String RECORD_PRIVACY_RESTRICTION = "serviceTask_recordPrivacyRestriction";

    private Elements() {}
  }

  /** The {@code recording-retention} model. */
  /** Names of the {@code support-file-sharing} model: a technician shares a case's support files with a register contractor. */
  public static final class SupportFileSharing {
    public static final String KEY = "support-file-sharing";
    public static final String START = "startEvent_supportFilesShared";
    public static final String SHARE_RECORDED = "endEvent_shareRecorded";

    /** Variables: the share's id only (also the business key); the domain table holds what went to whom. */
    public static final class Vars {
      public static final ProcessVariable<String> SHARE_ID = stringVariable("supportFileShareId");

      private Vars() {}
    }

    /** The start form's fields. */
    public static final class Fields {
      public static final String CASE_NUMBER = "input_caseNumber";
      public static final String RECIPIENT_ID = "input_recipientId";
      public static final String SUPPORT_FILE_IDS = "input_supportFileIds";

      private Fields() {}
    }

    private SupportFileSharing() {}
  }

  public static final class RecordingRetention {
    public static final String KEY = "recording-retention";
    public static final String RETENTION_ELAPSED = "event_retentionElapsed";
    public static final String DESTROY_RECORDING = "serviceTask_destroyRecording";
    public static final String CONFIRMATION_GATEWAY = "gateway_deletedOnServer";
    public static final String DESTROYED = "endEvent_recordingDestroyed";
    /** A recording on the tool's server without a deletion API: the operator deletes it there and confirms. */
    public static final String CONFIRM_DELETION = "userTask_confirmRecordingDeletion";
    public static final String DELETION_CONFIRMED = "endEvent_deletionConfirmed";
    public static final String REMINDER_DUE = "boundaryEvent_deletionReminderDue";
    public static final String MAIL_REMINDER = "serviceTask_mailDeletionReminder";
    public static final String REMINDER_SENT = "endEvent_deletionReminderSent";
    public static final String ESCALATION_DUE = "boundaryEvent_deletionEscalationDue";
    public static final String ESCALATE = "serviceTask_escalateRecordingDeletion";
    public static final String ESCALATED = "endEvent_deletionEscalated";

    /** Variables of the recording-retention model: a decision only. */
    public static final class Vars {
      /** Set by the destruction step: the recording is on a server without a deletion API (the operator's task follows). */
      public static final ProcessVariable<Boolean> CONFIRMATION_NEEDED = booleanVariable("confirmationNeeded");
      public static final Set<String> ALL = Set.of(CONFIRMATION_NEEDED.name());

      private Vars() {}
    }

    /** Form fields of the operator's confirmation. */
    public static final class Fields {
      public static final String DELETED_BY = "input_deletedBy";
      public static final String DELETED_AT = "input_deletedAt";
      public static final String METHOD = "input_deletionMethod";

      private Fields() {}
    }

    private RecordingRetention() {}
  }

  private RemoteSupportProcess() {}
}
