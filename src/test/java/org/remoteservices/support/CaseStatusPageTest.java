package org.remoteservices.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.adapter.db.JobRepository;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.privacy.api.SubjectQuery;
import org.remoteservices.shared.lookup.LookupKeys;
import org.remoteservices.support.application.SupportSubjectDataProvider;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.Mails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13: the customer's status page behind the private link of the confirmation and of every support mail. Only
 * the token opens it; it shows the case number and the steps with dates (the session in the site's zone), nothing a
 * stranger could use; the erasure of the case takes its links with it.
 */
class CaseStatusPageTest extends IntegrationTest {
  @LocalServerPort int port;
  @Autowired Lifecycle lifecycle;
  @Autowired JobRepository jobs;
  @Autowired SupportSubjectDataProvider provider;
  @Autowired JdbcClient jdbc;

  Http http() {
    return new Http(port);
  }

  Job berlinJob() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Job job = new Job("J-" + suffix, "Status Site " + suffix, suffix + " Lindenstrasse, Berlin",
        new Job.Contact("Site Contact " + suffix, "site-" + suffix + "@example.com", "+49 30 0001"),
        new Job.Contact("Scheduling Contact " + suffix, "schedule-" + suffix + "@example.com", "+49 30 0002"),
        LocalDate.of(2030, 6, 30), "Europe/Berlin");
    jobs.insert(job);
    return job;
  }

  JsonNode status(String token) {
    Http.Response response = http().get("/api/case-status/" + token).send();
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  static String state(JsonNode view, String step) {
    for (JsonNode s : view.get("steps")) {
      if (s.get("key").asText().equals(step)) {
        return s.get("state").asText();
      }
    }
    throw new AssertionError("no step " + step + " in " + view);
  }

  static JsonNode step(JsonNode view, String step) {
    for (JsonNode s : view.get("steps")) {
      if (s.get("key").asText().equals(step)) {
        return s;
      }
    }
    throw new AssertionError("no step " + step);
  }

  @Test
  void thePrivateLinkShowsWhereTheRequestStandsAndNothingElse() {
    Job job = berlinJob();
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String name = "Ada Statuspage";
    String email = "ada-status-" + tag + "@example.org";
    Http.Response created = http().post("/api/support-requests")
        .json(Map.of("name", name, "phone", "+49 30 5550 199", "email", email, "jobNumber", job.jobNumber())).send();
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    String caseNumber = created.json().get("caseNumber").asText();
    String link = created.json().get("statusLink").asText();
    assertThat(link).contains("/portal/status/");
    String confirmationToken = link.substring(link.lastIndexOf('/') + 1);

    JsonNode fresh = status(confirmationToken);
    assertThat(fresh.get("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(fresh.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(state(fresh, "RECEIVED")).isEqualTo("DONE");
    assertThat(state(fresh, "SESSION_SCHEDULED")).isEqualTo("WAITING");

    // the page itself is a static shell; the token stays in the path
    Http.Response page = http().get("/portal/status/" + confirmationToken).send();
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("data-page=\"status\"");

    runDueJobs(); // the RSSV form mailed, with its own status link
    Mails.Mail form = Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.to().contains(email)).reduce((a, b) -> b).orElseThrow();
    String mailToken = form.linkToken("/portal/status/");
    assertThat(mailToken).isNotEqualTo(confirmationToken);
    JsonNode formSent = status(mailToken);
    assertThat(state(formSent, "FORM_SENT")).isEqualTo("DONE");
    assertThat(state(formSent, "FORM_RECEIVED")).isEqualTo("CURRENT");

    lifecycle.signRssvOnline(id, name);
    lifecycle.acceptAndSchedule(id); // 1 December 2026 14:30 UTC = 15:30 in Berlin
    JsonNode scheduled = status(confirmationToken);
    assertThat(state(scheduled, "FORM_RECEIVED")).isEqualTo("DONE");
    assertThat(state(scheduled, "SESSION_SCHEDULED")).isEqualTo("CURRENT");
    assertThat(step(scheduled, "SESSION_SCHEDULED").get("local").asText()).isEqualTo("1 December 2026, 15:30 Europe/Berlin (14:30 UTC)");
    assertThat(step(scheduled, "SESSION_SCHEDULED").get("at").asText()).startsWith("2026-12-01T14:30");

    lifecycle.resolveAndDocument(id);
    JsonNode done = status(confirmationToken);
    assertThat(state(done, "SESSION_SCHEDULED")).isEqualTo("DONE");
    assertThat(state(done, "WORK_ORDER_SENT")).isEqualTo("DONE");
    assertThat(state(done, "SURVEY")).isEqualTo("CURRENT");

    // every support mail of the case carries a working status link
    List<Mails.Mail> mails = new ArrayList<>(Mails.read(MAIL.getReceivedMessages()).stream()
        .filter(m -> m.subject().contains(caseNumber)).toList());
    assertThat(mails).hasSizeGreaterThanOrEqualTo(4); // RSSV form, invitation, work order, survey
    for (Mails.Mail mail : mails) {
      assertThat(status(mail.linkToken("/portal/status/")).get("caseNumber").asText()).as(mail.subject()).isEqualTo(caseNumber);
    }

    // nothing in it a stranger could use: no name, e-mail, phone, address, job
    String body = http().get("/api/case-status/" + confirmationToken).send().body();
    assertThat(body).doesNotContain(name).doesNotContain(email).doesNotContain("5550").doesNotContain("Lindenstrasse")
        .doesNotContain(job.jobNumber()).doesNotContain(job.jobName()).doesNotContain("Contact").doesNotContain(id);
  }

  @Test
  void onlyTheTokenOpensItAndTheErasureTakesItsLinks() {
    Job job = berlinJob();
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String email = "erase-status-" + tag + "@example.org";
    Http.Response created = http().post("/api/support-requests")
        .json(Map.of("name", "Eve Status", "phone", "+49 30 5550 177", "email", email, "jobNumber", job.jobNumber())).send();
    String id = created.json().get("id").asText();
    String caseNumber = created.json().get("caseNumber").asText();
    String link = created.json().get("statusLink").asText();
    String token = link.substring(link.lastIndexOf('/') + 1);
    runDueJobs();

    // a wrong or forged token, or what a stranger knows (case number, request id, name, phone): 404, no data
    String forged = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
    for (String guess : List.of(forged, caseNumber, id, "Eve%20Status", "+49305550177", "x".repeat(43))) {
      Http.Response response = http().get("/api/case-status/" + guess).send();
      assertThat(response.status()).as(guess).isEqualTo(404);
      assertThat(response.body()).doesNotContain(caseNumber).doesNotContain("steps");
    }
    // a token of another purpose (the RSSV link) does not open the status page
    String rssvToken = Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.to().contains(email)).findFirst().orElseThrow()
        .linkToken("/portal/rssv/");
    assertThat(http().get("/api/case-status/" + rssvToken).send().status()).isEqualTo(404);
    // the staff API stays closed to the anonymous
    assertThat(http().get("/api/support-requests/" + id).send().status()).isIn(401, 403);

    // the token is not single-use
    status(token);
    status(token);

    // the case ends before it is erased (as the privacy process has it): no timer of it may outlive its records
    engine.getRuntimeService().deleteProcessInstanceIfExists(lifecycle.instance(id).getId(), "test", true, true, false, false);
    provider.erase(provider.find(new SubjectQuery(LookupKeys.email(email), null, null, null, null)), Set.of(),
        "erased (privacy request PR-TEST)");
    assertThat(http().get("/api/case-status/" + token).send().status()).isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from access_token where target_id = ? and purpose = 'CASE_STATUS'").param(id)
        .query(Integer.class).single()).isZero();
  }
}
