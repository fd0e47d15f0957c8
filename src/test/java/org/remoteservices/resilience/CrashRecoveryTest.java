package org.remoteservices.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remoteservices.testsupport.AppProcess;
import org.remoteservices.testsupport.HttpLifecycles;
import org.remoteservices.testsupport.HttpLifecycles.Case;
import org.remoteservices.testsupport.SmtpGate;
import org.remoteservices.testsupport.TestMailServer;

/**
 * kill -9 in the middle of many running lifecycles. The application runs as its own process on an H2 file
 * database with the job executor on; lifecycles are driven over HTTP; twice the application is killed with
 * SIGKILL while mail steps are caught mid-send (the SMTP gate holds them) and other jobs are queued, then
 * started again on the same database. Every instance must carry on from its last wait state and finish, none
 * lost, no step done twice, each mail delivered exactly once.
 */
@Tag("slow")
class CrashRecoveryTest {
  private static final int CASES = 30;
  /** The happy path has no loops: each of its elements is passed exactly once per instance. */
  static final List<String> HAPPY_PATH = List.of("startEvent_supportRequested", "serviceTask_generateRssv", "serviceTask_mailRssv",
      "eventGateway_awaitRssv", "event_rssvReturned", "userTask_checkRssv", "gateway_rssvAccepted", "userTask_scheduleSession",
      "serviceTask_mailInvitation", "userTask_runSession", "serviceTask_scheduleRecordingDestruction", "userTask_documentWorkOrder",
      "serviceTask_generateWorkOrder", "serviceTask_mailWorkOrder", "serviceTask_mailSurvey", "eventGateway_awaitSurvey",
      "event_surveyAnswered", "endEvent_supportCompleted");

  @TempDir Path dir;

  @Test
  void killedTwiceMidFlight_everyLifecycleResumesAndFinishes_noneLost_noStepOrMailTwice() throws Exception {
    GreenMail mail = TestMailServer.instance();
    mail.purgeEmailFromAllMailboxes();
    String dbUrl = "jdbc:h2:file:" + dir.resolve("db").resolve("rso").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE;WRITE_DELAY=0"; // as application.yml
    try (SmtpGate gate = new SmtpGate(TestMailServer.port())) {
      AppProcess app = new AppProcess("crash", AppProcess.freePort(), List.of(
          "--spring.profiles.active=demo",
          "--spring.datasource.url=" + dbUrl,
          "--rso.file-store.root=" + dir.resolve("files").toAbsolutePath(),
          "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + gate.port(),
          "--rso.public-base-url=http://portal.test",
          "--rso.rate-limit.enabled=false", // every lifecycle comes from this one test client address
          "--rso.task-mails.enabled=false", // the staff's "a task waits" mails are not the lifecycle's, which this test counts
          "--camunda.bpm.job-execution.enabled=true",
          // a dead node's locked jobs are picked up again when their lock expires: short here to keep the test short
          "--camunda.bpm.job-execution.lock-time-in-millis=15000"));
      HttpLifecycles users = new HttpLifecycles(List.of(app.baseUrl()), mail);
      try {
        app.start(Duration.ofMinutes(2));
        List<Case> cases = new ArrayList<>();
        for (int n = 1; n <= CASES; n++) {
          cases.add(users.open(n));
        }
        users.drive(cases, 4);

        // crash 1: forms being generated and mailed
        HttpLifecycles.await("a third of the RSSV mails", Duration.ofMinutes(2),
            () -> count(cases, c -> subjects(mail, c.requester).stream().anyMatch(s -> s.contains("Security Verification"))) >= CASES / 3);
        int caught1 = killMidFlight(app, gate, users);
        app.start(Duration.ofMinutes(2));

        // crash 2: invitations, work orders and surveys on their way
        HttpLifecycles.await("a third of the work orders", Duration.ofMinutes(3),
            () -> count(cases, c -> !subjects(mail, c.siteContact).isEmpty()) >= CASES / 3);
        int caught2 = killMidFlight(app, gate, users);
        app.start(Duration.ofMinutes(2));

        HttpLifecycles.awaitAllDone(cases, Duration.ofMinutes(4));
        System.out.printf("crash test: %d lifecycles, mail steps caught mid-send at the kills: %d and %d, calls refused while down: %d%n",
            CASES, caught1, caught2, users.failedCalls());

        for (Case c : cases) {
          assertEachStepOnce(users, c);
          assertMailsExactlyOnce(mail, c);
        }
        assertThat(users.query("/engine-rest/incident/count").get("count").asInt()).isZero();
        assertThat(users.query("/engine-rest/job/count?withException=true").get("count").asInt()).isZero();
        assertThat(users.query("/engine-rest/process-instance/count?processDefinitionKey=remote-support").get("count").asInt()).isZero();
      } finally {
        users.close();
        app.stop();
      }
    }

    // the domain tables agree: one form, session, work order and survey per request, every mail on record sent
    try (Connection db = DriverManager.getConnection(dbUrl, "sa", ""); Statement s = db.createStatement()) {
      for (String table : List.of("rssv_form", "remote_session", "work_order", "survey")) {
        assertThat(single(s, "select count(*) from " + table)).as(table).isEqualTo(CASES);
        assertThat(single(s, "select count(distinct support_request_id) from " + table)).as(table).isEqualTo(CASES);
      }
      assertThat(single(s, "select count(*) from mail_record")).isEqualTo(4 * CASES);
      assertThat(single(s, "select count(*) from mail_record where status <> 'SENT'")).isZero();
    }
  }

  /** The instance ended at "completed", passing every step of the happy path, none of them twice. */
  static void assertEachStepOnce(HttpLifecycles users, Case c) {
    JsonNode activities = users.query("/engine-rest/history/activity-instance?processInstanceId=" + c.processInstanceId);
    Map<String, Long> passed = java.util.stream.StreamSupport.stream(activities.spliterator(), false)
        .collect(Collectors.groupingBy(a -> a.get("activityId").asText(), Collectors.counting()));
    assertThat(passed).as("steps of " + c).containsKeys(HAPPY_PATH.toArray(String[]::new));
    assertThat(passed).as("each step of " + c + " once").allSatisfy((step, times) -> assertThat(times).as(step).isEqualTo(1L));
  }

  /** Holds the mail server's door, waits until a mail step is stuck mid-send, then kill -9. */
  static int killMidFlight(AppProcess app, SmtpGate gate, HttpLifecycles users) {
    gate.hold();
    HttpLifecycles.await("a mail step caught mid-send", Duration.ofSeconds(60), () -> gate.waiting() > 0);
    AppProcess.sleep(300);
    int caught = gate.waiting();
    app.kill();
    gate.open();
    return caught;
  }

  /** Exactly the mails of one lifecycle, one copy each: RSSV, invitation and survey to the requester, work order to both contacts. */
  static void assertMailsExactlyOnce(GreenMail mail, Case c) {
    assertThat(subjects(mail, c.requester)).as("mails to the requester of " + c).hasSize(3)
        .anyMatch(s -> s.startsWith("Please sign and return your Remote Session Security Verification form"))
        .anyMatch(s -> s.startsWith("Remote session scheduled"))
        .anyMatch(s -> s.startsWith("How did we do?"));
    assertThat(subjects(mail, c.siteContact)).as("mails to the site contact of " + c).hasSize(1)
        .allMatch(s -> s.startsWith("Work order for job " + c.jobNumber));
    assertThat(subjects(mail, c.schedulingContact)).as("mails to the scheduling contact of " + c).hasSize(2)
        .anyMatch(s -> s.startsWith("Work order for job " + c.jobNumber))
        .anyMatch(s -> s.startsWith("Remote session scheduled"));
  }

  static List<String> subjects(GreenMail mail, String address) {
    return HttpLifecycles.subjectsFor(mail, address);
  }

  static long count(List<Case> cases, Predicate<Case> p) {
    return cases.stream().filter(p).count();
  }

  private static int single(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
