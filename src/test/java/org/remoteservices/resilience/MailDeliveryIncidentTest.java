package org.remoteservices.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Elements.AWAIT_RSSV;
import static org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Elements.GENERATE_RSSV;
import static org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Elements.MAIL_RSSV;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
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
import org.remoteservices.shared.mail.MailOutbox;
import org.remoteservices.shared.mail.camunda.MailDeliveryProcess;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.support.application.RssvService;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.Mails;
import org.remoteservices.testsupport.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail whose step has committed but which keeps failing to leave (the SMTP server went down between the step's
 * connect and its commit, and stays down) becomes a Cockpit incident: after {@code alert-after-attempts} failed
 * attempts the sweeper hands it to a {@code mail-delivery} process (business key = the mail record's id), whose task
 * retries on its cycle and then raises an incident that names no address; the sweeper leaves the mail alone from then
 * on; an operator sees the incident through the engine REST API and retries it once the server is back: the mail
 * leaves exactly once.
 */
class MailDeliveryIncidentTest extends IntegrationTest {
  private static final String OPERATOR = "opsmaildelivery";
  private static final String PASSWORD = "Mail-Delivery-Operator-2026";

  @Autowired Lifecycle lifecycle;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired MailOutbox outbox;
  @Autowired RssvService rssvService;
  @LocalServerPort int port;

  @AfterEach
  void smtpBackUp() {
    TestMailServer.restart();
  }

  @Test
  void smtpDownAfterTheStepCommitted_becomesAnIncidentOfItsOwn_operatorRetrySendsItOnce() throws Exception {
    org.remoteservices.jobs.api.Job job = lifecycle.newJob();
    String requester = "ada.after-commit@example.org";
    String id = lifecycle.submit(job, "Ada Requester", requester);
    ProcessInstance instance = lifecycle.instance(id);
    management.executeJob(jobAt(instance.getId(), MAIL_RSSV_PREVIOUS).getId());

    // the mail step connects and commits; the server goes down before the mail is on its way
    Job mailJob = jobAt(instance.getId(), MAIL_RSSV);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      management.executeJob(mailJob.getId());
      TestMailServer.stop();
    });
    assertThat(instance).isWaitingAt(AWAIT_RSSV);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).as("the step committed: no incident of its own").isZero();
    String mailId = jdbc.sql("select id from mail_record where support_request_id = ? and status = 'PENDING'").param(id).query(String.class).single();
    assertThat(attempts(mailId)).isEqualTo(1);

    // the sweeper tries on its growing delay: four more failures (five with the first)
    for (int attempt = 2; attempt <= 5; attempt++) {
      ClockUtil.setCurrentTime(Date.from(nextAttempt(mailId).toInstant().plusSeconds(1)));
      assertThat(outbox.deliverDue()).isZero();
      assertThat(attempts(mailId)).isEqualTo(attempt);
      assertThat(deliveryProcesses(mailId)).as("not handed over before the limit").isEmpty();
    }

    // five failed attempts: the next sweep hands the mail to a mail-delivery process, once
    outbox.deliverDue();
    outbox.deliverDue();
    List<ProcessInstance> handedOver = deliveryProcesses(mailId);
    assertThat(handedOver).hasSize(1);
    ProcessInstance delivery = handedOver.get(0);
    assertThat(delivery).isWaitingAt(MailDeliveryProcess.Elements.DELIVER_MAIL);
    assertThat(runtime.getVariables(delivery.getId())).as("no personal data in process variables").isEmpty();

    // its task retries on its cycle (R3/PT5M), then becomes an incident
    Job deliveryJob = jobAt(delivery.getId(), MailDeliveryProcess.Elements.DELIVER_MAIL);
    for (int attempt = 1; attempt <= 3; attempt++) {
      Job current = management.createJobQuery().jobId(deliveryJob.getId()).singleResult();
      if (current.getDuedate() != null && current.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(new Date(current.getDuedate().getTime() + 1000));
      }
      assertThatThrownBy(() -> management.executeJob(deliveryJob.getId())).hasMessageContaining("could not be delivered");
    }
    List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(delivery.getId()).list();
    assertThat(incidents).hasSize(1);
    Incident incident = incidents.get(0);
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo(MailDeliveryProcess.Elements.DELIVER_MAIL);
    assertThat(incident.getIncidentMessage())
        .contains("mail rssv-form:", "could not be delivered after 8 attempts", "SMTP server is unreachable", "ConnectException",
            "retry the incident")
        .doesNotContain("Ada", requester, "@");

    // the sweeper leaves it to the process: no attempt of its own, no second process
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(2))));
    int attemptsBefore = attempts(mailId);
    assertThat(outbox.deliverDue()).isZero();
    assertThat(attempts(mailId)).isEqualTo(attemptsBefore);
    assertThat(deliveryProcesses(mailId)).hasSize(1);

    // an operator finds the incident through the engine REST API (what Cockpit shows), with operator rights only
    operator();
    HttpResponse<String> seen = engineRest("GET", "/engine-rest/incident?processDefinitionKeyIn=" + MailDeliveryProcess.KEY, null);
    assertThat(seen.statusCode()).isEqualTo(200);
    assertThat(seen.body()).contains("\"incidentType\":\"failedJob\"", delivery.getId(), "could not be delivered")
        .doesNotContain(requester);
    HttpResponse<String> instances = engineRest("GET", "/engine-rest/process-instance?businessKey=" + mailId, null);
    assertThat(instances.body()).contains(delivery.getId());

    // the mail server is back; the operator retries the incident (Cockpit's "retry": the job gets a retry back)
    TestMailServer.restart();
    HttpResponse<String> retried = engineRest("PUT", "/engine-rest/job/" + deliveryJob.getId() + "/retries", "{\"retries\":1}");
    assertThat(retried.statusCode()).isEqualTo(204);
    runDueJobs(); // what the job executor does with a job that has a retry and is due

    assertThat(delivery).isEnded().hasPassed(MailDeliveryProcess.Elements.DELIVER_MAIL, MailDeliveryProcess.Elements.MAIL_DELIVERED);
    assertThat(runtime.createIncidentQuery().processInstanceId(delivery.getId()).count()).isZero();
    assertThat(received(requester)).hasSize(1).allMatch(s -> s.startsWith("Please sign and return"));
    assertThat(jdbc.sql("select status from mail_record where id = ?").param(mailId).query(String.class).single()).isEqualTo("SENT");

    // nobody gets it twice: not from the sweeper, not from the step running again
    assertThat(outbox.deliverDue()).isZero();
    rssvService.mailForm(id);
    assertThat(received(requester)).hasSize(1);
    assertThat(outbox.backlog().failing()).isZero();
  }

  @Test
  void aStepThatCannotReachTheServer_isTheIncidentItself_noDeliveryProcessIsStarted() {
    org.remoteservices.jobs.api.Job job = lifecycle.newJob();
    String id = lifecycle.submit(job, "Grace Requester", "grace.step@example.org");
    ProcessInstance instance = lifecycle.instance(id);
    management.executeJob(jobAt(instance.getId(), MAIL_RSSV_PREVIOUS).getId());
    TestMailServer.stop();
    Job mailJob = jobAt(instance.getId(), MAIL_RSSV);
    assertThatThrownBy(() -> management.executeJob(mailJob.getId())).hasMessageContaining("could not be delivered");
    String mailId = jdbc.sql("select id from mail_record where support_request_id = ?").param(id).query(String.class).single();
    for (int attempt = 2; attempt <= 6; attempt++) {
      ClockUtil.setCurrentTime(Date.from(nextAttempt(mailId).toInstant().plusSeconds(1)));
      outbox.deliverDue();
    }
    assertThat(attempts(mailId)).isEqualTo(6);
    assertThat(deliveryProcesses(mailId)).as("the step is retried by the engine and raises the incident").isEmpty();
  }

  /** The task before the RSSV mail: the PDF, which needs no mail server. */
  private static final String MAIL_RSSV_PREVIOUS = GENERATE_RSSV;

  private Job jobAt(String processInstanceId, String activityId) {
    Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    return job;
  }

  private List<ProcessInstance> deliveryProcesses(String mailId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(MailDeliveryProcess.KEY).processInstanceBusinessKey(mailId).list();
  }

  private int attempts(String mailId) {
    return jdbc.sql("select attempts from mail_record where id = ?").param(mailId).query(Integer.class).single();
  }

  private Timestamp nextAttempt(String mailId) {
    return jdbc.sql("select next_attempt_at from mail_record where id = ?").param(mailId).query(Timestamp.class).single();
  }

  private List<String> received(String address) {
    return Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.to().contains(address)).map(Mails.Mail::subject).toList();
  }

  private void operator() {
    if (identity.createUserQuery().userId(OPERATOR).count() == 0) {
      User user = identity.newUser(OPERATOR);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(OPERATOR, Groups.OPERATORS);
    }
  }

  private HttpResponse<String> engineRest(String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((OPERATOR + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    if (json == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
