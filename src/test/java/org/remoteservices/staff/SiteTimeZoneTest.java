package org.remoteservices.staff;

import static org.assertj.core.api.Assertions.assertThat;

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
}
