package org.remoteservices.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Elements.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.Mails;
import org.remoteservices.testsupport.Mails.Mail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of the remote-support model, asserted on the path taken, the mails sent and what was stored. */
class RemoteSupportProcessTest extends IntegrationTest {
  @Autowired Lifecycle lifecycle;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;
  @Autowired FileStore files;

  private String startAndMailRssv(Job job) {
    String id = lifecycle.submit(job, "Ada Requester", "ada@example.org");
    assertThat(lifecycle.instance(id)).isWaitingAt(GENERATE_RSSV); // async: the request returns at once
    runDueJobs();
    return id;
  }

  /** Request made, RSSV signed and accepted, session on 1 December 2026 14:30 UTC scheduled and invited. */
  private String scheduledSession(Job job) {
    String id = startAndMailRssv(job);
    lifecycle.signRssvOnline(id, "Ada Requester");
    lifecycle.acceptAndSchedule(id);
    return id;
  }

  private List<Mail> mails() {
    return Mails.read(MAIL.getReceivedMessages());
  }

  private List<Mail> mailsWithSubject(String part) {
    return mails().stream().filter(m -> m.subject().contains(part)).toList();
  }

  private Mail lastMailWithSubject(String part) {
    return mails().stream().filter(m -> m.subject().contains(part)).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no mail with subject containing '" + part + "' in " + mails().stream().map(Mail::subject).toList()));
  }

  @Test
  void theRssvMailHasAnHtmlPartFromItsTemplateWithTheReturnLinkAsAnAnchorRedactedOnRecord() throws Exception {
    Job job = lifecycle.newJob();
    String id = startAndMailRssv(job);
    String token = lastMailWithSubject("Remote Session Security Verification").linkToken("/portal/rssv/");
    jakarta.mail.internet.MimeMessage message = java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().contains("Remote Session Security Verification") && htmlPart(m.getContent()).contains(token);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).findFirst().orElseThrow();
    String html = htmlPart(message.getContent());
    assertThat(html).containsPattern("<a href=\"[^\"]*/portal/rssv/" + token + "\">")
        .contains("Hello Ada Requester,").contains("<p>Remote Services</p>");
    String stored = jdbc.sql("select c.html_body from mail_content c join mail_record r on r.id = c.mail_record_id "
        + "where r.support_request_id = ? and r.idempotency_key like 'rssv-form:%'")
        .param(id).query(String.class).single();
    assertThat(stored).contains("<a href=").contains(org.remoteservices.shared.mail.MailRedaction.REMOVED).doesNotContain(token);
  }

  private static String htmlPart(Object content) throws Exception {
    if (content instanceof jakarta.mail.Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        jakarta.mail.BodyPart part = mp.getBodyPart(i);
        String found = part.isMimeType("text/html") ? part.getContent().toString() : htmlPart(part.getContent());
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    return "";
  }

  @Test
  void happyPath_formSignedSessionResolvedWorkOrderSentSurveyAnswered() {
    Job job = lifecycle.newJob();
    String id = startAndMailRssv(job);
    ProcessInstance instance = lifecycle.instance(id);
    String caseNumber = jdbc.sql("select case_seq from support_request where id = ?").param(id).query(Long.class).single().toString();

    // RSSV mailed to the requester, with the PDF attached
    Mail rssvMail = lastMailWithSubject("Remote Session Security Verification");
    assertThat(rssvMail.to()).containsExactly("ada@example.org");
    String rssvText = rssvMail.attachment(".pdf").pdfText();
    assertThat(rssvText).contains("Remote Session Security Verification", job.jobNumber(), job.jobName(), "Ada Requester",
        "RS-" + String.format("%06d", Long.parseLong(caseNumber)), "video only", "180 days", "RSSV-", "Signature");
    assertThat(instance).isWaitingAt(AWAIT_RSSV);

    lifecycle.signRssvOnline(id, "Ada Requester");
    assertThat(instance).isWaitingAt(CHECK_RSSV).task().hasCandidateGroup("technicians");
    assertThat(lifecycle.task(id).getName()).contains("Check returned RSSV", job.jobNumber(), job.jobName());

    lifecycle.acceptRssv(id);
    lifecycle.schedule(id, "2026-12-01T14:30Z");
    runDueJobs();
    Mail invitation = lastMailWithSubject("Remote session scheduled");
    // one message per recipient (issue 12): the customer and the scheduling contact do not see each other's address
    assertThat(mailsWithSubject("Remote session scheduled")).extracting(Mail::to)
        .containsExactlyInAnyOrder(List.of("ada@example.org"), List.of(job.schedulingContact().email()));
    assertThat(new String(invitation.attachment(".ics").content())).contains("BEGIN:VEVENT", "DTSTART:20261201T143000Z");

    lifecycle.recordOutcome(id, "2026-12-01T14:30Z", "2026-12-01T15:10Z", true, null);
    runDueJobs();
    lifecycle.documentWorkOrder(id);
    runDueJobs();

    Mail workOrder = lastMailWithSubject("Work order for job");
    assertThat(mailsWithSubject("Work order for job")).extracting(Mail::to)
        .containsExactlyInAnyOrder(List.of(job.siteContact().email()), List.of(job.schedulingContact().email()));
    assertThat(workOrder.attachment(".pdf").pdfText()).contains("Work Order", job.jobNumber(), "Scene schedule repaired",
        "Reloaded the processor database", "Processor event log", "GUI logs", "Resolved");

    Mail survey = lastMailWithSubject("How did we do?");
    assertThat(survey.to()).containsExactly("ada@example.org");
    assertThat(instance).isWaitingAt(AWAIT_SURVEY);
    lifecycle.surveys.answer(survey.linkToken("/portal/survey/"), 5, "Quick and friendly");

    assertThat(instance).isEnded().hasPassedInOrder(GENERATE_RSSV, MAIL_RSSV, RSSV_RETURNED, CHECK_RSSV, SCHEDULE_SESSION,
        MAIL_INVITATION, RUN_SESSION, SCHEDULE_RECORDING_DESTRUCTION, DOCUMENT_WORK_ORDER, GENERATE_WORK_ORDER, MAIL_WORK_ORDER,
        MAIL_SURVEY, SURVEY_ANSWERED, COMPLETED);
    assertThat(instance).hasNotPassed(REMINDER_DUE, MAIL_REJECTION, RSSV_EXPIRED, SURVEY_EXPIRED);
    assertThat(mails()).extracting(Mail::subject).hasSize(6); // RSSV, invitation (customer, scheduling contact), work order (site, scheduling), survey

    // stored: the recording kept 180 days after the session's end, support files 10 years after obsolescence
    assertThat(jdbc.sql("select destroy_after from recording where support_request_id = ?").param(id).query(java.sql.Timestamp.class).single().toInstant())
        .isEqualTo(Instant.parse("2026-12-01T15:10:00Z").plus(Duration.ofDays(180)));
    assertThat(jdbc.sql("select retain_until from support_file where support_request_id = ?").param(id).query(LocalDate.class).list())
        .containsOnly(LocalDate.of(2040, 6, 30)).hasSize(2);
    assertThat(jdbc.sql("select rating from survey where support_request_id = ?").param(id).query(Integer.class).single()).isEqualTo(5);
    assertThat(jdbc.sql("select status from support_request where id = ?").param(id).query(String.class).single()).isEqualTo("COMPLETED");
    String signedKey = jdbc.sql("select file_key from rssv_return").query(String.class).list().stream()
        .filter(k -> k.contains(id)).findFirst().orElseThrow();
    assertThat(Mails.pdfText(files.read(signedKey))).contains("Signed online by Ada Requester", "Original form SHA-256");

    // the process carried ids and decisions only: no form input in runtime or history, no personal data
    List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list();
    assertThat(variables).extracting(HistoricVariableInstance::getName)
        .containsOnly("supportRequestId", "caseNumber", "rssvAccepted", "sessionResolved", "followUpSession", "surveySent", "recordingUploaded",
            "siteTimeZone", "siteUtcOffset");
    // the case number is a variable (not personal data), so Cockpit's instance search finds the case by it
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName("caseNumber").singleResult().getValue())
        .asString().startsWith("RS-");
    assertThat(jdbc.sql("select count(*) from act_hi_detail where name_ like 'input_%'").query(Integer.class).single()).isZero();
    assertThat(variables).extracting(v -> String.valueOf(v.getValue())).noneMatch(v -> v.contains("Ada") || v.contains("@"));
  }

  @Test
  void recordingDestroyed180DaysAfterTheSession() {
    Job job = lifecycle.newJob();
    String id = scheduledSession(job);
    lifecycle.recordOutcome(id, "2026-12-01T14:30Z", "2026-12-01T15:10Z", true, null);
    runDueJobs();
    String recordingId = jdbc.sql("select id from recording where support_request_id = ?").param(id).query(String.class).single();
    ProcessInstance retention = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(RemoteSupportProcess.RecordingRetention.KEY).processInstanceBusinessKey(recordingId).singleResult();
    assertThat(retention).isWaitingAt(RemoteSupportProcess.RecordingRetention.RETENTION_ELAPSED);

    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2027-05-30T15:09:00Z")));
    runDueJobs();
    assertThat(retention).isWaitingAt(RemoteSupportProcess.RecordingRetention.RETENTION_ELAPSED); // not a minute early
    advanceClock(Duration.ofMinutes(2));

    // a reference to the tool's recording server without a deletion API: an operator deletes it there and confirms
    // (RecordingRetentionTest follows that path to its end)
    assertThat(retention).isWaitingAt(RemoteSupportProcess.RecordingRetention.CONFIRM_DELETION)
        .hasPassed(RemoteSupportProcess.RecordingRetention.DESTROY_RECORDING);
    assertThat(jdbc.sql("select count(*) from recording_destruction where recording_id = ?").param(recordingId).query(Integer.class).single())
        .isZero();
  }

  @Test
  void uploadedRecordingFileIsDeletedWhenItsTimeComes() throws Exception {
    Job job = lifecycle.newJob();
    String id = scheduledSession(job);
    String sessionId = jdbc.sql("select id from remote_session where support_request_id = ?").param(id).query(String.class).single();
    String recordingId = lifecycle.sessions.uploadRecording(sessionId, new java.io.ByteArrayInputStream("video bytes".getBytes()));
    String key = jdbc.sql("select file_key from recording where id = ?").param(recordingId).query(String.class).single();
    assertThat(files.exists(key)).isTrue();
    // no reference needed: the file was uploaded
    lifecycle.submitForm(id, Map.of("input_startedAt", "2026-12-01T14:30Z", "input_endedAt", "2026-12-01T15:00Z",
        "sessionResolved", "true", "input_sessionNotes", "done"));
    runDueJobs();

    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2027-05-30T15:01:00Z")));
    runDueJobs();
    assertThat(files.exists(key)).isFalse();
    assertThat(jdbc.sql("select method from recording_destruction where recording_id = ?").param(recordingId).query(String.class).single())
        .isEqualTo("FILE_DELETED");
  }

  @Test
  void rejectedFormIsReturnedAgainThenAccepted() {
    Job job = lifecycle.newJob();
    String id = startAndMailRssv(job);
    ProcessInstance instance = lifecycle.instance(id);
    String firstToken = lastMailWithSubject("Remote Session Security Verification").linkToken("/portal/rssv/");
    lifecycle.rssv.signOnline(firstToken, "Ada Requester", true);
    lifecycle.rejectRssv(id, "The signature block is empty");
    runDueJobs();

    Mail rejection = lastMailWithSubject("needs another look");
    assertThat(rejection.to()).containsExactly("ada@example.org");
    assertThat(rejection.body()).contains("The signature block is empty");
    assertThat(rejection.attachment(".pdf").pdfText()).contains("Remote Session Security Verification");
    assertThat(instance).isWaitingAt(AWAIT_RSSV);

    String secondToken = rejection.linkToken("/portal/rssv/");
    assertThat(secondToken).isNotEqualTo(firstToken);
    lifecycle.rssv.signOnline(secondToken, "Ada Requester", true);

    // the second check decides afresh: the first round's "rejected" is gone, a submit without a decision is refused
    assertThat(instance).isWaitingAt(CHECK_RSSV);
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKey("rssvAccepted");
    assertThatThrownBy(() -> lifecycle.submitForm(id, Map.of())).hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("\"Decision\" needs an answer");
    assertThat(instance).isWaitingAt(CHECK_RSSV);
    lifecycle.acceptRssv(id);

    assertThat(instance).isWaitingAt(SCHEDULE_SESSION);
    assertThat(instance).hasPassed(MAIL_REJECTION).hasNotPassed(REMINDER_DUE);
    assertThat(jdbc.sql("select decision from rssv_return r join rssv_form f on f.id = r.rssv_form_id where f.support_request_id = ? order by r.returned_at")
        .param(id).query(String.class).list()).containsExactly("REJECTED", "ACCEPTED");
  }

  @Test
  void noSessionCanStartBeforeTheSignedFormIsAccepted() {
    Job job = lifecycle.newJob();
    String id = startAndMailRssv(job);
    // nothing but the customer's signed form moves the instance past the wait
    assertThat(lifecycle.instance(id)).isWaitingAt(AWAIT_RSSV);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).count()).isZero();
    lifecycle.signRssvOnline(id, "Ada Requester");
    assertThat(lifecycle.instance(id)).isWaitingAt(CHECK_RSSV).hasNotPassed(SCHEDULE_SESSION, RUN_SESSION);
  }

  @Test
  void reminderAfterThreeDaysThenExpiryAfterFourteen() {
    Job job = lifecycle.newJob();
    String id = startAndMailRssv(job);
    ProcessInstance instance = lifecycle.instance(id);
    String token = lastMailWithSubject("Remote Session Security Verification").linkToken("/portal/rssv/");

    advanceClock(Duration.ofDays(3).minusMinutes(1));
    assertThat(instance).isWaitingAt(AWAIT_RSSV);
    advanceClock(Duration.ofMinutes(2));
    assertThat(instance).hasPassed(REMINDER_DUE, MAIL_REMINDER).isWaitingAt(AWAIT_RSSV_AFTER_REMINDER);
    Mail reminder = lastMailWithSubject("Reminder");
    assertThat(reminder.to()).containsExactly("ada@example.org");

    advanceClock(Duration.ofDays(11));
    assertThat(instance).isEnded().hasPassed(RSSV_EXPIRED, MAIL_EXPIRY, REQUEST_EXPIRED).hasNotPassed(CHECK_RSSV);
    assertThat(lastMailWithSubject("has been closed").to()).containsExactly("ada@example.org");
    assertThat(jdbc.sql("select status from support_request where id = ?").param(id).query(String.class).single()).isEqualTo("EXPIRED");
    // the links are dead
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> lifecycle.rssv.signOnline(token, "Ada Requester", true))
        .hasMessageContaining("expired");
  }

  @Test
  void formReturnedAfterTheReminder() {
    Job job = lifecycle.newJob();
    String id = startAndMailRssv(job);
    advanceClock(Duration.ofDays(3).plusMinutes(1));
    String reminderToken = lastMailWithSubject("Reminder").linkToken("/portal/rssv/");
    lifecycle.rssv.signOnline(reminderToken, "Ada Requester", true);
    assertThat(lifecycle.instance(id)).hasPassed(RSSV_RETURNED_AFTER_REMINDER).isWaitingAt(CHECK_RSSV);
  }

  /** A first session not resolved, a follow-up wanted; the second session scheduled on 3 December 2026 09:00 UTC. */
  private String followUpScheduled(Job job) {
    String id = scheduledSession(job);
    lifecycle.recordOutcome(id, "2026-12-01T14:30Z", "2026-12-01T15:00Z", false, true);
    runDueJobs();
    assertThat(lifecycle.instance(id)).hasPassed(FOLLOW_UP_GATEWAY).isWaitingAt(SCHEDULE_SESSION);
    lifecycle.schedule(id, "2026-12-03T09:00Z");
    runDueJobs();
    return id;
  }

  @Test
  void unresolvedSessionWithFollowUpThenClosedUnresolved() {
    Job job = lifecycle.newJob();
    String id = followUpScheduled(job);
    ProcessInstance instance = lifecycle.instance(id);
    lifecycle.recordOutcome(id, "2026-12-03T09:00Z", "2026-12-03T10:00Z", false, false);
    runDueJobs();
    assertThat(instance).isWaitingAt(DOCUMENT_WORK_ORDER);
    lifecycle.documentWorkOrder(id);
    runDueJobs();

    assertThat(jdbc.sql("select count(*) from remote_session where support_request_id = ?").param(id).query(Integer.class).single()).isEqualTo(2);
    assertThat(jdbc.sql("select count(*) from recording where support_request_id = ?").param(id).query(Integer.class).single()).isEqualTo(2);
    assertThat(lastMailWithSubject("Work order").attachment(".pdf").pdfText()).contains("Not resolved");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(RemoteSupportProcess.RecordingRetention.KEY)
        .list().stream().filter(p -> jdbc.sql("select count(*) from recording where id = ? and support_request_id = ?")
            .params(p.getBusinessKey(), id).query(Integer.class).single() > 0).count()).isEqualTo(2);
    assertThat(instance).isWaitingAt(AWAIT_SURVEY);
  }

  @Test
  void followUpSessionRecordsItsOwnOutcome_notTheFirstSessions() {
    Job job = lifecycle.newJob();
    String id = followUpScheduled(job);
    ProcessInstance instance = lifecycle.instance(id);
    assertThat(instance).isWaitingAt(RUN_SESSION);
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKeys("sessionResolved", "followUpSession");

    // "not resolved" without saying whether to follow up: the first session's "follow up" is not taken for it
    Map<String, Object> notResolved = Map.of("input_startedAt", "2026-12-03T09:00Z", "input_endedAt", "2026-12-03T10:00Z",
        "sessionResolved", "false", "input_sessionNotes", "Still flickering", "input_recordingReference", "GTR-2");
    assertThatThrownBy(() -> lifecycle.submitForm(id, notResolved)).hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("\"Is another session needed?\" needs an answer");
    assertThat(instance).isWaitingAt(RUN_SESSION);
    assertThat(jdbc.sql("select count(*) from remote_session where support_request_id = ? and ended_at is not null").param(id)
        .query(Integer.class).single()).isEqualTo(1);

    lifecycle.recordOutcome(id, "2026-12-03T09:00Z", "2026-12-03T10:00Z", false, false);
    runDueJobs();
    assertThat(instance).hasPassed(FOLLOW_UP_GATEWAY).isWaitingAt(DOCUMENT_WORK_ORDER);
  }

  @Test
  void unansweredSurveyExpiresAfter30Days() {
    Job job = lifecycle.newJob();
    String id = scheduledSession(job);
    ProcessInstance instance = lifecycle.instance(id);
    lifecycle.resolveAndDocument(id);
    String surveyToken = lastMailWithSubject("How did we do?").linkToken("/portal/survey/");

    advanceClock(Duration.ofDays(30).plusMinutes(1));
    assertThat(instance).isEnded().hasPassed(SURVEY_EXPIRED, CLOSE_SURVEY, SURVEY_UNANSWERED).hasNotPassed(SURVEY_ANSWERED);
    assertThat(jdbc.sql("select status from survey where support_request_id = ?").param(id).query(String.class).single()).isEqualTo("EXPIRED");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> lifecycle.surveys.answer(surveyToken, 4, null)).hasMessageContaining("expired");
  }
}
