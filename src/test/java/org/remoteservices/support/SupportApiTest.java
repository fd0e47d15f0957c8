package org.remoteservices.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.Mails;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The API's answers to bad input, as issue 2 lists them, over real HTTP. */
class SupportApiTest extends IntegrationTest {
  @LocalServerPort int port;
  @Autowired Lifecycle lifecycle;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;

  Http http() {
    return new Http(port);
  }

  static List<String> fields(Http.Response response) {
    JsonNode errors = response.json().path("fieldErrors");
    return StreamSupport.stream(errors.spliterator(), false).map(e -> e.get("field").asText()).distinct().toList();
  }

  Map<String, Object> request(Job job) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Grace Hopper");
    body.put("phone", "+1 555 0199");
    body.put("email", "grace@example.org");
    body.put("jobNumber", job.jobNumber());
    return body;
  }

  long requests() {
    return jdbc.sql("select count(*) from support_request").query(Long.class).single();
  }

  @Test
  void submitAnswers201WithLocationAnd400NamingEveryBadField() {
    Job job = lifecycle.newJob();
    long before = requests();
    long instances = runtime.createProcessInstanceQuery().count();
    for (String field : List.of("name", "phone", "email", "jobNumber")) {
      Map<String, Object> body = request(job);
      body.remove(field);
      Http.Response missing = http().post("/api/support-requests").json(body).send();
      assertThat(missing.status()).isEqualTo(400);
      assertThat(fields(missing)).containsExactly(field);
      assertThat(missing.json().get("message").asText()).contains(field);
    }
    Map<String, Object> bad = request(job);
    bad.put("email", "grace-at-example");
    bad.put("phone", "call me maybe");
    bad.put("name", "G".repeat(201));
    Http.Response several = http().post("/api/support-requests").json(bad).send();
    assertThat(several.status()).isEqualTo(400);
    assertThat(fields(several)).containsExactlyInAnyOrder("email", "phone", "name");
    Map<String, Object> oversized = request(job);
    oversized.put("email", "g".repeat(250) + "@example.org");
    oversized.put("jobNumber", "J-" + "9".repeat(40));
    assertThat(fields(http().post("/api/support-requests").json(oversized).send())).containsExactlyInAnyOrder("email", "jobNumber");
    assertThat(requests()).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);

    Http.Response created = http().post("/api/support-requests").json(request(job)).send();
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.header("Location")).isEqualTo("/api/support-requests/" + id);
    assertThat(created.json().get("caseNumber").asText()).matches("RS-\\d{6}");
    assertThat(created.json().get("status").asText()).isEqualTo("RSSV_PENDING");
    assertThat(lifecycle.instance(id)).isNotNull();
  }

  @Test
  void unknownJobIs422AndStartsNothing() {
    long before = requests();
    long instances = runtime.createProcessInstanceQuery().count();
    Map<String, Object> body = request(lifecycle.newJob());
    body.put("jobNumber", "J-UNKNOWN-1");
    Http.Response response = http().post("/api/support-requests").json(body).send();
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("message").asText()).contains("J-UNKNOWN-1", "job registry");
    assertThat(requests()).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void rssvLinkUnknownExpiredUsedNotPdfTooLarge() {
    String id = lifecycle.submit(lifecycle.newJob(), "Grace Hopper", "grace@example.org");
    runDueJobs();
    String token = Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.subject().contains("Security Verification"))
        .reduce((a, b) -> b).orElseThrow().linkToken("/portal/rssv/");
    String base = "/api/rssv/" + token;
    byte[] pdf = http().get(base + "/form.pdf").send().bytes();

    assertThat(http().get("/api/rssv/" + "Z".repeat(43)).send().status()).isEqualTo(404);
    assertThat(http().post(base).multipart("file", "form.pdf", "application/pdf", "MZ not a pdf".getBytes(StandardCharsets.US_ASCII))
        .send().status()).isEqualTo(415);
    assertThat(http().post(base).multipart("file", "form.pdf", "application/pdf", Arrays.copyOf(pdf, 11 * 1024 * 1024)).send().status())
        .isEqualTo(413);

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(15))));
    Http.Response expired = http().get(base).send();
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.json().get("message").asText()).contains("expired");
    ClockUtil.reset();

    assertThat(http().post(base).multipart("file", "form.pdf", "application/pdf", pdf).send().status()).isEqualTo(201);
    Http.Response used = http().post(base).multipart("file", "form.pdf", "application/pdf", pdf).send();
    assertThat(used.status()).isEqualTo(410);
    assertThat(used.json().get("message").asText()).contains("already been used");
    assertThat(lifecycle.task(id).getTaskDefinitionKey()).isEqualTo("userTask_checkRssv");
  }

  @Test
  void surveyRatingOutsideOneToFiveIs400AndASecondAnswer410() {
    String id = lifecycle.submit(lifecycle.newJob(), "Grace Hopper", "grace@example.org");
    runDueJobs();
    lifecycle.toSurvey(id, "Grace Hopper");
    String url = "/api/surveys/" + lastLink("How did we do", "/portal/survey/");
    for (int rating : List.of(0, 6, -3)) {
      Http.Response response = http().post(url).json(Map.of("rating", rating)).send();
      assertThat(response.status()).isEqualTo(400);
      assertThat(fields(response)).containsExactly("rating");
    }
    assertThat(http().get(url).send().status()).isEqualTo(200);
    assertThat(http().post(url).json(Map.of("rating", 5, "comment", "Quick and friendly")).send().status()).isEqualTo(201);
    Http.Response again = http().post(url).json(Map.of("rating", 1)).send();
    assertThat(again.status()).isEqualTo(410);
    assertThat(jdbc.sql("select rating from survey where support_request_id = ?").param(id).query(Integer.class).single()).isEqualTo(5);
  }

  @Test
  void jobsApiNeedsAnOperatorValidatesAndRefusesDuplicates() {
    String number = "J-API-" + System.nanoTime() % 100000;
    String job = """
        {"jobNumber":"%s","jobName":"Observatory","locationAddress":"1 Hill Road",
         "siteContact":{"name":"Sam Site","email":"sam@example.com","phone":"+1 555 0101"},
         "schedulingContact":{"name":"Pat Plan","email":"pat@example.com"},
         "systemObsolescenceDate":"2033-03-31"}""".formatted(number);
    TestUsers.Login operator = users.login(Role.OPERATOR);
    assertThat(http().get("/api/jobs").send().status()).isEqualTo(401);
    assertThat(http().post("/api/jobs").json(job).send().status()).isEqualTo(401);
    assertThat(http().post("/api/jobs").as(users.login(Role.TECHNICIAN)).json(job).send().status()).isEqualTo(403);

    Http.Response invalid = http().post("/api/jobs").as(operator).json("""
        {"jobNumber":"../x","locationAddress":"","siteContact":{"name":"S","email":"not-mail"},
         "schedulingContact":{"name":"P","email":"p@example.com"},"systemObsolescenceDate":"2033-03-31"}""").send();
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(fields(invalid)).contains("jobNumber", "jobName", "locationAddress", "siteContact.email");
    assertThat(http().post("/api/jobs").as(operator).json(job.replace("2033-03-31", "someday")).send().status()).isEqualTo(400);

    Http.Response created = http().post("/api/jobs").as(operator).json(job).send();
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/jobs/" + number);
    Http.Response duplicate = http().post("/api/jobs").as(operator).json(job).send();
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("message").asText()).contains(number);
    assertThat(http().get("/api/jobs/" + number).as(operator).send().json().get("jobName").asText()).isEqualTo("Observatory");
  }

  /**
   * Every text the API validates fits the column it is stored in: a phone number the pattern allows (41 characters) and
   * an address that lower-casing lengthens ("İ") were a 500 on their 40/254-character columns; now a 400 naming the field.
   */
  @Test
  void textLongerThanItsColumnIs400NamingTheField_whatFitsIsStored() {
    Job job = lifecycle.newJob();
    long before = requests();
    String phone41 = "+1 555 " + "0".repeat(34); // 41 characters: the pattern allows it, the column holds 40
    assertThat(phone41).hasSize(41).matches("\\+?[0-9][0-9 ()./-]{5,39}");
    // 254 characters as sent, 255 once lower-cased as stored ("İ" becomes "i" and a combining dot)
    String email254 = "\u0130" + "x".repeat(63) + "@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(57) + ".org";
    assertThat(email254).hasSize(254);
    assertThat(email254.toLowerCase(java.util.Locale.ROOT)).hasSize(255);
    Map<String, Object> tooLong = request(job);
    tooLong.put("phone", phone41);
    tooLong.put("email", email254);
    Http.Response refused = http().post("/api/support-requests").json(tooLong).send();
    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused)).containsExactlyInAnyOrder("phone", "email");
    assertThat(requests()).isEqualTo(before);

    Map<String, Object> fits = request(job);
    fits.put("phone", phone41.substring(0, 40));
    fits.put("email", email254.substring(1)); // 253, and 253 stored
    Http.Response created = http().post("/api/support-requests").json(fits).send();
    assertThat(created.status()).isEqualTo(201);
    runDueJobs(); // its RSSV mailed now, not in the next test
    assertThat(jdbc.sql("select requester_phone from support_request where id = ?").param(created.json().get("id").asText())
        .query(String.class).single()).hasSize(40);

    // the job registry: both contacts' phones and e-mails
    TestUsers.Login operator = users.login(Role.OPERATOR);
    String number = ("J-LEN-" + System.nanoTime() % 100000 + "-" + "X".repeat(32)).substring(0, 32); // the longest number

    String registration = """
        {"jobNumber":"%s","jobName":"%s","locationAddress":"1 Hill Road",
         "siteContact":{"name":"Sam Site","email":"%s","phone":"%s"},
         "schedulingContact":{"name":"Pat Plan","email":"pat@example.com","phone":"%s"},
         "systemObsolescenceDate":"2033-03-31"}""";
    Http.Response jobRefused = http().post("/api/jobs").as(operator)
        .json(registration.formatted(number, "Observatory", email254, phone41, phone41)).send();
    assertThat(jobRefused.status()).isEqualTo(400);
    assertThat(fields(jobRefused)).containsExactlyInAnyOrder("siteContact.email", "siteContact.phone", "schedulingContact.phone");
    // what fits is registered, a 200-character job name included ...
    String longName = ("Observatory of the " + "very ".repeat(40)).substring(0, 191) + "long name"; // 200 characters
    assertThat(longName).hasSize(200);
    Http.Response registered = http().post("/api/jobs").as(operator)
        .json(registration.formatted(number, longName, "sam@example.com", phone41.substring(0, 40), phone41.substring(1))).send();
    assertThat(registered.status()).isEqualTo(201);

    // ... and a case for it gets its tasks: the task name (255 characters in the engine) shortens the job name to fit
    Map<String, Object> onLongJob = request(job);
    onLongJob.put("jobNumber", number);
    String id = http().post("/api/support-requests").json(onLongJob).send().json().get("id").asText();
    runDueJobs();
    lifecycle.signRssvOnline(id, "Grace Hopper");
    String taskName = lifecycle.task(id).getName();
    assertThat(taskName).hasSizeLessThanOrEqualTo(255).startsWith("Check returned RSSV · job " + number + " Observatory of the very")
        .contains("…").endsWith(" · " + String.format("RS-%06d", jdbc.sql("select case_seq from support_request where id = ?").param(id)
            .query(Long.class).single()));
    assertThat(lifecycle.task(id).getDescription()).contains(longName);
  }

  private String lastLink(String subjectPart, String prefix) {
    return Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.subject().contains(subjectPart))
        .reduce((a, b) -> b).orElseThrow().linkToken(prefix);
  }
}
