package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.api.Job;
import org.remoteservices.shared.files.FileStore;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Elements;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.Mails;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A corpus of hostile input against every public endpoint and every remote-support task form (engine REST
 * submit-form, as a technician): missing and extra fields, wrong types, huge and empty values, unicode edge
 * cases, HTML/script and SQL fragments, path-traversal file names, non-PDF and truncated PDF uploads, forged,
 * replayed, cross-purpose and expired tokens. Each gets a 4xx with a JSON message, none a 5xx, nothing is
 * stored (rows counted before and after), no process starts, and the link or task is still usable afterwards.
 */
class HostileInputTest extends IntegrationTest {
  static final String[] COUNTED = {"support_request", "rssv_return", "mail_record", "survey where answered_at is not null",
      "access_token where used_at is not null", "job", "ACT_RU_EXECUTION", "ACT_RU_VARIABLE", "ACT_RU_TASK", "ACT_HI_PROCINST"};
  static final String HUGE = "A".repeat(100_000);

  @LocalServerPort int port;
  @Autowired Lifecycle lifecycle;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;
  @Autowired FileStore files;

  Http http() {
    return new Http(port);
  }

  Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : COUNTED) {
      counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
    return counts;
  }

  /** Every response: a 4xx with a JSON body that says what was wrong. */
  static void refused(Http.Response response, List<String> problems) {
    refused(response, problems, "");
  }

  static void refused(Http.Response response, List<String> problems, String body) {
    String label = body.length() > 120 ? body.substring(0, 120) + "..." : body;
    if (response.status() < 400 || response.status() >= 500) {
      problems.add("not a 4xx: " + response + " for " + label);
    } else if (!response.isJson()) {
      problems.add("no JSON: " + response + " for " + label);
    } else if (response.json().path("message").asText("").isBlank()) {
      problems.add("no message: " + response + " for " + label);
    }
  }

  /** JSON string literal; "\\ud800" style escapes in the value are kept as escapes (lone surrogates on the wire). */
  static String str(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || (c == '\\' && !(i + 1 < value.length() && value.charAt(i + 1) == 'u'))) {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** Bodies that break the whole document, then per field: missing, null, wrong structure, and each bad value. */
  static List<String> corpus(Map<String, String> valid, Map<String, List<String>> badValues, String... optional) {
    List<String> bodies = new ArrayList<>(List.of("", "null", "[]", "42", "\"text\"", "{", "{\"a\":", "not json", "{}",
        "[".repeat(5000) + "]".repeat(5000), json(valid, "x-extra-field", "true"), json(valid, "status", "\"ANSWERED\""),
        json(valid, "__proto__", "{\"admin\":true}")));
    for (String field : valid.keySet()) {
      boolean isOptional = Arrays.asList(optional).contains(field);
      Map<String, String> without = new LinkedHashMap<>(valid);
      without.remove(field);
      if (!isOptional) {
        bodies.add(json(without, null, null));
        bodies.add(json(valid, field, "null"));
      }
      for (String wrong : List.of("[\"x\"]", "{\"x\":1}", "[]", "{}")) {
        bodies.add(json(valid, field, wrong));
      }
      for (String bad : badValues.getOrDefault(field, List.of())) {
        bodies.add(json(valid, field, bad.startsWith("#") ? bad.substring(1) : str(bad)));
      }
    }
    return bodies;
  }

  static String json(Map<String, String> valid, String field, String rawValue) {
    Map<String, String> fields = new LinkedHashMap<>(valid);
    if (field != null) {
      fields.put(field, rawValue);
    }
    StringBuilder out = new StringBuilder("{");
    fields.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(str(k)).append(':').append(v));
    return out.append('}').toString();
  }

  static final List<String> BAD_TEXT = List.of("", "   ", HUGE, "Ada\u0000Lovelace", "Ada\u202Eecalevol", "\\ud800Ada", "Ada\\udfff",
      "Ada\u0007", "Ada\uFFFF");

  static List<String> plus(List<String> a, String... more) {
    List<String> out = new ArrayList<>(a);
    out.addAll(Arrays.asList(more));
    return out;
  }

  // ------------------------------------------------------------------------------------------------ public API

  @Test
  void supportRequestsRefuseHostileBodies() {
    Job job = lifecycle.newJob();
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("name", str("Ada Lovelace"));
    valid.put("phone", str("+44 20 7946 0000"));
    valid.put("email", str("ada@example.org"));
    valid.put("jobNumber", str(job.jobNumber()));
    Map<String, List<String>> bad = Map.of(
        "name", plus(BAD_TEXT, "A".repeat(201), "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "Robert'); DROP TABLE support_request;--",
            "../../etc/passwd", "Ada\u200BLovelace", "Ada \uD83D\uDE00", "#12345", "Ada\nBcc: x"),
        "phone", plus(BAD_TEXT, "call me", "+1 555 0100<script>", "1".repeat(100), "1' OR '1'='1", "#5550100"),
        "email", plus(BAD_TEXT, "not-an-email", "a@b", "a".repeat(300) + "@example.org", "x@example.org\r\nBcc: victim@example.org",
            "x\u202E@example.org", "x\u200B@example.org", "<script>@example.org", "x@example.org'; DROP TABLE job;--", "../../x@example.org"),
        "jobNumber", plus(BAD_TEXT, "../../etc/passwd", "J-1' OR '1'='1", "J", "J-" + "1".repeat(40), "..%2f..%2f", "#1"));
    List<String> bodies = corpus(valid, bad);
    bodies.add(json(valid, "jobNumber", str("J-NOT-REGISTERED"))); // 422, no process
    Map<String, Long> before = counts();
    List<String> problems = new ArrayList<>();
    for (String body : bodies) {
      refused(http().post("/api/support-requests").json(body).send(), problems, body);
    }
    // wrong content types (with the portal's header, so the CSRF guard lets them through to the API)
    refused(http().post("/api/support-requests").header("X-Requested-With", "XMLHttpRequest")
        .body("application/xml", "<request/>".getBytes(StandardCharsets.UTF_8)).send(), problems);
    refused(http().post("/api/support-requests").header("X-Requested-With", "XMLHttpRequest")
        .multipart("file", "a.pdf", "application/pdf", new byte[] {1}).send(), problems);
    refused(http().post("/api/support-requests").body("application/json", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}).send(), problems);
    assertThat(problems).isEmpty();
    assertThat(counts()).isEqualTo(before);

    // and the valid request still goes through
    assertThat(http().post("/api/support-requests").json(json(valid, null, null)).send().status()).isEqualTo(201);
  }

  @Test
  void privacyRequestsAndTheirLinksRefuseHostileBodies() {
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("rights", "[\"ACCESS\"]");
    valid.put("name", str("Ada Lovelace"));
    valid.put("email", str("ada-privacy@example.org"));
    valid.put("phone", str("+44 20 7946 0000"));
    valid.put("jobLocation", str("1 Analytical Row"));
    valid.put("details", str("Please send me a copy."));
    Map<String, List<String>> bad = Map.of(
        "rights", List.of("#[\"NOT_A_RIGHT\"]", "#[null]", "#\"ACCESS\"", "#[" + "\"ACCESS\",".repeat(20) + "\"ACCESS\"]"),
        "name", plus(BAD_TEXT, "A".repeat(201), "<script>alert(1)</script>", "Ada\nBcc: x", "#12345"),
        "email", plus(BAD_TEXT, "not-an-email", "x@example.org\r\nBcc: victim@example.org", "a".repeat(300) + "@example.org"),
        "phone", plus(BAD_TEXT, "call me", "1".repeat(41), "+" + "1".repeat(40), "#5550100"),
        "jobLocation", plus(List.of("Row\u0000", "Row\u202Ex", "\\ud800Row"), "A".repeat(501)),
        "details", plus(List.of("x\u0000", "x\u202E", "\\ud800x"), "A".repeat(4001)));
    List<String> bodies = corpus(valid, bad, "phone", "jobLocation", "details");
    bodies.add(json(valid, "agent", "{\"name\":\"Eve\",\"email\":\"not-an-email\"}"));
    bodies.add(json(valid, "agent", "{\"name\":\"Eve\u202E\",\"email\":\"eve@example.org\"}"));
    bodies.add(json(valid, "jurisdiction", str("MARS")));
    long requests = jdbc.sql("select count(*) from privacy_request").query(Long.class).single();
    Map<String, Long> before = counts();
    List<String> problems = new ArrayList<>();
    for (String body : bodies) {
      refused(http().post("/api/privacy-requests").json(body).send(), problems, body);
    }
    // the mailed links: forged, malformed and hostile codes
    for (String path : List.of("/api/privacy/identity/", "/api/privacy/email-change/", "/api/privacy/downloads/", "/api/privacy/confirmation/")) {
      for (String token : List.of("x", "../../etc/passwd", "A".repeat(43), "A".repeat(44), "%00")) {
        refused(http().get(path + token).send(), problems, path + token);
      }
    }
    for (String code : List.of("{}", "{\"code\":null}", "{\"code\":\"" + "A".repeat(21) + "\"}", "{\"code\":\"A\u0000B\"}", "{\"code\":42}")) {
      refused(http().post("/api/privacy/downloads/" + "A".repeat(43)).json(code).send(), problems, code);
    }
    assertThat(problems).isEmpty();
    assertThat(counts()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from privacy_request").query(Long.class).single()).isEqualTo(requests);
    assertThat(http().post("/api/privacy-requests").json(json(valid, null, null)).send().status()).isEqualTo(201);
  }

  @Test
  void rssvLinkRefusesHostileSignaturesUploadsAndTokens() throws Exception {
    String requestId = lifecycle.submit(lifecycle.newJob(), "Ada Lovelace", "ada@example.org");
    runDueJobs();
    String token = lastMail("Security Verification").linkToken("/portal/rssv/");
    String base = "/api/rssv/" + token;
    byte[] pdf = http().get(base + "/form.pdf").send().bytes();
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("fullName", str("Ada Lovelace"));
    valid.put("consent", "true");
    Map<String, List<String>> bad = Map.of(
        "fullName", plus(BAD_TEXT, "<script>alert(1)</script>", "Robert'); DROP TABLE rssv_return;--", "A".repeat(300), "#123"),
        "consent", List.of("#false", "maybe", "#\"maybe\"", "#2"));
    Map<String, Long> before = counts();
    List<String> problems = new ArrayList<>();
    for (String body : corpus(valid, bad)) {
      refused(http().post(base + "/signature").json(body).send(), problems, body);
    }

    // uploads: a renamed .exe, truncated and fake PDFs, empty, too large, wrong or missing part, not multipart
    byte[] exe = new byte[4096];
    exe[0] = 'M';
    exe[1] = 'Z';
    Map<String, Integer> uploads = new LinkedHashMap<>();
    List<Http.Response> responses = new ArrayList<>();
    responses.add(expect(415, http().post(base).multipart("file", "signed.pdf", "application/pdf", exe).send(), problems));
    responses.add(expect(415, http().post(base).multipart("file", "signed.pdf", "application/pdf", Arrays.copyOf(pdf, pdf.length / 2)).send(), problems));
    responses.add(expect(415, http().post(base).multipart("file", "signed.pdf", "application/pdf",
        "%PDF-1.7\n<script>alert(1)</script>\n%%EOF".getBytes(StandardCharsets.US_ASCII)).send(), problems));
    responses.add(expect(415, http().post(base).multipart("file", "signed.pdf", "application/pdf",
        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII)).send(), problems));
    responses.add(expect(400, http().post(base).multipart("file", "signed.pdf", "application/pdf", new byte[0]).send(), problems));
    byte[] tooLarge = Arrays.copyOf(pdf, 10 * 1024 * 1024 + 1024);
    responses.add(expect(413, http().post(base).multipart("file", "signed.pdf", "application/pdf", tooLarge).send(), problems));
    responses.add(expect(400, http().post(base).multipart("other", "signed.pdf", "application/pdf", pdf).send(), problems));
    responses.add(expect(400, http().post(base).header("X-Requested-With", "XMLHttpRequest")
        .body("multipart/form-data; boundary=nothing", "garbage".getBytes(StandardCharsets.US_ASCII)).send(), problems));
    responses.add(expect(415, http().post(base).json("{\"file\":\"JVBERi0=\"}").send(), problems));
    responses.forEach(r -> refused(r, problems));
    assertThat(problems).isEmpty();
    assertThat(counts()).isEqualTo(before);
    assertThat(lifecycle.instance(requestId)).isNotNull();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(lifecycle.instance(requestId)).isWaitingAt(Elements.AWAIT_RSSV);

    // a path-traversal file name: the signed PDF is stored under a key of ours, never under the client's name
    String traversal = "../../../../tmp/evil\u202Efdp.exe/../../etc/passwd.pdf";
    Http.Response accepted = http().post(base).multipart("file", traversal, "application/pdf", pdf).send();
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    String key = jdbc.sql("select r.file_key from rssv_return r join rssv_form f on f.id = r.rssv_form_id where f.support_request_id = ?")
        .param(requestId).query(String.class).single();
    assertThat(key).matches("rssv/" + requestId + "/returned-[0-9a-f-]{36}\\.pdf").doesNotContain("evil", "passwd", "..");
    assertThat(files.exists(key)).isTrue();
    assertThat(Files.exists(Path.of("/tmp/evil"))).isFalse();

    // replayed: the used link is gone for every use
    assertThat(http().get(base).send().status()).isEqualTo(410);
    assertThat(http().post(base).multipart("file", "signed.pdf", "application/pdf", pdf).send().status()).isEqualTo(410);
    assertThat(http().post(base + "/signature").json(json(valid, null, null)).send().status()).isEqualTo(410);
    assertThat(jdbc.sql("select count(*) from rssv_return r join rssv_form f on f.id = r.rssv_form_id where f.support_request_id = ?")
        .param(requestId).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void forgedMalformedCrossPurposeAndExpiredTokensOpenNothing() {
    String[] tokens = surveyAndRssvTokens();
    String survey = tokens[0];
    String rssv = tokens[1];
    Map<String, Long> before = counts();
    List<String> problems = new ArrayList<>();
    List<String> forged = List.of("A".repeat(43), rssv.toLowerCase().equals(rssv) ? rssv.toUpperCase() : rssv.toLowerCase(),
        rssv.substring(0, 42), rssv + "A", "short", "A".repeat(5000), "%2e%2e", "..", "%00", "%F0%9F%98%80", "%E2%80%AE" + "A".repeat(40),
        "'%20OR%20'1'='1", "%3Cscript%3E");
    for (String t : forged) {
      // unknown: 404; so malformed that Tomcat refuses the path (an encoded NUL), or a dot segment, plain or encoded,
      // which the firewall refuses before any handler (PathNormalisationTest): 400
      int status = t.equals("%00") || t.equals("%2e%2e") || t.equals("..") ? 400 : 404;
      for (String path : List.of("/api/rssv/" + t, "/api/rssv/" + t + "/form.pdf", "/api/surveys/" + t)) {
        expect(status, http().get(path).send(), problems);
      }
      expect(status, http().post("/api/rssv/" + t + "/signature").json("{\"fullName\":\"Ada Lovelace\",\"consent\":true}").send(), problems);
      expect(status, http().post("/api/surveys/" + t).json("{\"rating\":5}").send(), problems);
    }
    // a token of one purpose never opens the other
    expect(404, http().get("/api/rssv/" + survey).send(), problems);
    expect(404, http().post("/api/rssv/" + survey + "/signature").json("{\"fullName\":\"Ada Lovelace\",\"consent\":true}").send(), problems);
    expect(404, http().get("/api/surveys/" + rssv).send(), problems);
    expect(404, http().post("/api/surveys/" + rssv).json("{\"rating\":5}").send(), problems);
    // path traversal around the token segment
    for (String path : List.of("/api/rssv/..%2F..%2Fjobs", "/api/rssv/%2e%2e/%2e%2e/api/jobs", "/api/surveys/..;/..;/jobs",
        "/api/rssv/" + rssv + "/..%2F..%2F..%2Fjobs")) {
      Http.Response r = http().get(path).send();
      if (r.status() < 400 || r.status() >= 500) {
        problems.add("not a 4xx: " + r);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(counts()).isEqualTo(before);

    // expired: 31 days later the survey link answers 410 (clock moved, nothing run)
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(31))));
    Http.Response expired = http().post("/api/surveys/" + survey).json("{\"rating\":5}").send();
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.json().get("message").asText()).contains("expired");
  }

  @Test
  void surveyRefusesHostileAnswersThenTakesOneAndOnlyOne() {
    String token = surveyAndRssvTokens()[0];
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("rating", "4");
    valid.put("comment", str("Fine"));
    Map<String, List<String>> bad = Map.of(
        "rating", List.of("#0", "#6", "#-1", "#2147483648", "#99999999999999999999", "five", "#1e999", "#\"\"", "#true"),
        "comment", List.of("A".repeat(2001), HUGE, "Nice\u0000", "Nice\u202E", "\\ud800", "Nice\u0007", "Nice\uFFFE"));
    Map<String, Long> before = counts();
    List<String> problems = new ArrayList<>();
    for (String body : corpus(valid, bad, "comment")) {
      refused(http().post("/api/surveys/" + token).json(body).send(), problems, body);
    }
    assertThat(problems).isEmpty();
    assertThat(counts()).isEqualTo(before);

    // HTML and SQL in free text are just text: stored verbatim, nothing executed
    String comment = "<script>alert('x')</script> '; DROP TABLE survey; -- \uD83D\uDC4D\u200D";
    assertThat(http().post("/api/surveys/" + token).json(Map.of("rating", 5, "comment", comment)).send().status()).isEqualTo(201);
    // (matched by content: other tests in this JVM answer surveys too, at other engine-clock times)
    assertThat(jdbc.sql("select count(*) from survey where comment_text = ? and rating = 5").param(comment)
        .query(Integer.class).single()).isEqualTo(1);
    Http.Response second = http().post("/api/surveys/" + token).json("{\"rating\":1}").send();
    assertThat(second.status()).isEqualTo(410);
    assertThat(second.isJson()).isTrue();
  }

  // ------------------------------------------------------------------------------------------------ task forms

  @Test
  void everyTaskFormRefusesHostileSubmissionsThenTakesAValidOne() {
    String id = lifecycle.submit(lifecycle.newJob(), "Ada Lovelace", "ada@example.org");
    runDueJobs();
    lifecycle.signRssvOnline(id, "Ada Lovelace");
    TestUsers.Login tech = users.login(Role.TECHNICIAN);

    String text = "{\"value\":%s,\"type\":\"String\"}";
    String object = "{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\",\"serializationDataFormat\":\"application/json\"}}";
    String javaObject = "{\"value\":\"rO0ABXQAAA==\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";
    String bytes = "{\"value\":\"AAAA\",\"type\":\"Bytes\"}";
    String badJson = "{\"value\":\"[not json\",\"type\":\"Json\"}";
    List<String> hostileText = List.of(str(HUGE), str("x\u0000y"), str("x\u202Ey"), str("\\ud800"), str("x\u0007"));

    Map<String, Map<String, String>> steps = new LinkedHashMap<>();
    steps.put(Elements.CHECK_RSSV, Map.of("rssvAccepted", "{\"value\":true,\"type\":\"Boolean\"}"));
    steps.put(Elements.SCHEDULE_SESSION, Map.of("input_sessionStart", text.formatted(str("2026-12-01T14:30Z")),
        "input_sessionMinutes", "{\"value\":60,\"type\":\"Integer\"}"));
    steps.put(Elements.RUN_SESSION, Map.of(
        "input_startedAt", text.formatted(str("2026-12-01T14:30Z")), "input_endedAt", text.formatted(str("2026-12-01T15:10Z")),
        "sessionResolved", "{\"value\":true,\"type\":\"Boolean\"}", "input_sessionNotes", text.formatted(str("Checked the GUI logs")),
        "input_recordingReference", text.formatted(str("GTR-1")), "input_supportFiles", "{\"value\":\"[\\\"GUI_LOGS\\\"]\",\"type\":\"Json\"}"));
    steps.put(Elements.DOCUMENT_WORK_ORDER, Map.of("input_workSummary", text.formatted(str("Repaired")),
        "input_actionsTaken", text.formatted(str("Reloaded the database"))));

    for (var step : steps.entrySet()) {
      runDueJobs();
      var task = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult();
      assertThat(task.getTaskDefinitionKey()).isEqualTo(step.getKey());
      Map<String, String> valid = step.getValue();
      List<Map<String, String>> corpus = new ArrayList<>();
      corpus.add(Map.of());
      corpus.add(with(valid, "input_evil", text.formatted(str("x"))));
      corpus.add(with(valid, "customerEmail", text.formatted(str("ada@example.org"))));
      corpus.add(with(valid, "x".repeat(300), text.formatted(str("x"))));
      for (String field : valid.keySet()) {
        Map<String, String> without = new LinkedHashMap<>(valid);
        without.remove(field);
        if (!(step.getKey().equals(Elements.RUN_SESSION) && field.equals("input_supportFiles"))) { // optional
          corpus.add(without);
        }
        for (String wrong : List.of(object, javaObject, bytes, badJson, "{\"value\":\"abc\",\"type\":\"Integer\"}",
            "{\"value\":\"2026-13-45\",\"type\":\"Date\"}")) {
          corpus.add(with(valid, field, wrong));
        }
        for (String hostile : hostileText) {
          corpus.add(with(valid, field, text.formatted(hostile)));
        }
      }
      Map<String, Long> before = counts();
      List<String> problems = new ArrayList<>();
      for (Map<String, String> variables : corpus) {
        Http.Response response = http().post("/engine-rest/task/" + task.getId() + "/submit-form").as(tech)
            .json("{\"variables\":" + json(variables, null, null) + "}").send();
        if (response.status() < 400 || response.status() >= 500 || !response.isJson()
            || response.json().path("message").asText("").isBlank()) {
          String sent = json(variables, null, null);
          problems.add(step.getKey() + " " + (sent.length() > 300 ? sent.substring(0, 300) : sent) + ": " + response);
        }
      }
      assertThat(problems).as(step.getKey()).isEmpty();
      assertThat(counts()).as(step.getKey()).isEqualTo(before);
      assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult()).as("still open").isNotNull();

      Http.Response ok = http().post("/engine-rest/task/" + task.getId() + "/submit-form").as(tech)
          .json("{\"variables\":" + json(valid, null, null) + "}").send();
      assertThat(ok.status()).as(ok.toString()).isEqualTo(204);
    }
    runDueJobs();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(lifecycle.instance(id)).isWaitingAt(Elements.AWAIT_SURVEY);
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(lifecycle.instance(id).getId()).list())
        .allSatisfy(v -> assertThat(v.getName()).doesNotStartWith("input_").isNotEqualTo("customerEmail"));
  }

  @Test
  void aDecisionLeftOutOfASecondRoundIsRefused_notTakenFromTheFirstRound() {
    String id = lifecycle.submit(lifecycle.newJob(), "Ada Lovelace", "ada@example.org");
    runDueJobs();
    lifecycle.signRssvOnline(id, "Ada Lovelace");
    lifecycle.rejectRssv(id, "The signature block is empty");
    runDueJobs();
    lifecycle.signRssvOnline(id, "Ada Lovelace"); // through the link in the rejection mail
    TestUsers.Login tech = users.login(Role.TECHNICIAN);
    String taskId = lifecycle.task(id).getId();

    // the first round said "rejected"; the second round's check, completed without a decision, must not reuse it
    Map<String, Long> before = counts();
    for (String call : List.of("/submit-form", "/complete")) {
      for (String body : List.of("{}", "{\"variables\":{}}", "{\"variables\":{\"input_rejectionReason\":{\"value\":\"Again\"}}}")) {
        Http.Response response = http().post("/engine-rest/task/" + taskId + call).as(tech).json(body).send();
        assertThat(response.status()).as(call + " " + body + ": " + response).isEqualTo(400);
        assertThat(response.json().path("message").asText()).as(call + " " + body).contains("\"Decision\" needs an answer");
      }
    }
    assertThat(counts()).isEqualTo(before);
    assertThat(lifecycle.task(id).getId()).isEqualTo(taskId);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(lifecycle.instance(id)).isWaitingAt(Elements.CHECK_RSSV);

    Http.Response ok = http().post("/engine-rest/task/" + taskId + "/complete").as(tech)
        .json("{\"variables\":{\"rssvAccepted\":{\"value\":true}}}").send();
    assertThat(ok.status()).as(ok.toString()).isEqualTo(204);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(lifecycle.instance(id)).isWaitingAt(Elements.SCHEDULE_SESSION);
  }

  // ------------------------------------------------------------------------------------------------ helpers

  static Map<String, String> with(Map<String, String> valid, String field, String value) {
    Map<String, String> out = new LinkedHashMap<>(valid);
    out.put(field, value);
    return out;
  }

  static Http.Response expect(int status, Http.Response response, List<String> problems) {
    if (response.status() != status) {
      problems.add("expected " + status + ": " + response);
    } else {
      refused(response, problems);
    }
    return response;
  }

  Mails.Mail lastMail(String subjectPart) {
    return Mails.read(MAIL.getReceivedMessages()).stream().filter(m -> m.subject().contains(subjectPart)).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no mail " + subjectPart));
  }

  /** A lifecycle driven to its survey: [survey token, the (used) RSSV token of another, still open request]. */
  String[] surveyAndRssvTokens() {
    Job job = lifecycle.newJob();
    String id = lifecycle.submit(job, "Ada Lovelace", "ada@example.org");
    runDueJobs();
    lifecycle.toSurvey(id, "Ada Lovelace");
    String survey = lastMail("How did we do").linkToken("/portal/survey/");
    lifecycle.submit(job, "Bea Other", "bea@example.org");
    runDueJobs();
    String rssv = lastMail("Security Verification").linkToken("/portal/rssv/");
    return new String[] {survey, rssv};
  }
}
