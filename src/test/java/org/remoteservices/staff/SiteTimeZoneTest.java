package org.remoteservices.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.jobs.application.JobStore;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.Mails;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The job's site time zone: the invitation and its .ics carry the site's local time with its zone, UTC beside it. */
class SiteTimeZoneTest extends IntegrationTest {
  @Autowired Lifecycle lifecycle;
  @Autowired JobStore jobs;
  @Autowired TestUsers users;
  @LocalServerPort int port;
  @Autowired javax.sql.DataSource dataSource;

  @Test
  void theInvitationSpeaksTheSitesLocalTime() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Job job = new Job("J-" + suffix, "Berlin Site " + suffix, suffix + " Unter den Linden, Berlin",
        new Job.Contact("Site " + suffix, "site-" + suffix + "@example.com", "+49 30 0001"),
        new Job.Contact("Plan " + suffix, "plan-" + suffix + "@example.com", "+49 30 0002"), LocalDate.of(2031, 1, 1), "Europe/Berlin");
    jobs.insert(job);
    assertThat(jobs.find(job.jobNumber()).orElseThrow().timeZone()).isEqualTo("Europe/Berlin");
    String id = lifecycle.submit(job, "Zeno Zone", "zeno-" + suffix + "@example.com");
    runDueJobs();
    lifecycle.signRssvOnline(id, "Zeno Zone");
    runDueJobs();
    lifecycle.acceptAndSchedule(id); // 2026-12-01T14:30Z

    Mails.Mail invitation = Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.subject().startsWith("Remote session scheduled"))
        .reduce((a, b) -> b).orElseThrow();
    assertThat(invitation.subject()).endsWith("1 December 2026, 15:30 Europe/Berlin (14:30 UTC)");
    assertThat(invitation.body()).contains("15:30 Europe/Berlin (14:30 UTC)");
    String ics = new String(invitation.attachment(".ics").content());
    assertThat(ics).contains("BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "DTSTART;TZID=Europe/Berlin:20261201T153000");
  }

  @Test
  void anUnknownTimeZoneIsRefusedNamingTheField() {
    String body = """
        {"jobNumber":"J-TZ-%s","jobName":"Zone Site","locationAddress":"1 Zone Road",
         "siteContact":{"name":"Site Person","email":"site@example.com"},
         "schedulingContact":{"name":"Plan Person","email":"plan@example.com"},
         "systemObsolescenceDate":"2031-01-01","timeZone":"Mars/Olympus"}""".formatted(UUID.randomUUID().toString().substring(0, 6));
    Http.Response response = new Http(port).post("/api/jobs").as(users.login(Role.OPERATOR)).json(body).send();
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("message").asText()).contains("timeZone", "Europe/Berlin");
  }

  @Test
  void theTechnicianTypesTheSitesWallClockTimeAndBadInputIsRefusedWithASentence() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Job job = new Job("J-" + suffix, "Berlin Site " + suffix, suffix + " Unter den Linden, Berlin",
        new Job.Contact("Site " + suffix, "site-" + suffix + "@example.com", "+49 30 0001"),
        new Job.Contact("Plan " + suffix, "plan-" + suffix + "@example.com", "+49 30 0002"), LocalDate.of(2031, 1, 1), "Europe/Berlin");
    jobs.insert(job);
    String id = lifecycle.submit(job, "Wanda Wallclock", "wanda-" + suffix + "@example.com");
    runDueJobs();
    lifecycle.signRssvOnline(id, "Wanda Wallclock");
    runDueJobs();
    lifecycle.acceptRssv(id);
    org.camunda.bpm.engine.task.Task schedule = lifecycle.task(id);
    // the form names the site's zone beside its time field
    assertThat(engine.getRuntimeService().getVariable(schedule.getProcessInstanceId(), "siteTimeZone")).isEqualTo("Europe/Berlin");
    assertThat((String) engine.getRuntimeService().getVariable(schedule.getProcessInstanceId(), "siteUtcOffset")).matches("UTC\\+0[12]:00");

    for (String[] bad : new String[][] {
        {"1.12.2026 15:32", "\"Session start\" must be a date and time like 2026-12-01 14:30 (year-month-day hours:minutes, Europe/Berlin time)"},
        {"2026-13-01 15:32", "\"Session start\" must be a date and time like 2026-12-01 14:30"},
        {"2027-03-28 02:30", "\"Session start\" is a time that does not exist in Europe/Berlin (the clocks go forward then)"},
        {"2027-10-31 02:30", "\"Session start\" is a time that occurs twice in Europe/Berlin (the clocks go back then): please add its UTC offset"}}) {
      assertThatThrownBy(() -> lifecycle.submitForm(id, java.util.Map.of("input_sessionStart", bad[0], "input_sessionMinutes", 60L)))
          .as(bad[0]).hasMessageContaining(bad[1]).hasMessageNotContaining("input_");
    }
    assertThat(lifecycle.task(id).getId()).as("refused: the task stays open").isEqualTo(schedule.getId());

    // typed as the site's wall clock: 15:32 in Berlin is 14:32 UTC, not rounded
    lifecycle.submitForm(id, java.util.Map.of("input_sessionStart", "2026-12-01 15:32", "input_sessionMinutes", 60L));
    runDueJobs();
    org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
    assertThat(jdbc.sql("select scheduled_start from remote_session where support_request_id = ?").param(id).query(java.sql.Timestamp.class)
        .single().toInstant()).isEqualTo(java.time.Instant.parse("2026-12-01T14:32:00Z"));
    assertThat(engine.getRuntimeService().getVariable(schedule.getProcessInstanceId(), "siteUtcOffset")).as("at the session's start")
        .isEqualTo("UTC+01:00");
    Mails.Mail invitation = Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.subject().startsWith("Remote session scheduled"))
        .reduce((a, b) -> b).orElseThrow();
    assertThat(invitation.subject()).endsWith("1 December 2026, 15:32 Europe/Berlin (14:32 UTC)");

    // the session's times likewise; an end before the start is refused
    java.util.Map<String, Object> outcome = new java.util.HashMap<>(java.util.Map.of("input_startedAt", "2026-12-01 15:35", "input_endedAt", "2026-12-01 15:20",
        "sessionResolved", "true", "input_sessionNotes", "Checked", "input_recordingReference", "GTR-1"));
    assertThatThrownBy(() -> lifecycle.submitForm(id, outcome)).hasMessageContaining("\"Session ended\" must be after the session started");
    outcome.put("input_endedAt", "2026-12-01 16:10");
    lifecycle.submitForm(id, outcome);
    assertThat(jdbc.sql("select started_at from remote_session where support_request_id = ?").param(id).query(java.sql.Timestamp.class)
        .single().toInstant()).isEqualTo(java.time.Instant.parse("2026-12-01T14:35:00Z"));
  }
}
