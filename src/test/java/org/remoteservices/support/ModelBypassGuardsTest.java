package org.remoteservices.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Elements.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.remoteservices.shared.error.DomainException;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess;
import org.remoteservices.support.application.RssvService;
import org.remoteservices.support.application.SessionService;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.Mails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The model is not the guard: anyone with engine rights can move a token (correlate a message, start an instance
 * before an activity). Each step's use case checks its own precondition; these tests reach the steps the way such a
 * user would, bypassing the model, and call the use cases directly.
 */
class ModelBypassGuardsTest extends IntegrationTest {
  @Autowired Lifecycle lifecycle;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired SessionService sessions;
  @Autowired RssvService rssv;
  @Autowired JdbcClient jdbc;
  @Autowired org.remoteservices.shared.files.FileStore files;

  /** A case waiting for the signed RSSV: the form generated and mailed, nothing returned. */
  private String atRssvWait() {
    String id = lifecycle.submit(lifecycle.newJob(), "Ada Requester", "ada@example.org");
    runDueJobs();
    assertThat(lifecycle.instance(id)).isWaitingAt(AWAIT_RSSV);
    return id;
  }

  private Task openTask(String id, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(taskKey).singleResult();
  }

  private int count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Integer.class).single();
  }

  private String status(String id) {
    return jdbc.sql("select status from support_request where id = ?").param(id).query(String.class).single();
  }

  private List<String> mailSubjects() {
    return Mails.read(MAIL.getReceivedMessages()).stream().map(Mails.Mail::subject).toList();
  }

  /**
   * Runs the instance's due jobs as the job executor would, the engine clock moved past each retry's wait, until the
   * failing step is an incident (its retries used up).
   */
  private Incident failUntilIncident(ProcessInstance instance) {
    for (int attempt = 0; attempt < 10; attempt++) {
      Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
      if (incident != null) {
        return incident;
      }
      for (Job job : management.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException expected) {
          // the refusal: the engine counts the retry down
        }
      }
      ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(6))));
    }
    throw new AssertionError("no incident after 10 attempts");
  }

  @Test
  void rssvReturnedCorrelatedWithoutAReturn_theCheckTaskCannotDecide() {
    String id = atRssvWait();
    ProcessInstance instance = lifecycle.instance(id);
    runtime.createMessageCorrelation(RemoteSupportProcess.MESSAGE_RSSV_RETURNED).processInstanceBusinessKey(id).correlate();
    assertThat(instance).isWaitingAt(CHECK_RSSV);

    assertThatThrownBy(() -> lifecycle.acceptRssv(id)).hasRootCauseInstanceOf(FormFieldValidationException.class)
        .rootCause().hasMessageContaining("no returned RSSV form to decide on").hasMessageContaining("not returned the signed form");
    assertThatThrownBy(() -> lifecycle.rejectRssv(id, "Nothing came back")).hasRootCauseInstanceOf(FormFieldValidationException.class)
        .rootCause().hasMessageContaining("no returned RSSV form to decide on");

    assertThat(instance).isWaitingAt(CHECK_RSSV).hasNotPassed(SCHEDULE_SESSION, MAIL_REJECTION);
    assertThat(count("select count(*) from rssv_return r join rssv_form f on f.id = r.rssv_form_id where f.support_request_id = ?", id)).isZero();
    assertThat(status(id)).isEqualTo("RSSV_PENDING");
    assertThat(runtime.getVariables(instance.getId())).doesNotContainKey("rssvAccepted");
  }

  @Test
  void scheduleTaskStartedByModification_completingItIsRefusedAndStoresNothing() {
    String id = atRssvWait();
    ProcessInstance instance = lifecycle.instance(id);
    runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity(SCHEDULE_SESSION).execute();
    assertThat(instance).isWaitingAt(SCHEDULE_SESSION);

    assertThatThrownBy(() -> lifecycle.schedule(id, "2026-12-01T14:30Z")).hasRootCauseInstanceOf(FormFieldValidationException.class)
        .rootCause().hasMessageContaining("No session can be scheduled for case RS-")
        .hasMessageContaining("the customer has not returned the signed RSSV form").hasMessageContaining("accepted RSSV form")
        .hasMessageNotContaining("Ada").hasMessageNotContaining("@");

    assertThat(openTask(id, SCHEDULE_SESSION)).as("the task stays open").isNotNull();
    assertThat(count("select count(*) from remote_session where support_request_id = ?", id)).isZero();
    assertThat(status(id)).isEqualTo("RSSV_PENDING");
    // no form input left behind (the site's zone and offset are set for the form when the task is created)
    assertThat(runtime.getVariables(instance.getId())).containsOnlyKeys("supportRequestId", "caseNumber", "siteTimeZone", "siteUtcOffset");
  }

  @Test
  void invitationStepStartedByModification_isAnIncidentAndMailsNothing() throws Exception {
    String id = atRssvWait();
    ProcessInstance instance = lifecycle.instance(id);
    MAIL.purgeEmailFromAllMailboxes();
    runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity(MAIL_INVITATION).execute();

    Incident incident = failUntilIncident(instance);
    assertThat(incident.getActivityId()).isEqualTo(MAIL_INVITATION);
    assertThat(incident.getIncidentMessage()).contains("No session invitation is mailed for case RS-", "has not returned the signed RSSV form")
        .doesNotContain("Ada", "@");
    assertThat(MAIL.getReceivedMessages()).isEmpty();
    assertThat(count("select count(*) from mail_record where idempotency_key like 'session-invitation:%' and support_request_id = ?", id)).isZero();
  }

  @Test
  void invitationStepAfterARejection_isAnIncidentToo() throws Exception {
    String id = atRssvWait();
    lifecycle.signRssvOnline(id, "Ada Requester");
    lifecycle.rejectRssv(id, "The signature is missing");
    runDueJobs();
    ProcessInstance instance = lifecycle.instance(id);
    assertThat(instance).isWaitingAt(AWAIT_RSSV);
    MAIL.purgeEmailFromAllMailboxes();
    runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity(MAIL_INVITATION).execute();

    assertThat(failUntilIncident(instance).getIncidentMessage()).contains("the latest returned RSSV form was rejected");
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void theUseCasesRefuseWhenCalledDirectly() {
    String id = atRssvWait();
    assertThatThrownBy(() -> sessions.schedule(id, Instant.parse("2026-12-01T14:30:00Z"), 60, "sectechnician"))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT))
        .hasMessageContaining("No session can be scheduled");
    assertThatThrownBy(() -> sessions.mailInvitation(id)).isInstanceOf(DomainException.class).hasMessageContaining("No session invitation is mailed");
    assertThatThrownBy(() -> rssv.recordDecision(id, true, null, "sectechnician")).isInstanceOf(DomainException.class)
        .hasMessageContaining("no returned RSSV form to decide on");

    // returned but not yet checked: still no session
    lifecycle.signRssvOnline(id, "Ada Requester");
    assertThatThrownBy(() -> sessions.schedule(id, Instant.parse("2026-12-01T14:30:00Z"), 60, "sectechnician"))
        .isInstanceOf(DomainException.class).hasMessageContaining("has not been checked and accepted yet");
    assertThatThrownBy(() -> sessions.mailInvitation(id)).isInstanceOf(DomainException.class).hasMessageContaining("not been checked");
    assertThat(count("select count(*) from remote_session where support_request_id = ?", id)).isZero();
    assertThat(mailSubjects()).noneMatch(s -> s.contains("Remote session scheduled"));

    // accepted: the same calls pass the guard (the invitation still needs a scheduled session)
    lifecycle.acceptRssv(id);
    assertThatThrownBy(() -> sessions.mailInvitation(id)).isInstanceOf(DomainException.class).hasMessageContaining("no session is scheduled");
    lifecycle.schedule(id, "2026-12-01T14:30Z");
    runDueJobs();
    assertThat(mailSubjects()).anyMatch(s -> s.contains("Remote session scheduled"));
  }

  @Test
  void aDecidedReturnIsNotDecidedAgain_aNewReturnIs() {
    String id = atRssvWait();
    ProcessInstance instance = lifecycle.instance(id);
    lifecycle.signRssvOnline(id, "Ada Requester");
    lifecycle.rejectRssv(id, "The signature is missing");
    runDueJobs();
    assertThat(instance).isWaitingAt(AWAIT_RSSV);

    // the check task reached again by moving a token, no new return: the rejected copy cannot be accepted now
    runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity(CHECK_RSSV).execute();
    Task again = openTask(id, CHECK_RSSV);
    assertThatThrownBy(() -> forms.submitTaskForm(again.getId(), Map.of("rssvAccepted", "true")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).rootCause()
        .hasMessageContaining("was already rejected").hasMessageContaining("only a new return");
    assertThatThrownBy(() -> rssv.recordDecision(id, true, null, "sectechnician")).isInstanceOf(DomainException.class)
        .hasMessageContaining("already rejected");
    assertThat(openTask(id, CHECK_RSSV)).isNotNull();
    assertThat(count("select count(*) from remote_session where support_request_id = ?", id)).isZero();
    runtime.createProcessInstanceModification(instance.getId()).cancelAllForActivity(CHECK_RSSV).execute();

    // a new return is decided afresh
    lifecycle.signRssvOnline(id, "Ada Requester");
    lifecycle.acceptRssv(id);
    assertThat(instance).isWaitingAt(SCHEDULE_SESSION);
    assertThat(jdbc.sql("select decision from rssv_return r join rssv_form f on f.id = r.rssv_form_id where f.support_request_id = ? order by r.returned_at")
        .param(id).query(String.class).list()).containsExactly("REJECTED", "ACCEPTED");

    // and the accepted copy is not decided again either: neither accepted twice nor turned into a rejection
    runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity(CHECK_RSSV).execute();
    Task third = openTask(id, CHECK_RSSV);
    assertThatThrownBy(() -> forms.submitTaskForm(third.getId(), Map.of("rssvAccepted", "false", "input_rejectionReason", "Changed my mind")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).rootCause().hasMessageContaining("was already accepted");
    assertThatThrownBy(() -> rssv.recordDecision(id, true, null, "sectechnician")).isInstanceOf(DomainException.class)
        .hasMessageContaining("already accepted");
    assertThat(jdbc.sql("select decision from rssv_return r join rssv_form f on f.id = r.rssv_form_id where f.support_request_id = ? order by r.returned_at")
        .param(id).query(String.class).list()).containsExactly("REJECTED", "ACCEPTED");
    assertThat(status(id)).isEqualTo("RSSV_RETURNED");
  }

  @Test
  void aRecordingIsNotDestroyedBeforeItsDate_notByAMovedTimerNorByACallOfItsOwn() throws Exception {
    String id = atRssvWait();
    lifecycle.signRssvOnline(id, "Ada Requester");
    lifecycle.acceptAndSchedule(id);
    String sessionId = lifecycle.sessions.currentSessionId(id).orElseThrow();
    String recordingId = sessions.uploadRecording(sessionId, new java.io.ByteArrayInputStream("video bytes".getBytes()));
    String key = jdbc.sql("select file_key from recording where id = ?").param(recordingId).query(String.class).single();
    lifecycle.submitForm(id, Map.of("input_startedAt", "2026-12-01T14:30Z", "input_endedAt", "2026-12-01T15:00Z",
        "sessionResolved", "true", "input_sessionNotes", "done"));
    runDueJobs();
    Instant destroyAfter = Instant.parse("2026-12-01T15:00:00Z").plus(Duration.ofDays(180));
    ProcessInstance retention = runtime.createProcessInstanceQuery().processDefinitionKey(RemoteSupportProcess.RecordingRetention.KEY)
        .processInstanceBusinessKey(recordingId).singleResult();
    assertThat(retention).isWaitingAt(RemoteSupportProcess.RecordingRetention.RETENTION_ELAPSED);

    // an operator moves the timer to now (Cockpit: the job's due date), or executes its job: the destroy step refuses
    Job timer = management.createJobQuery().processInstanceId(retention.getId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(destroyAfter);
    management.setJobDuedate(timer.getId(), ClockUtil.getCurrentTime());
    Incident incident = failUntilIncident(retention);
    assertThat(incident.getActivityId()).isEqualTo(RemoteSupportProcess.RecordingRetention.DESTROY_RECORDING);
    assertThat(incident.getIncidentMessage()).contains("Recording " + recordingId + " is not destroyed before the end of its retention period",
        "30 May 2027");
    assertThat(lifecycle.sessions.recordingsOfCurrentSession(id)).singleElement().satisfies(r -> assertThat(r.destroyedAt()).isNull());
    assertThat(count("select count(*) from recording_destruction where recording_id = ?", recordingId)).isZero();
    assertThat(new java.io.File(files.root().resolve(key).toString())).exists();

    // the use case refuses a direct call as well
    assertThatThrownBy(() -> sessions.destroyRecording(recordingId)).isInstanceOfSatisfying(DomainException.class,
        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT)).hasMessageContaining("not destroyed before");
    assertThat(new java.io.File(files.root().resolve(key).toString())).exists();

    // the operator's repair: the token back to the timer, whose due date is read from the recording again
    runtime.createProcessInstanceModification(retention.getId()).cancelAllForActivity(RemoteSupportProcess.RecordingRetention.DESTROY_RECORDING)
        .startBeforeActivity(RemoteSupportProcess.RecordingRetention.RETENTION_ELAPSED).execute();
    assertThat(management.createJobQuery().processInstanceId(retention.getId()).timers().singleResult().getDuedate().toInstant())
        .isEqualTo(destroyAfter);
    ClockUtil.setCurrentTime(Date.from(destroyAfter.plusSeconds(60)));
    runDueJobs();
    assertThat(retention).isEnded().hasPassed(RemoteSupportProcess.RecordingRetention.DESTROYED);
    assertThat(new java.io.File(files.root().resolve(key).toString())).doesNotExist();
    assertThat(count("select count(*) from recording_destruction where recording_id = ?", recordingId)).isEqualTo(1);
  }
}
