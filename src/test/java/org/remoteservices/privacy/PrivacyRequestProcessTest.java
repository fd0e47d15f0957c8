package org.remoteservices.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.remoteservices.privacy.adapter.camunda.PrivacyProcess.Elements.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess;
import org.remoteservices.privacy.adapter.camunda.PrivacyProcess.RightElements;
import org.remoteservices.privacy.application.SubjectChoicesService;
import org.remoteservices.privacy.application.UnsubscribeService;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.shared.pdf.PdfBuilder;
import org.remoteservices.shared.tokens.TokenPurpose;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.testsupport.Mails.Mail;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of privacy-request and each right of privacy-right, asserted on path, mails and stored rows. */
class PrivacyRequestProcessTest extends PrivacyTestSupport {
  @Autowired SubjectChoicesService choices;
  @Autowired UnsubscribeService unsubscribe;

  @Test
  void verifiedAccessRequestGetsAPdfOfEverythingWeHold() {
    Subject s = subject("Ada Accessor");
    throughWorkOrder(s);
    String id = request(List.of(PrivacyRight.ACCESS), "Ada Accessor", s.email(), null, null, Jurisdiction.EU);
    // typed details are no proof: nothing runs until the person confirms at the address we hold
    assertThat(instance(id)).hasPassed(CHECK_IDENTITY, MAIL_MORE_INFORMATION).isWaitingAt(REVIEW_VERIFICATION);
    assertThat(mail("Please confirm").to()).containsExactly(s.email());
    confirmAtRecord(s.email());

    assertThat(instance(id)).isEnded().hasPassed(MAIL_ACKNOWLEDGEMENT, CHECK_IDENTITY, EVIDENCE_RECEIVED, EXECUTE_RIGHTS, MAIL_FINAL_RESPONSE, ANSWERED)
        .hasNotPassed(MAIL_DENIAL, ERASE_REQUESTER_CONTACT);

    Mail ack = mail("We received your privacy request");
    assertThat(ack.to()).containsExactly(s.email());
    assertThat(ack.body()).contains("a copy of your personal data", "contact details we already hold");
    // the report is not attached: a download link, and the code in a mail of its own
    Mail link = mail("ready to download");
    assertThat(link.to()).containsExactly(s.email());
    assertThat(link.attachments()).isEmpty();
    assertThat(mail("Your download code").to()).containsExactly(s.email());
    org.remoteservices.privacy.application.DownloadService.File report = download(s.email());
    assertThat(report.name()).isEqualTo("access-report.pdf");
    String pdf = org.remoteservices.testsupport.Mails.pdfText(report.content());
    assertThat(pdf).contains("Your personal data held by Remote Services", "Ada Accessor", s.email(), s.job().jobNumber(),
        "Support requests (1)", "Rssv returns (1)", "Sessions (1)", "Recordings (1)", "Support files (2)", "PROCESSOR_EVENT_LOG",
        "Work orders (1)", "Scene schedule repaired", "Surveys (1)", "Mails on record", "Recipients", s.job().siteContact().email(),
        "Engineering contractor");
    Mail answer = mail("Your privacy request has been answered");
    assertThat(answer.to()).containsExactly(s.email());
    assertThat(answer.body()).contains("A copy of your personal data: a copy of your personal data (PDF) is ready to download", "supervisory authority");
    assertThat(status(id)).isEqualTo("COMPLETED");
    assertThat(outcome(id, PrivacyRight.ACCESS)).startsWith("DONE");
    assertThat(jdbc.sql("select verification_status || ':' || matched_points from privacy_request where id = ?").param(id).query(String.class).single())
        .isEqualTo("VERIFIED:3"); // e-mail, name, and the confirmation at the address on record
  }

  @Test
  void unverifiedThenMoreInformationThenVerifiedByTheOfficersRecheck() {
    Subject s = subject("Bea Unverified");
    String id = request(List.of(PrivacyRight.ACCESS), "Bea Unverified", "another-address@example.org", null, null, Jurisdiction.UK);
    ProcessInstance instance = instance(id);
    assertThat(instance).hasPassed(CHECK_IDENTITY, MAIL_MORE_INFORMATION).isWaitingAt(REVIEW_VERIFICATION)
        .task().hasCandidateGroup("privacyofficers");
    assertThat(task(id, REVIEW_VERIFICATION).getName()).contains("Review identity verification", "PR-", "due");
    assertThat(task(id, REVIEW_VERIFICATION).getDescription()).contains("no support request matches");
    // the typed address learns nothing about what we hold
    Mail more = mail("Your privacy request PR-");
    assertThat(more.to()).containsExactly("another-address@example.org");
    assertThat(more.body()).contains("if we hold data about you, we have written to the address we have for you")
        .doesNotContain("/portal/privacy/declaration/", "/portal/privacy/identity/", "matching", "of the 2");

    // the requester calls back and gives their phone number: the officer enters it, matching runs again and finds the person,
    // whose address on record (not the typed one) gets the confirmation link
    complete(id, REVIEW_VERIFICATION, Map.of("verificationDecision", "RECHECK", "input_phone", s.phone()));
    assertThat(instance).isWaitingAt(REVIEW_VERIFICATION);
    assertThat(mail("Please confirm").to()).containsExactly(s.email());
    confirmAtRecord(s.email());
    assertThat(instance).isEnded().hasPassed(EXECUTE_RIGHTS, MAIL_FINAL_RESPONSE).hasNotPassed(MAIL_DENIAL);
    assertThat(org.remoteservices.testsupport.Mails.pdfText(download(s.email()).content())).contains(s.email());
    assertThat(mailsTo("another-address@example.org")).extracting(Mail::body).noneMatch(b -> b.contains("/portal/privacy/download/"));
    assertThat(jdbc.sql("select matched_points from privacy_request where id = ?").param(id).query(Integer.class).single()).isEqualTo(3);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
        .extracting(v -> v.getName()).noneMatch(n -> n.startsWith("input_"));
  }

  @Test
  void stillUnverifiedAtTheDeadlineIsDeniedWithReasonAndRightToComplain() {
    String id = request(List.of(PrivacyRight.ACCESS), "Nobody Known", "nobody@example.org", null, null, Jurisdiction.EU);
    ProcessInstance instance = instance(id);
    assertThat(instance).isWaitingAt(REVIEW_VERIFICATION);
    Instant due = jdbc.sql("select due_at from privacy_request where id = ?").param(id).query(java.sql.Timestamp.class).single().toInstant();

    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofDays(1)).minusSeconds(60)));
    runDueJobs();
    assertThat(instance).isWaitingAt(REVIEW_VERIFICATION); // the reminder came, the denial not yet
    advanceClock(Duration.ofMinutes(2));

    assertThat(instance).isEnded().hasPassed(VERIFICATION_DEADLINE, MAIL_DENIAL, DENIED).hasNotPassed(EXECUTE_RIGHTS);
    Mail denial = mail("We cannot act on your privacy request");
    assertThat(denial.to()).containsExactly("nobody@example.org");
    assertThat(denial.body()).contains("could not confirm the request through the contact details we hold", "supervisory authority", "ico.org.uk");
    assertThat(status(id)).isEqualTo("DENIED");
    assertThat(mails()).extracting(Mail::subject).noneMatch(subject -> subject.contains("ready to download"));
  }

  @Test
  void officerDeniesWithAReason() {
    String id = request(List.of(PrivacyRight.RECTIFICATION), "Nobody Known", "nobody2@example.org", null, null, Jurisdiction.OTHER);
    // the reason is required
    assertThatThrownBy(() -> forms.submitTaskForm(task(id, REVIEW_VERIFICATION).getId(), Map.of("verificationDecision", "DENY")))
        .hasMessageContaining("\"Reason for the denial\" is required when the request is denied").hasMessageNotContaining("input_");
    complete(id, REVIEW_VERIFICATION, Map.of("verificationDecision", "DENY", "input_denialReason", "The caller could not name the job."));
    assertThat(instance(id)).isEnded().hasPassed(MAIL_DENIAL, DENIED);
    assertThat(mail("We cannot act").body()).contains("The caller could not name the job.", "supervisory authority");
  }

  @Test
  void authorizedAgentNeedsTheSignedPermissionAndTheRequestersOwnConfirmation() throws Exception {
    Subject s = subject("Cleo Principal");
    String id = request(List.of(PrivacyRight.ACCESS), "Cleo Principal", s.email(), null, null, Jurisdiction.US_CA, "Dana Agent", "agent@agency.example");
    ProcessInstance instance = instance(id);
    assertThat(instance).isWaitingAt(REVIEW_VERIFICATION);

    Mail toAgent = mail("Your privacy request PR-");
    assertThat(toAgent.to()).containsExactly("agent@agency.example");
    assertThat(toAgent.body()).contains("signed permission", "confirm");
    Mail toRequester = mail("Please confirm");
    assertThat(toRequester.to()).containsExactly(s.email()); // the address on record, not one the agent gave
    assertThat(toRequester.body()).contains("Dana Agent");

    // a non-PDF is refused; the signed permission as PDF is accepted and re-runs the check
    String permissionToken = toAgent.linkToken("/portal/privacy/agent-permission/");
    assertThatThrownBy(() -> evidence.upload(TokenPurpose.AGENT_PERMISSION, permissionToken, "not a pdf".getBytes()))
        .hasMessageContaining("not a readable PDF");
    evidence.upload(TokenPurpose.AGENT_PERMISSION, permissionToken, PdfBuilder.document("Permission").paragraph("I authorise Dana Agent.").build());
    runDueJobs();
    assertThat(instance).hasPassed(EVIDENCE_RECEIVED).isWaitingAt(REVIEW_VERIFICATION); // still the requester's confirmation missing
    assertThat(mails()).extracting(Mail::subject).filteredOn(m -> m.startsWith("Please confirm")).hasSize(1);

    evidence.confirmAgent(toRequester.linkToken("/portal/privacy/confirmation/"));
    runDueJobs();
    assertThat(instance).isEnded().hasPassed(EXECUTE_RIGHTS, MAIL_FINAL_RESPONSE);
    // the data goes to the person at the address we hold; the agent only hears that it was answered there
    assertThat(mail("ready to download").to()).containsExactly(s.email());
    assertThat(mail("Your privacy request has been answered").to()).containsExactly(s.email());
    assertThat(mail("The privacy request has been answered").to()).containsExactly("agent@agency.example");
    assertThat(mailsTo("agent@agency.example")).extracting(Mail::body).noneMatch(b -> b.contains("/portal/privacy/download/"));
    assertThat(jdbc.sql("select kind from privacy_evidence where privacy_request_id = ?").param(id).query(String.class).list())
        .containsExactly("AGENT_PERMISSION");
    // CCPA: acknowledged within 10 business days, answered within 45 days
    assertThat(jdbc.sql("select ack_due_at is not null and acknowledged_at <= ack_due_at from privacy_request where id = ?").param(id)
        .query(Boolean.class).single()).isTrue();
  }

  @Test
  void deadlineExtendedOnceWithReasonBeforeTheOriginalDeadline() {
    Subject s = subject("Erin Extension");
    String id = request(List.of(PrivacyRight.RECTIFICATION), "Erin Extension", s.email(), null, null, Jurisdiction.EU);
    confirmAtRecord(s.email());
    ProcessInstance instance = instance(id);
    assertThat(instance).isWaitingAt(EXECUTE_RIGHTS);
    Instant originalDue = jdbc.sql("select due_at from privacy_request where id = ?").param(id).query(java.sql.Timestamp.class).single().toInstant();

    ClockUtil.setCurrentTime(Date.from(originalDue.minus(Duration.ofDays(7)).plusSeconds(60)));
    runDueJobs();
    assertThat(instance).hasPassed(REMINDER_DUE);
    assertThat(task(id, DEADLINE_REMINDER).getName()).contains("Deadline approaching");
    assertThatThrownBy(() -> forms.submitTaskForm(task(id, DEADLINE_REMINDER).getId(), Map.of("extendDeadline", "true")))
        .hasMessageContaining("\"Reason for the extension\" is required").hasMessageNotContaining("input_");
    complete(id, DEADLINE_REMINDER, Map.of("extendDeadline", "true", "input_extensionReason", "We are collecting the work orders from our archive."));

    assertThat(instance).hasPassed(MAIL_EXTENSION_NOTICE).isWaitingAt(EXTENDED_REMINDER_DUE);
    Mail notice = mail("We need more time");
    assertThat(notice.to()).containsExactly(s.email());
    assertThat(notice.body()).contains("We are collecting the work orders from our archive.");
    Instant newDue = jdbc.sql("select due_at from privacy_request where id = ?").param(id).query(java.sql.Timestamp.class).single().toInstant();
    LocalDate received = LocalDate.ofInstant(jdbc.sql("select received_at from privacy_request where id = ?").param(id)
        .query(java.sql.Timestamp.class).single().toInstant(), java.time.ZoneOffset.UTC);
    assertThat(newDue).isEqualTo(received.plusMonths(3).plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());

    // the original deadline passes: not missed, the watch waits for the extended one
    ClockUtil.setCurrentTime(Date.from(originalDue.plusSeconds(60)));
    runDueJobs();
    assertThat(instance).hasPassed(DEADLINE_DUE, CHECK_DEADLINE).hasNotPassed(PrivacyProcess.Elements.DEADLINE_MISSED)
        .isWaitingAt(EXTENDED_DEADLINE_DUE);
    assertThat(jdbc.sql("select deadline_missed from privacy_request where id = ?").param(id).query(Boolean.class).single()).isFalse();

    complete(id, RightElements.APPLY_RECTIFICATION, Map.of("input_correctedPhone", "+44 20 7946 0999"));
    assertThat(instance).isEnded().hasPassed(MAIL_FINAL_RESPONSE);
  }

  @Test
  void anExtensionAlsoMovesTheDenialOfAnUnverifiedRequest() {
    String id = request(List.of(PrivacyRight.ACCESS), "Nobody Known", "nobody4@example.org", null, null, Jurisdiction.EU);
    ProcessInstance instance = instance(id);
    Instant originalDue = jdbc.sql("select due_at from privacy_request where id = ?").param(id).query(java.sql.Timestamp.class).single().toInstant();
    ClockUtil.setCurrentTime(Date.from(originalDue.minus(Duration.ofDays(7)).plusSeconds(60)));
    runDueJobs();
    complete(id, DEADLINE_REMINDER, Map.of("extendDeadline", "true", "input_extensionReason", "We are waiting for your reply."));
    Instant newDue = jdbc.sql("select due_at from privacy_request where id = ?").param(id).query(java.sql.Timestamp.class).single().toInstant();
    assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId(VERIFICATION_DEADLINE).singleResult().getDuedate())
        .isEqualTo(Date.from(newDue.minus(Duration.ofDays(1))));
    ClockUtil.setCurrentTime(Date.from(originalDue.plusSeconds(60)));
    runDueJobs();
    assertThat(instance).isWaitingAt(REVIEW_VERIFICATION, EXTENDED_REMINDER_DUE, EXTENDED_DEADLINE_DUE).hasNotPassed(MAIL_DENIAL);
  }

  @Test
  void missedDeadlineRaisesAVisibleEscalation() {
    Subject s = subject("Fay Forgotten");
    String id = request(List.of(PrivacyRight.RECTIFICATION), "Fay Forgotten", s.email(), null, null, Jurisdiction.OTHER);
    confirmAtRecord(s.email());
    ProcessInstance instance = instance(id);
    Instant due = jdbc.sql("select due_at from privacy_request where id = ?").param(id).query(java.sql.Timestamp.class).single().toInstant();
    ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
    runDueJobs();

    assertThat(instance).hasPassed(DEADLINE_DUE, CHECK_DEADLINE).isWaitingAt(PrivacyProcess.Elements.DEADLINE_MISSED, DEADLINE_REMINDER);
    org.camunda.bpm.engine.task.Task escalation = task(id, PrivacyProcess.Elements.DEADLINE_MISSED);
    assertThat(escalation.getName()).contains("DEADLINE MISSED");
    assertThat(escalation.getPriority()).isEqualTo(100);
    assertThat(jdbc.sql("select deadline_missed from privacy_request where id = ?").param(id).query(Boolean.class).single()).isTrue();
    assertThat(privacyRequests.status(id).orElseThrow().deadlineMissed()).isTrue();
    // too late to extend now
    assertThatThrownBy(() -> forms.submitTaskForm(task(id, DEADLINE_REMINDER).getId(), Map.of("extendDeadline", "true", "input_extensionReason", "late")))
        .hasMessageContaining("original deadline has passed");
  }

  @Test
  void portabilityMailsJsonAndCsvInAZip() throws Exception {
    Subject s = subject("Gus Portable");
    throughWorkOrder(s);
    String id = request(List.of(PrivacyRight.PORTABILITY), "Gus Portable", s.email(), s.phone(), null, Jurisdiction.EEA);
    confirmAtRecord(s.email());
    assertThat(instance(id)).isEnded().hasPassed(ANSWERED);
    org.remoteservices.privacy.application.DownloadService.File export = download(s.email());
    assertThat(export.name()).isEqualTo("personal-data-export.zip");
    byte[] zip = export.content();
    Map<String, String> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(entries).containsKeys("data.json", "support_requests.csv", "sessions.csv", "work_orders.csv", "recipients.csv", "consent_flags.csv");
    assertThat(entries.get("data.json")).contains("\"requester_email\" : \"" + s.email() + "\"", "\"support_files\"");
    assertThat(entries.get("support_requests.csv")).startsWith("case_number,job_number,requester_name").contains("Gus Portable");
    assertThat(outcome(id, PrivacyRight.PORTABILITY)).contains("JSON and CSV");
  }

  @Test
  void rectificationIsAppliedAndCommunicatedToEveryRecipient() {
    Subject s = subject("Hal Misspelt");
    throughWorkOrder(s);
    String id = request(List.of(PrivacyRight.RECTIFICATION), "Hal Misspelt", s.email(), s.phone(), null, Jurisdiction.EU);
    confirmAtRecord(s.email());
    assertThat(instance(id)).isWaitingAt(EXECUTE_RIGHTS);
    assertThatThrownBy(() -> forms.submitTaskForm(task(id, RightElements.APPLY_RECTIFICATION).getId(), Map.of()))
        .hasMessageContaining("at least one corrected value");
    complete(id, RightElements.APPLY_RECTIFICATION, Map.of("input_correctedName", "Hal Correctly-Spelt"));

    assertThat(jdbc.sql("select requester_name from support_request where id = ?").param(s.supportRequestId()).query(String.class).single())
        .isEqualTo("Hal Correctly-Spelt");
    List<String> notified = jdbc.sql("select recipient_email from privacy_recipient_notice where privacy_request_id = ? and notified_at is not null")
        .param(id).query(String.class).list();
    assertThat(notified).contains(s.job().siteContact().email(), s.job().schedulingContact().email(), "privacy@contractor.example.in");
    Mail toSite = mailsTo(s.job().siteContact().email()).stream().filter(m -> m.subject().contains("rectification")).findFirst().orElseThrow();
    assertThat(toSite.body()).contains("RS-").doesNotContain("Hal"); // cases, not the subject's data
    assertThat(mail("has been answered").body()).contains("corrected name", "Site contact of job " + s.job().jobNumber());
  }

  @Test
  void restrictionReachesTheRunningCaseAndStopsTheSurvey() {
    Subject s = subject("Ivy Restricted");
    String supportId = s.supportRequestId();
    lifecycle.rssv.signOnline(mailToken(s.email(), "/portal/rssv/"), s.name(), true);
    ProcessInstance supportCase = lifecycle.instance(supportId);
    assertThat(supportCase).isWaitingAt(RemoteSupportProcess.Elements.CHECK_RSSV);

    String id = request(List.of(PrivacyRight.RESTRICTION), "Ivy Restricted", s.email(), s.phone(), null, Jurisdiction.EU);
    confirmAtRecord(s.email());
    complete(id, RightElements.DECIDE_RESTRICTED_WORK, Map.of(PrivacyProcess.Fields.CONTINUE_OPEN_WORK, true,
        PrivacyProcess.Fields.RESTRICTION_REASON, "the repair was ordered under the service contract"));
    assertThat(instance(id)).isEnded().hasPassed(ANSWERED);
    assertThat(supportCase).hasPassed(RemoteSupportProcess.Elements.PRIVACY_RESTRICTED, RemoteSupportProcess.Elements.RECORD_PRIVACY_RESTRICTION)
        .isWaitingAt(RemoteSupportProcess.Elements.CHECK_RSSV);
    assertThat(runtime.getVariable(supportCase.getId(), "privacyRestricted")).isEqualTo(true);
    assertThat(outcome(id, PrivacyRight.RESTRICTION)).contains("restricted", "1 open support case(s) were told");

    lifecycle.acceptAndSchedule(supportId);
    lifecycle.resolveAndDocument(supportId);
    assertThat(supportCase).isEnded().hasPassed(RemoteSupportProcess.Elements.COMPLETED_WITHOUT_SURVEY);
    assertThat(mailsTo(s.email())).extracting(Mail::subject).noneMatch(m -> m.contains("How did we do?"));
  }

  @Test
  void objectionIsHonouredByTheSurveyGate() {
    Subject s = subject("Jon Objector");
    String id = request(List.of(PrivacyRight.OBJECTION), "Jon Objector", s.email(), s.phone(), null, Jurisdiction.EU);
    confirmAtRecord(s.email());
    complete(id, RightElements.REVIEW_OBJECTION, Map.of());
    assertThat(instance(id)).isEnded().hasPassed(ANSWERED);
    assertThat(choices.flagsOf(s.email())).containsExactly("OBJECTION");
    assertThat(choices.mayMarket(s.email())).isFalse();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(RightElements.RECORD_OBJECTION).finished().count())
        .isPositive();
  }

  @Test
  void californiaOptOutsNeedNoVerificationAndAreDueInFifteenBusinessDays() {
    String id = request(List.of(PrivacyRight.OPT_OUT_OF_SALE, PrivacyRight.LIMIT_SENSITIVE), "Kim Optout", "kim-optout@example.org", null, null,
        Jurisdiction.US_CA);
    assertThat(instance(id)).isEnded().hasPassed(EXECUTE_RIGHTS, ANSWERED)
        .hasNotPassed(CHECK_IDENTITY, REVIEW_VERIFICATION);
    assertThat(choices.flagsOf("kim-optout@example.org")).containsExactlyInAnyOrder("OPT_OUT_OF_SALE", "LIMIT_SENSITIVE");
    assertThat(choices.mayShareWithThirdParties("kim-optout@example.org")).isFalse();
    var row = jdbc.sql("select received_at, due_at from privacy_request where id = ?").param(id).query().singleRow();
    LocalDate received = ((java.sql.Timestamp) row.get("RECEIVED_AT")).toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    assertThat(((java.sql.Timestamp) row.get("DUE_AT")).toInstant())
        .isEqualTo(org.remoteservices.privacy.domain.Deadlines.plusBusinessDays(received, 15).plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    assertThat(mail("has been answered").body()).contains("Opt-out of the sale", "recorded");
  }

  @Test
  void oneClickUnsubscribeAndWithdrawnConsentStopMarketingMail() {
    Subject s = subject("Lou Unsubscriber");
    String link = unsubscribe.linkFor(s.supportRequestId());
    String token = link.substring(link.lastIndexOf('/') + 1);
    assertThat(unsubscribe.view(token).status()).isEqualTo("SUBSCRIBED");
    UnsubscribeService.Outcome outcome = unsubscribe.unsubscribe(token);
    assertThat(outcome.status()).isEqualTo("UNSUBSCRIBED");
    assertThat(choices.mayMarket(s.email())).isFalse(); // at once, before the process ran
    runDueJobs();
    String id = jdbc.sql("select id from privacy_request where channel = 'UNSUBSCRIBE_LINK' and requester_email = ?").param(s.email())
        .query(String.class).single();
    assertThat(finished(id).getEndActivityId()).isEqualTo(ANSWERED);
    assertThat(unsubscribe.unsubscribe(token).reference()).isNull(); // a second click changes nothing
    assertThat(mail("has been answered").body()).contains("no more marketing mail");

    String withdraw = request(List.of(PrivacyRight.WITHDRAW_CONSENT), "Mo Withdraws", "mo@example.org", null, null, Jurisdiction.EU);
    assertThat(instance(withdraw)).isEnded().hasPassed(ANSWERED);
    assertThat(choices.mayMarket("mo@example.org")).isFalse();
  }

  @Test
  void privacyOfficerEntersAPhoneRequestWithTheStartForm() {
    Subject s = subject("Nia Caller");
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PrivacyProcess.KEY).latestVersion()
        .singleResult().getId();
    assertThatThrownBy(() -> forms.submitStartForm(definitionId, Map.of("input_name", "Nia Caller")))
        // a person's sentences naming the fields by their labels, no variable names
        .hasMessageContaining("\"Rights requested\" needs at least one right").hasMessageContaining("\"Requester's email address\" is required")
        .hasMessageNotContaining("input_");
    Map<String, Object> fields = new HashMap<>(Map.of("input_channel", "PHONE", "input_name", "Nia Caller", "input_email", s.email(),
        "input_phone", s.phone(), "input_jurisdiction", "EU",
        "input_rights", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"ACCESS\"]").create(),
        // form-js always sends a checkbox, ticked or not: it once made the start form fail with "is not a field of this form"
        "input_specificPieces", false));
    ProcessInstance started = forms.submitStartForm(definitionId, fields);
    String id = started.getBusinessKey();
    assertThat(id).isNotBlank();
    runDueJobs();
    assertThat(jdbc.sql("select channel from privacy_request where id = ?").param(id).query(String.class).single()).isEqualTo("OFFICER_PHONE");
    // the same rule on the phone: the caller confirms at the address we hold before anything is released
    assertThat(started).isWaitingAt(REVIEW_VERIFICATION);
    confirmAtRecord(s.email());
    assertThat(started).isEnded().hasPassed(CHECK_IDENTITY, EXECUTE_RIGHTS, MAIL_FINAL_RESPONSE);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(started.getId()).list())
        .extracting(v -> v.getName()).containsOnly("privacyRequestId", "verificationRequired", "erasureRequested", "identityVerified", "right",
            "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");
  }

  @Test
  void erasureKeepsWhatALegalHoldKeepsAndSaysWhy() {
    Subject s = subject("Uma Holdfast");
    throughWorkOrder(s);
    lifecycle.surveys.answer(mailToken(s.email(), "/portal/survey/"), 4, null);
    jdbc.sql("insert into privacy_legal_hold (id, job_number, category, legal_basis, created_at) values (?, ?, 'SUPPORT_FILES', ?, current_timestamp)")
        .params(java.util.UUID.randomUUID().toString(), s.job().jobNumber(), "Security incident SI-7 under investigation").update();
    String id = request(List.of(PrivacyRight.ERASURE), "Uma Holdfast", s.email(), s.phone(), s.job().jobNumber(), Jurisdiction.EU);
    Mail atRecord = mail("Please confirm");
    assertThat(atRecord.to()).containsExactly(s.email()); // the declaration link too goes to the address on record
    evidence.signDeclaration(atRecord.linkToken("/portal/privacy/declaration/"), "Uma Holdfast", true);
    // the second click comes while the request still checks the declaration: refused with "try again", nothing stored
    assertThatThrownBy(() -> evidence.confirmPossession(atRecord.linkToken("/portal/privacy/identity/")))
        .isInstanceOfSatisfying(org.remoteservices.shared.error.DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(org.remoteservices.shared.error.DomainException.Kind.CONFLICT))
        .hasMessageContaining("try again");
    assertThat(jdbc.sql("select count(*) from privacy_request where id = ? and possession_confirmed_at is not null").param(id).query(Integer.class).single()).isZero();
    runDueJobs();
    confirmAtRecord(s.email()); // the same link, a moment later
    runDueJobs();
    assertThat(task(id, RightElements.REVIEW_RETENTION).getDescription()).contains("SUPPORT_FILES on job " + s.job().jobNumber(), "SI-7");

    // a legal hold cannot be released by the review
    assertThatThrownBy(() -> forms.submitTaskForm(task(id, RightElements.REVIEW_RETENTION).getId(),
        Map.of("input_retain", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"WORK_ORDERS\"]").create())))
        .hasMessageContaining("under legal hold, must be retained: SUPPORT_FILES");
    complete(id, RightElements.REVIEW_RETENTION, Map.of("input_retain", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"SUPPORT_FILES\"]").create()));

    assertThat(instance(id)).isEnded().hasPassed(MAIL_FINAL_RESPONSE, ERASE_REQUESTER_CONTACT);
    assertThat(jdbc.sql("select count(*) from support_file where support_request_id = ?").param(s.supportRequestId()).query(Integer.class).single())
        .isEqualTo(2);
    assertThat(jdbc.sql("select requester_name || '|' || requester_email from support_request where id = ?").param(s.supportRequestId())
        .query(String.class).single()).isEqualTo("erased|erased@invalid");
    assertThat(jdbc.sql("select count(*) from work_order where support_request_id = ?").param(s.supportRequestId()).query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from survey where support_request_id = ?").param(s.supportRequestId()).query(Integer.class).single()).isZero();
    Mail answer = mail("has been answered");
    assertThat(answer.body()).contains("What we keep, and why", "Support files: Security incident SI-7 under investigation (legal hold, job " + s.job().jobNumber());
    assertThat(answer.attachment("erasure-certificate.pdf").pdfText()).contains("Retained by law", "Support files");
  }

  @Test
  void rightsRefuseToRunWithoutVerification() {
    String id = request(List.of(PrivacyRight.ACCESS), "Nobody Known", "nobody3@example.org", null, null, Jurisdiction.EU);
    // an operator moving the token past verification in Cockpit would reach this: nothing is executed
    org.remoteservices.privacy.application.AccessService access = org.springframework.test.util.AopTestUtils.getTargetObject(
        applicationContext.getBean(org.remoteservices.privacy.application.AccessService.class));
    assertThatThrownBy(() -> access.compileAccessReport(id)).hasMessageContaining("is not verified");
  }

  @Autowired org.springframework.context.ApplicationContext applicationContext;
}
