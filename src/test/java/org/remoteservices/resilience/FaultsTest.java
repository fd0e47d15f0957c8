package org.remoteservices.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Elements.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.support.application.RssvService;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.Mails;
import org.remoteservices.testsupport.Mails.Mail;
import org.remoteservices.testsupport.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Faults lose nothing: a mail server that is down, or a step that fails for a technical reason, turns into
 * retries on the step's cycle (R5/PT5M) and then a Cockpit incident with a readable message; once the cause is
 * fixed and the incident retried, the instance carries on and every mail goes out exactly once.
 */
class FaultsTest extends IntegrationTest {
  private static final String RETRY_CYCLE_STEP = "PT5M";
  private static final int RETRIES = 5; // R5

  @Autowired Lifecycle lifecycle;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired FileStore files;
  @Autowired RssvService rssvService;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
  @Autowired org.remoteservices.support.application.SurveyService surveyService;
  @LocalServerPort int port;

  @AfterEach
  void smtpBackUp() {
    TestMailServer.restart();
  }

  @Test
  void smtpDown_mailStepsRetryThenRaiseAnIncident_afterRetryEachMailIsDeliveredOncePerRecipient() {
    org.remoteservices.jobs.api.Job job = lifecycle.newJob();
    String requester = "ada.smtp@example.org";
    String id = lifecycle.submit(job, "Ada Requester", requester);
    ProcessInstance instance = lifecycle.instance(id);
    runJobAt(instance, GENERATE_RSSV); // the PDF needs no mail server

    // the mail server goes down: the RSSV mail step fails on every attempt of its retry cycle
    stopSmtp();
    Job mailJob = jobAt(instance, MAIL_RSSV);
    exhaustRetries(mailJob, "could not be delivered");

    Incident incident = incidentOf(instance);
    assertThat(incident.getActivityId()).isEqualTo(MAIL_RSSV);
    assertThat(incident.getIncidentMessage())
        .contains("mail rssv-form:", "could not be delivered", "SMTP server is unreachable", "ConnectException", "retry the incident")
        .doesNotContain("Ada", requester, "@");
    assertThat(operatorSeesIncidentsOf(instance)).contains("could not be delivered").doesNotContain(requester);
    assertThat(MAIL.getReceivedMessages()).isEmpty();
    // the outbox holds the composed mail, not yet sent
    assertThat(jdbc.sql("select status from mail_record where support_request_id = ?").param(id).query(String.class).list())
        .containsExactly("PENDING");

    // the mail server is back; an operator retries the incident (what Cockpit's "retry" does)
    TestMailServer.restart();
    management.setJobRetries(mailJob.getId(), 1);
    management.executeJob(mailJob.getId());

    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(instance).isWaitingAt(AWAIT_RSSV);
    assertThat(received(requester)).containsExactly(rssvSubject(id));
    // the step running again (a retried job whose transaction was lost after the mail left) sends nothing more
    rssvService.mailForm(id);
    assertThat(received(requester)).hasSize(1);

    // a mail to two recipients: the session invitation goes to the requester and the scheduling contact
    signAndSchedule(id);
    stopSmtp();
    Job invitationJob = jobAt(instance, MAIL_INVITATION);
    exhaustRetries(invitationJob, "could not be delivered");
    assertThat(incidentOf(instance).getActivityId()).isEqualTo(MAIL_INVITATION);
    TestMailServer.restart();
    management.setJobRetries(invitationJob.getId(), 1);
    management.executeJob(invitationJob.getId());

    assertThat(received(requester)).filteredOn(s -> s.startsWith("Remote session scheduled")).hasSize(1);
    assertThat(received(job.schedulingContact().email())).filteredOn(s -> s.startsWith("Remote session scheduled")).hasSize(1);
    assertThat(instance).isWaitingAt(RUN_SESSION);

    finishFromSession(id);
    assertThat(instance).isEnded().hasPassed(MAIL_RSSV, MAIL_INVITATION, MAIL_WORK_ORDER, MAIL_SURVEY, COMPLETED);
    assertThat(received(requester)).hasSize(3); // RSSV, invitation, survey: one each
    assertThat(received(job.siteContact().email())).hasSize(1); // the work order
    assertThat(received(job.schedulingContact().email())).hasSize(2); // invitation, work order
    assertThat(jdbc.sql("select count(*) from mail_record where support_request_id = ? and status = 'SENT'").param(id).query(Integer.class).single())
        .isEqualTo(4);
  }

  @Test
  void technicalErrorInAStep_becomesAnIncidentWithAReadableMessage_retryAfterTheFixCompletesTheInstance() throws Exception {
    org.remoteservices.jobs.api.Job job = lifecycle.newJob();
    String requester = "grace.pdf@example.org";
    String id = lifecycle.submit(job, "Grace Requester", requester);
    ProcessInstance instance = lifecycle.instance(id);

    // the file store cannot take the RSSV PDF: a file sits where the request's folder must go
    Path blocker = files.root().resolve("rssv").resolve(id);
    Files.createDirectories(blocker.getParent());
    Files.writeString(blocker, "in the way");
    Job generateJob = jobAt(instance, GENERATE_RSSV);
    exhaustRetries(generateJob, "cannot write file");

    Incident incident = incidentOf(instance);
    assertThat(incident.getActivityId()).isEqualTo(GENERATE_RSSV);
    assertThat(incident.getIncidentMessage())
        .contains("cannot write file rssv/" + id + "/rssv-form.pdf", "FileAlreadyExistsException", "writable")
        .doesNotContain("Grace", requester);
    assertThat(operatorSeesIncidentsOf(instance)).contains("cannot write file");
    assertThat(jdbc.sql("select count(*) from rssv_form where support_request_id = ?").param(id).query(Integer.class).single()).isZero();

    // fixed; the operator retries
    Files.delete(blocker);
    management.setJobRetries(generateJob.getId(), 1);
    management.executeJob(generateJob.getId());
    runDueJobs();

    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(instance).isWaitingAt(AWAIT_RSSV);
    assertThat(received(requester)).containsExactly(rssvSubject(id));
    signAndSchedule(id);
    runDueJobs();
    finishFromSession(id);
    assertThat(instance).isEnded().hasPassedInOrder(GENERATE_RSSV, MAIL_RSSV, CHECK_RSSV, RUN_SESSION, MAIL_WORK_ORDER, COMPLETED);
    assertThat(jdbc.sql("select count(*) from rssv_form where support_request_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void mailStepWhoseTransactionIsLostAfterTheSend_rerunSendsNothing_andTheMailedLinkStillWorks() {
    org.remoteservices.jobs.api.Job job = lifecycle.newJob();
    String requester = "ada.rerun@example.org";
    String id = lifecycle.submit(job, "Ada Requester", requester);
    ProcessInstance instance = lifecycle.instance(id);
    runDueJobs();
    signAndSchedule(id);
    runDueJobs();
    lifecycle.recordOutcome(id, "2026-12-01T14:30Z", "2026-12-01T15:10Z", true, null);
    runDueJobs();
    lifecycle.documentWorkOrder(id);
    while (management.createJobQuery().processInstanceId(instance.getId()).activityId(MAIL_SURVEY).count() == 0) {
      management.createJobQuery().processInstanceId(instance.getId()).executable().list().forEach(j -> management.executeJob(j.getId()));
    }

    // the survey step runs, the mail leaves, then its transaction is lost (a crash or a conflict at commit)
    new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
      surveyService.mailSurvey(id);
      status.setRollbackOnly();
    });
    assertThat(received(requester)).filteredOn(s -> s.startsWith("How did we do?")).hasSize(1);
    // the link in the mail already leads to the survey, before the step has run again
    String token = lastMail("How did we do?").linkToken("/portal/survey/");
    assertThat(lifecycle.surveys.view(token).caseNumber()).startsWith("RS-");
    // answered in that moment: "try again shortly", nothing stored, the link still valid
    assertThatThrownBy(() -> lifecycle.surveys.answer(token, 5, "Too early"))
        .isInstanceOf(org.remoteservices.shared.error.DomainException.class).hasMessageContaining("try again");

    // the engine runs the step again: no second mail, and the link in the first one works
    management.executeJob(jobAt(instance, MAIL_SURVEY).getId());
    assertThat(received(requester)).filteredOn(s -> s.startsWith("How did we do?")).hasSize(1);
    lifecycle.surveys.answer(token, 5, "Fine");
    assertThat(instance).isEnded().hasPassed(SURVEY_ANSWERED, COMPLETED);
  }

  // --- helpers

  private Job jobAt(ProcessInstance instance, String activityId) {
    Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    return job;
  }

  private void runJobAt(ProcessInstance instance, String activityId) {
    management.executeJob(jobAt(instance, activityId).getId());
  }

  /**
   * Runs the failing job until its retries are used up, moving the engine clock past each retry's due date
   * first (as the job executor would wait): 5 attempts, PT5M apart, the retry count going 4, 3, 2, 1, 0.
   */
  private void exhaustRetries(Job job, String expectedMessage) {
    List<Integer> retriesAfterEachFailure = new ArrayList<>();
    for (int attempt = 1; attempt <= RETRIES; attempt++) {
      Job current = management.createJobQuery().jobId(job.getId()).singleResult();
      if (current.getDuedate() != null && current.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(new Date(current.getDuedate().getTime() + 1000));
      }
      assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).as("due before attempt " + attempt).isEqualTo(1);
      Instant failedAt = ClockUtil.getCurrentTime().toInstant();
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining(expectedMessage);
      Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
      retriesAfterEachFailure.add(failed.getRetries());
      if (failed.getRetries() > 0) {
        // the next attempt waits for the cycle's interval: not due now, due in five minutes
        assertThat(failed.getDuedate().toInstant()).isBetween(failedAt.plus(Duration.parse(RETRY_CYCLE_STEP)).minusSeconds(1),
            failedAt.plus(Duration.parse(RETRY_CYCLE_STEP)).plusSeconds(30));
        assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).isZero();
      }
    }
    assertThat(retriesAfterEachFailure).containsExactly(4, 3, 2, 1, 0);
    assertThat(management.createJobQuery().jobId(job.getId()).noRetriesLeft().count()).isEqualTo(1);
  }

  private Incident incidentOf(ProcessInstance instance) {
    List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(instance.getId()).list();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    return incidents.get(0);
  }

  /** What an operator's Cockpit gets from the engine REST API (with their authorizations) for the instance. */
  private String operatorSeesIncidentsOf(ProcessInstance instance) {
    String userId = "opsfaults";
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setPassword("Faults-Operator-2026");
      identity.saveUser(user);
      identity.createMembership(userId, Groups.OPERATORS);
    }
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/engine-rest/incident?processInstanceId=" + instance.getId()))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((userId + ":Faults-Operator-2026").getBytes(StandardCharsets.UTF_8)))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"incidentType\":\"failedJob\"");
      return response.body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies delivered before the mail server was stopped (a stopped GreenMail forgets its mailboxes). */
  private final List<String[]> deliveredBeforeStop = new ArrayList<>();

  private void stopSmtp() {
    for (com.icegreen.greenmail.user.GreenMailUser user : MAIL.getUserManager().listUser()) {
      inbox(user.getEmail()).forEach(subject -> deliveredBeforeStop.add(new String[] {user.getEmail(), subject}));
    }
    TestMailServer.stop();
  }

  /** Subjects of every copy delivered to one recipient's mailbox (a mail sent twice counts twice), also before stops. */
  private List<String> received(String address) {
    List<String> subjects = new ArrayList<>();
    deliveredBeforeStop.stream().filter(d -> d[0].equalsIgnoreCase(address)).forEach(d -> subjects.add(d[1]));
    subjects.addAll(inbox(address));
    return subjects;
  }

  private static List<String> inbox(String address) {
    com.icegreen.greenmail.user.GreenMailUser user = MAIL.getUserManager().getUserByEmail(address);
    if (user == null) {
      return List.of();
    }
    try {
      List<String> subjects = new ArrayList<>();
      for (com.icegreen.greenmail.store.StoredMessage copy : MAIL.getManagers().getImapHostManager().getInbox(user).getMessages()) {
        subjects.add(copy.getMimeMessage().getSubject());
      }
      return subjects;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String rssvSubject(String id) {
    String caseNumber = "RS-" + String.format("%06d", jdbc.sql("select case_seq from support_request where id = ?").param(id).query(Long.class).single());
    return "Please sign and return your Remote Session Security Verification form (case " + caseNumber + ")";
  }

  private Mail lastMail(String subjectPart) {
    return Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.subject().contains(subjectPart)).reduce((a, b) -> b).orElseThrow();
  }

  private void signAndSchedule(String id) {
    lifecycle.signRssvOnline(id, "Ada Requester");
    lifecycle.acceptRssv(id);
    lifecycle.schedule(id, "2026-12-01T14:30Z");
  }

  private void finishFromSession(String id) {
    lifecycle.resolveAndDocument(id);
    lifecycle.surveys.answer(lastMail("How did we do?").linkToken("/portal/survey/"), 4, "Fine");
  }
}
