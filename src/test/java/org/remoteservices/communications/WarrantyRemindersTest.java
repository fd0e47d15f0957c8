package org.remoteservices.communications;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remoteservices.communications.adapter.camunda.CommunicationProcess;
import org.remoteservices.communications.adapter.camunda.WarrantyRemindersProcess;
import org.remoteservices.privacy.adapter.db.PrivacyRecordsRepository;
import org.remoteservices.privacy.application.SubjectKeys;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Warranty-expiry reminders come by themselves: the hourly {@code warranty-reminders} timer starts one SERVICE_UPDATE
 * communication 30 days (the lead) ahead of a job's warranty date, to the job's contacts minus the objecting, once per
 * job and date; a moved date moves it, a date already within the lead is reminded of at once, a past date never.
 */
class WarrantyRemindersTest extends IntegrationTest {
  @LocalServerPort int port;
  @Autowired TestUsers users;
  @Autowired PrivacyRecordsRepository flags;
  @Autowired SubjectKeys keys;
  @Autowired JdbcClient jdbc;

  Http http;
  TestUsers.Login operator;
  String suffix;
  String number;
  String requester;
  String objecting;

  @BeforeEach
  void jobWithAWarranty() {
    http = new Http(port);
    operator = users.login(TestUsers.Role.OPERATOR);
    suffix = UUID.randomUUID().toString().substring(0, 8);
    number = "JW-" + suffix;
    Http.Response created = http.post("/api/jobs").as(operator).json("""
        {"jobNumber":"%s","jobName":"Warranty Site %s","locationAddress":"1 Warranty Road",
         "siteContact":{"name":"Sam Site","email":"site-%s@example.com"},
         "schedulingContact":{"name":"Pat Plan","email":"plan-%s@example.com"},
         "systemObsolescenceDate":"2040-01-01","warrantyUntil":"2031-03-31"}""".formatted(number, suffix, suffix, suffix)).send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("warrantyUntil").asText()).isEqualTo("2031-03-31");
    requester = intake("requester");
    objecting = intake("objecting");
    flags.setFlag(keys.of(objecting), "OBJECTION", null);
  }

  private String intake(String role) {
    String email = role + "-" + suffix + "@example.org";
    Http.Response r = http.post("/api/support-requests").json(Map.of("name", "Person " + role, "phone", "+1 555 0100", "email", email,
        "jobNumber", number)).send();
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return email;
  }

  private static void clockAt(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  private void runJobsOf(String key) {
    runDueJobs(management, () -> management.createJobQuery().processDefinitionKey(key).executable().list().stream()
        .filter(j -> j.getProcessInstanceId() != null).toList(), 200);
  }

  /** One pass of the hourly timer (executed now, whatever its due time), then the sends it started. */
  private void timerPass() {
    Job timer = management.createJobQuery().processDefinitionKey(WarrantyRemindersProcess.KEY).timers().singleResult();
    assertThat(timer).as("the warranty-reminders timer").isNotNull();
    management.executeJob(timer.getId());
    runJobsOf(WarrantyRemindersProcess.KEY);
    runJobsOf(CommunicationProcess.KEY);
    Job next = management.createJobQuery().processDefinitionKey(WarrantyRemindersProcess.KEY).timers().singleResult();
    assertThat(next.getDuedate()).as("the next pass within the hour")
        .isAfter(ClockUtil.getCurrentTime()).isBeforeOrEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(3600)));
  }

  private String subject(String date) {
    return "Warranty of Warranty Site " + suffix + " (job " + number + ") ends on " + date;
  }

  /** Recipients of the mails with this subject, one entry per mail. */
  private List<String> recipientsOf(String subject) throws Exception {
    List<String> to = new ArrayList<>();
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      if (subject.equals(m.getSubject())) {
        assertThat(m.getAllRecipients()).hasSize(1);
        to.add(m.getAllRecipients()[0].toString());
      }
    }
    return to;
  }

  private int reminders() {
    return jdbc.sql("select count(*) from warranty_reminder where job_number = ?").param(number).query(Integer.class).single();
  }

  private static String raw(MimeMessage m) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    m.writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theTimerRemindsTheJobsContactsButTheObjectingOnceThirtyDaysAheadAndASecondPassSendsNothing() throws Exception {
    assertThat(http.get("/api/jobs/" + number).as(operator).send().json().get("warrantyUntil").asText()).isEqualTo("2031-03-31");

    clockAt("2031-02-27T10:00:00Z"); // 32 days ahead: not yet
    timerPass();
    assertThat(recipientsOf(subject("2031-03-31"))).isEmpty();
    assertThat(reminders()).isZero();

    clockAt("2031-03-02T10:00:00Z"); // 29 days ahead
    timerPass();
    assertThat(recipientsOf(subject("2031-03-31")))
        .containsExactlyInAnyOrder("site-" + suffix + "@example.com", "plan-" + suffix + "@example.com", requester);
    MimeMessage mail = MAIL.getReceivedMessages()[0];
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      if (subject("2031-03-31").equals(m.getSubject())) {
        mail = m;
      }
    }
    assertThat(raw(mail)).contains("Warranty Site " + suffix).contains(number).contains("2031-03-31").contains("text/html");
    String communication = jdbc.sql("select communication_id from warranty_reminder where job_number = ?").param(number)
        .query(String.class).single();
    Http.Response status = http.get("/api/communications/" + communication).as(operator).send();
    assertThat(status.json().get("purpose").asText()).isEqualTo("SERVICE_UPDATE");
    assertThat(status.json().get("sent").asInt()).isEqualTo(3);
    assertThat(status.json().get("skipped").get("OBJECTED").asInt()).isEqualTo(1);

    MAIL.purgeEmailFromAllMailboxes();
    clockAt("2031-03-02T11:00:00Z");
    timerPass(); // the next hour, and the other node's pass: the reminder of this date is on record
    timerPass();
    assertThat(recipientsOf(subject("2031-03-31"))).isEmpty();
    assertThat(reminders()).isOne();
    assertThat(recipientsOf(subject("2031-03-31"))).doesNotContain(objecting);
  }

  /** A warranty date set by mistake: {"warrantyUntil": null} removes it, and no reminder is ever started for that date. */
  @Test
  void aWarrantyDateSetByMistakeIsRemoved_andNeverReminded() throws Exception {
    Http.Response kept = http.call("PATCH", "/api/jobs/" + number).as(operator).json("{\"systemObsolescenceDate\":\"2041-01-01\"}").send();
    assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
    assertThat(kept.json().get("warrantyUntil").asText()).as("left out: stays").isEqualTo("2031-03-31");

    Http.Response removed = http.call("PATCH", "/api/jobs/" + number).as(operator).json("{\"warrantyUntil\":null}").send();
    assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
    assertThat(removed.json().has("warrantyUntil")).as(removed.toString()).isFalse();
    assertThat(removed.json().get("systemObsolescenceDate").asText()).isEqualTo("2041-01-01");
    assertThat(jdbc.sql("select warranty_until from job where job_number = ?").param(number).query(java.sql.Date.class).optional()
        .orElse(null)).isNull();
    assertThat(http.get("/api/jobs/" + number).as(operator).send().json().has("warrantyUntil")).isFalse();

    clockAt("2031-03-02T10:00:00Z"); // 29 days before the removed date
    timerPass();
    assertThat(recipientsOf(subject("2031-03-31"))).isEmpty();
    assertThat(reminders()).isZero();

    // removing it again changes nothing; a date and its removal at once, or an empty change, are refused
    assertThat(http.call("PATCH", "/api/jobs/" + number).as(operator).json("{\"warrantyUntil\":null}").send().status()).isEqualTo(200);
    Http.Response empty = http.call("PATCH", "/api/jobs/" + number).as(operator).json("{}").send();
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("warrantyUntil");
    assertThat(http.call("PATCH", "/api/jobs/" + number).as(users.login(TestUsers.Role.TECHNICIAN)).json("{\"warrantyUntil\":null}")
        .send().status()).isEqualTo(403);
  }

  @Test
  void aMovedDateMovesTheReminder_aDateWithinTheLeadIsRemindedAtOnce_aPastDateNever() throws Exception {
    clockAt("2031-03-02T10:00:00Z");
    Http.Response moved = http.call("PATCH", "/api/jobs/" + number).as(operator).json("{\"warrantyUntil\":\"2031-09-30\"}").send();
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().get("warrantyUntil").asText()).isEqualTo("2031-09-30");
    assertThat(moved.json().get("systemObsolescenceDate").asText()).isEqualTo("2040-01-01");
    timerPass();
    assertThat(recipientsOf(subject("2031-03-31"))).isEmpty(); // the old date is not reminded of
    assertThat(recipientsOf(subject("2031-09-30"))).isEmpty(); // the new one not yet
    assertThat(reminders()).isZero();

    clockAt("2031-09-05T10:00:00Z");
    timerPass();
    assertThat(recipientsOf(subject("2031-09-30"))).hasSize(3);

    // moved into the lead: the operator's change starts it at once, no timer needed
    Http.Response near = http.call("PATCH", "/api/jobs/" + number).as(operator).json("{\"warrantyUntil\":\"2031-09-15\"}").send();
    assertThat(near.status()).as(near.toString()).isEqualTo(200);
    assertThat(reminders()).isEqualTo(2);
    runJobsOf(CommunicationProcess.KEY);
    assertThat(recipientsOf(subject("2031-09-15")))
        .containsExactlyInAnyOrder("site-" + suffix + "@example.com", "plan-" + suffix + "@example.com", requester);

    // a date in the past: nothing, now or at any pass
    MAIL.purgeEmailFromAllMailboxes();
    assertThat(http.call("PATCH", "/api/jobs/" + number).as(operator).json("{\"warrantyUntil\":\"2031-09-01\"}").send().status())
        .isEqualTo(200);
    timerPass();
    assertThat(recipientsOf(subject("2031-09-01"))).isEmpty();
    assertThat(reminders()).isEqualTo(2);

    // a new job whose warranty ends within the lead is reminded of when it is registered
    String other = "JW-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(http.post("/api/jobs").as(operator).json("""
        {"jobNumber":"%s","jobName":"Near Site","locationAddress":"2 Warranty Road",
         "siteContact":{"name":"Nia Near","email":"near-%s@example.com"},
         "schedulingContact":{"name":"Nia Near","email":"near-%s@example.com"},
         "systemObsolescenceDate":"2040-01-01","warrantyUntil":"2031-09-20"}""".formatted(other, suffix, suffix)).send().status())
        .isEqualTo(201);
    runJobsOf(CommunicationProcess.KEY);
    assertThat(recipientsOf("Warranty of Near Site (job " + other + ") ends on 2031-09-20")).containsExactly("near-" + suffix + "@example.com");

    for (String bad : List.of("{\"warrantyUntil\":\"soon\"}", "{\"warrantyUntil\":\"1066-10-14\"}", "{}", "{\"warrantyUntil\":\"2031-02-30\"}")) {
      Http.Response refused = http.call("PATCH", "/api/jobs/" + number).as(operator).json(bad).send();
      assertThat(refused.status()).as(bad).isEqualTo(400);
    }
    assertThat(http.call("PATCH", "/api/jobs/" + number).as(users.login(TestUsers.Role.TECHNICIAN)).json("{\"warrantyUntil\":\"2031-09-20\"}")
        .send().status()).isEqualTo(403);
    assertThat(http.get("/api/jobs/" + number).as(operator).send().json().get("warrantyUntil").asText()).isEqualTo("2031-09-01");
  }
}
