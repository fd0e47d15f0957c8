package org.remoteservices.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.remoteservices.support.adapter.camunda.RemoteSupportProcess.Elements;

/**
 * One complete remote-support lifecycle, driven the way its users drive it: the customer through the public API
 * (POST /api/support-requests; the RSSV link from the mail: view, sign online; the survey link: view, answer), the
 * technician through the engine REST API (submit-form on each of the four user tasks, HTTP Basic), an operator
 * reading the status. The customer follows each mailed link the moment the mail arrives (the mail leaves after the
 * step that sends it has committed, so the link works at once). In the floor the customer's two link clicks become
 * {@code /bench/floor/...} correlations, sent once the instance waits (there is no mail to wait for).
 */
public final class LifecycleDriver implements Driver {
  static final long TIMEOUT_MS = 120_000;
  public static final String MAIL_LATENCY = "request -> RSSV mail delivered";
  public static final String FLOOR_WAIT_LATENCY = "request -> waiting for RSSV (floor: no mail)";
  public static final String RSSV_COMMIT_TO_MAIL = "RSSV mail step committed -> mail arrived";
  public static final String LIFECYCLE = "whole lifecycle (incl. waits for jobs)";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;
  private final MailSink mail;
  private final boolean floor;
  private final List<String> jobNumbers;
  private final String tag;
  private final String technician = basic(BenchUsers.TECHNICIAN, BenchUsers.PASSWORD);
  private final String operator = basic(BenchUsers.OPERATOR, BenchUsers.PASSWORD);

  public LifecycleDriver(HttpClient http, int port, MailSink mail, boolean floor, List<String> jobNumbers, String tag) {
    this.http = http;
    this.base = "http://127.0.0.1:" + port;
    this.mail = mail;
    this.floor = floor;
    this.jobNumbers = jobNumbers;
    this.tag = tag;
  }

  @Override
  public void run(int n, Samples samples) throws Exception {
    String email = "subject-" + tag + "-" + n + "@customers.example.com";
    if (!floor) {
      mail.expect(email);
    }
    long t0 = System.nanoTime();
    JsonNode created = call(samples, "POST /api/support-requests", "POST", "/api/support-requests", null, Map.of(
        "name", "Ada Bench", "phone", "+1 555 0100", "email", email, "jobNumber", jobNumbers.get(n % jobNumbers.size())), 201);
    String id = created.get("id").asText();
    try {
      if (floor) {
        BenchSignals.Signal waiting = BenchSignals.await(id, Elements.AWAIT_RSSV, TIMEOUT_MS);
        samples.add(FLOOR_WAIT_LATENCY, waiting.nanos() - t0);
        call(samples, "POST /bench/floor/{id}/rssv-returned", "POST", "/bench/floor/" + id + "/rssv-returned", null, null, 201);
      } else {
        MailSink.Delivered rssvMail = mail.await(email, "Remote Session Security Verification", TIMEOUT_MS);
        samples.add(MAIL_LATENCY, rssvMail.nanos() - t0);
        // the RSSV step's commit (the instance waits) -> the mail arrives: the delivery thread's queue, SMTP, the sink
        BenchSignals.Signal waits = BenchSignals.await(id, Elements.AWAIT_RSSV, 5_000);
        samples.add(RSSV_COMMIT_TO_MAIL, rssvMail.nanos() - waits.nanos());
        String token = rssvMail.linkToken("/portal/rssv/");
        // clicked the moment the mail arrives: no waiting for the process (docs/performance.md, "Mail after commit")
        call(samples, "GET /api/rssv/{token}", "GET", "/api/rssv/" + token, null, null, 200);
        call(samples, "POST /api/rssv/{token}/signature", "POST", "/api/rssv/" + token + "/signature", null,
            Map.of("fullName", "Ada Bench", "consent", true), 201);
      }
      submitForm(samples, id, Elements.CHECK_RSSV, Map.of("rssvAccepted", variable(true, "Boolean")));
      submitForm(samples, id, Elements.SCHEDULE_SESSION, Map.of(
          "input_sessionStart", variable("2026-12-01T14:30:00Z", "String"),
          "input_sessionMinutes", variable(60, "Integer")));
      Map<String, Object> outcome = new LinkedHashMap<>();
      outcome.put("input_startedAt", variable("2026-12-01T14:30:00Z", "String"));
      outcome.put("input_endedAt", variable("2026-12-01T15:10:00Z", "String"));
      outcome.put("sessionResolved", variable(true, "Boolean"));
      outcome.put("input_sessionNotes", variable("Checked the processor event log; scene schedule reloaded", "String"));
      outcome.put("input_recordingReference", variable("GTR-" + n, "String"));
      outcome.put("input_supportFiles", variable("[\"PROCESSOR_EVENT_LOG\",\"GUI_LOGS\"]", "Json"));
      submitForm(samples, id, Elements.RUN_SESSION, outcome);
      submitForm(samples, id, Elements.DOCUMENT_WORK_ORDER, Map.of(
          "input_workSummary", variable("Scene schedule repaired", "String"),
          "input_actionsTaken", variable("Reloaded the processor database", "String")));
      if (floor) {
        BenchSignals.await(id, Elements.AWAIT_SURVEY, TIMEOUT_MS);
        call(samples, "POST /bench/floor/{id}/survey-answered", "POST", "/bench/floor/" + id + "/survey-answered", null, null, 201);
      } else {
        String token = mail.await(email, "How did we do?", TIMEOUT_MS).linkToken("/portal/survey/");
        call(samples, "GET /api/surveys/{token}", "GET", "/api/surveys/" + token, null, null, 200);
        call(samples, "POST /api/surveys/{token}", "POST", "/api/surveys/" + token, null, Map.of("rating", 5, "comment", "Quick and friendly"), 201);
      }
      call(samples, "GET /api/support-requests/{id} (operator)", "GET", "/api/support-requests/" + id, operator, null, 200);
      samples.add(LIFECYCLE, System.nanoTime() - t0);
    } finally {
      BenchSignals.forget(id);
      mail.forget(email);
    }
  }

  /** The technician opens the task (its id, as Tasklist lists it) and submits the form. */
  private void submitForm(Samples samples, String businessKey, String taskKey, Map<String, Object> variables) throws Exception {
    String taskId = BenchSignals.await(businessKey, taskKey, TIMEOUT_MS).taskId();
    call(samples, "POST /engine-rest/task/{id}/submit-form (" + taskKey.replace("userTask_", "") + ")", "POST",
        "/engine-rest/task/" + taskId + "/submit-form", technician, Map.of("variables", variables), 204);
  }

  private static Map<String, Object> variable(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  private JsonNode call(Samples samples, String name, String method, String path, String auth, Object body, int expected) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    if ("POST".equals(method)) {
      request.header("Content-Type", "application/json")
          .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    } else {
      request.GET();
    }
    long start = System.nanoTime();
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    samples.add(name, System.nanoTime() - start);
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path.replaceAll("/[A-Za-z0-9_-]{36,}", "/…") + " answered " + response.statusCode()
          + " (expected " + expected + "): " + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body().length == 0 ? null : JSON.readTree(response.body());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
