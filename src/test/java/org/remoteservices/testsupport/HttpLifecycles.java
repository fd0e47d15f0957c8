package org.remoteservices.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Drives remote-support lifecycles over HTTP alone, the way their users do: customers through the public
 * API and the links in their mails (read back from GreenMail), technicians through {@code /engine-rest}
 * task forms. With several nodes, every call goes to a randomly chosen one.
 *
 * <p>Each lifecycle is a little state machine that looks at what is there (open task, mail, process state)
 * and does the next user action, so it keeps working across a crashed node: a call that fails because the
 * node is down is just tried again later, and an action whose answer got lost (task already completed, link
 * already used) is recognised by the state it left behind.
 */
public final class HttpLifecycles implements AutoCloseable {
  public static final String PASSWORD = "Demo-2026"; // the demo profile's users (olivia, tom) ...
  public static final String ADMIN = "admin:admin-Demo-2026"; // ... and admin

  /** The staff logins the lifecycles use, each "user:password". */
  public record Logins(String admin, String operator, String technician) {
    /** The demo profile's. */
    public static final Logins DEMO = new Logins(ADMIN, "olivia:" + PASSWORD, "tom:" + PASSWORD);
  }

  private final String adminLogin;
  private final String operator;
  private final String technician;
  private final List<String> nodes;
  private final GreenMail mail;
  private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicInteger failedCalls = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean();
  private ExecutorService workers;

  public HttpLifecycles(List<String> nodeBaseUrls, GreenMail mail) {
    this(nodeBaseUrls, mail, Logins.DEMO);
  }

  public HttpLifecycles(List<String> nodeBaseUrls, GreenMail mail, Logins logins) {
    this.nodes = List.copyOf(nodeBaseUrls);
    this.mail = mail;
    this.adminLogin = logins.admin();
    this.operator = logins.operator();
    this.technician = logins.technician();
  }

  /** Creates a staff account in a group through the engine REST API, as an administrator does (no demo profile). */
  public static void createStaff(String baseUrl, String adminLogin, String userId, String password, String group) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String auth = "Basic " + Base64.getEncoder().encodeToString(adminLogin.getBytes(StandardCharsets.UTF_8));
    String user = "{\"profile\":{\"id\":\"" + userId + "\",\"firstName\":\"Load\",\"lastName\":\"Test\",\"email\":\"" + userId
        + "@staff.example.com\"},\"credentials\":{\"password\":\"" + password + "\"}}";
    try {
      for (HttpRequest request : List.of(
          HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/user/create")).header("Authorization", auth)
              .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(user)).build(),
          HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/group/" + group + "/members/" + userId)).header("Authorization", auth)
              .PUT(HttpRequest.BodyPublishers.noBody()).build())) {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
          throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode() + ": "
              + response.body());
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One customer's remote-support case, on a job of its own (so each mailbox receives exactly its mails). */
  public static final class Case {
    public final int n;
    public final String jobNumber;
    public final String requester;
    public final String siteContact;
    public final String schedulingContact;
    public volatile String id;
    public volatile String caseNumber;
    volatile boolean signed;
    volatile boolean surveyAnswered;
    public volatile boolean done;
    public volatile String processInstanceId;
    volatile String lastProblem;

    Case(int n, String run) {
      this.n = n;
      this.jobNumber = "J-" + run + "-" + n;
      this.requester = "requester-" + run + "-" + n + "@example.org";
      this.siteContact = "site-" + run + "-" + n + "@example.com";
      this.schedulingContact = "schedule-" + run + "-" + n + "@example.com";
    }

    @Override
    public String toString() {
      return "case " + n + " (" + caseNumber + ", " + id + (done ? ", done" : ", signed " + signed + ", survey answered "
          + surveyAnswered + (lastProblem == null ? "" : ", last problem: " + lastProblem)) + ")";
    }
  }

  /** Registers a job (as the operator) and submits the support request (as the customer), waiting for both. */
  public Case open(int n) {
    Case c = new Case(n, run);
    Map<String, Object> job = Map.of("jobNumber", c.jobNumber, "jobName", "Load Test Site " + n,
        "locationAddress", n + " Test Street, Testville",
        "siteContact", Map.of("name", "Site Contact", "email", c.siteContact, "phone", "+1 555 0001"),
        "schedulingContact", Map.of("name", "Scheduling Contact", "email", c.schedulingContact, "phone", "+1 555 0002"),
        "systemObsolescenceDate", "2031-06-30");
    expect(201, post("/api/jobs", operator, job));
    JsonNode created = body(expect(201, post("/api/support-requests", null,
        Map.of("name", "Ada Requester", "phone", "+1 555 0100", "email", c.requester, "jobNumber", c.jobNumber))));
    c.id = created.get("id").asText();
    c.caseNumber = created.get("caseNumber").asText();
    return c;
  }

  /** Starts {@code threads} workers that keep moving the cases on until each has ended (or {@link #close()}). */
  public void drive(List<Case> cases, int threads) {
    running.set(true);
    workers = Executors.newFixedThreadPool(threads);
    for (int w = 0; w < threads; w++) {
      List<Case> mine = new ArrayList<>();
      for (int i = w; i < cases.size(); i += threads) {
        mine.add(cases.get(i));
      }
      workers.submit(() -> {
        while (running.get() && mine.stream().anyMatch(c -> !c.done)) {
          boolean progress = false;
          for (Case c : mine) {
            if (!c.done && running.get()) {
              try {
                progress |= step(c);
              } catch (NodeUnavailable e) {
                failedCalls.incrementAndGet(); // the node went down mid-call: look again next round
              } catch (Throwable e) {
                c.lastProblem = e.toString(); // anything else: remembered for the report, tried again next round
              }
            }
          }
          if (!progress) {
            AppProcess.sleep(100);
          }
        }
        return null;
      });
    }
  }

  /** Waits until every case has ended; on timeout, the report says where each unfinished one stands. */
  public static void awaitAllDone(List<Case> cases, Duration timeout) {
    try {
      await("every lifecycle to finish", timeout, () -> cases.stream().allMatch(c -> c.done));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; unfinished: " + cases.stream().filter(c -> !c.done).toList());
    }
  }

  /** Waits until the condition holds, failing after the timeout. */
  public static void await(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
      }
      AppProcess.sleep(200);
    }
  }

  public int failedCalls() {
    return failedCalls.get();
  }

  @Override
  public void close() {
    running.set(false);
    if (workers != null) {
      workers.shutdownNow();
    }
  }

  /** Does the next user action of the case, if one is possible now; true if something moved. */
  boolean step(Case c) {
    JsonNode tasks = body(expect(200, get("/engine-rest/task?processInstanceBusinessKey=" + c.id, technician)));
    if (tasks.size() > 0) {
      JsonNode task = tasks.get(0);
      submitForm(task.get("id").asText(), task.get("taskDefinitionKey").asText(), c);
      return true;
    }
    if (!c.signed) {
      String token = linkToken(c.requester, "Remote Session Security Verification", "/portal/rssv/");
      if (token == null) {
        return false;
      }
      int status = post("/api/rssv/" + token + "/signature", null, Map.of("fullName", "Ada Requester", "consent", true)).statusCode();
      // 410: the link was used already, by this very call whose answer was lost in a crash; anything else
      // (the node down or recovering): try again later
      c.signed = status == 201 || status == 410;
      return c.signed;
    }
    if (!c.surveyAnswered) {
      String token = linkToken(c.requester, "How did we do?", "/portal/survey/");
      if (token == null) {
        return false;
      }
      int status = post("/api/surveys/" + token, null, Map.of("rating", 5, "comment", "Thanks")).statusCode();
      c.surveyAnswered = status == 201 || status == 410;
      return c.surveyAnswered;
    }
    JsonNode instances = body(expect(200, get("/engine-rest/history/process-instance?processDefinitionKey=remote-support"
        + "&processInstanceBusinessKey=" + c.id, adminLogin)));
    if (instances.size() == 1 && "COMPLETED".equals(instances.get(0).get("state").asText())) {
      c.processInstanceId = instances.get(0).get("id").asText();
      c.done = true;
      return true;
    }
    return false;
  }

  private void submitForm(String taskId, String taskKey, Case c) {
    Map<String, Object> fields = switch (taskKey) {
      case "userTask_checkRssv" -> Map.of("rssvAccepted", true);
      case "userTask_scheduleSession" -> Map.of("input_sessionStart", "2026-12-01T14:30:00Z", "input_sessionMinutes", 60);
      case "userTask_runSession" -> Map.of("input_startedAt", "2026-12-01T14:30:00Z", "input_endedAt", "2026-12-01T15:10:00Z",
          "sessionResolved", true, "input_sessionNotes", "Checked the processor event log",
          "input_recordingReference", "GTR-" + c.n);
      case "userTask_documentWorkOrder" -> Map.of("input_workSummary", "Scene schedule repaired",
          "input_actionsTaken", "Reloaded the processor database");
      default -> throw new AssertionError("unexpected task " + taskKey + " in " + c);
    };
    Map<String, Object> variables = new LinkedHashMap<>();
    fields.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    // 204 done; 4xx/5xx when the task was completed meanwhile (an answer lost in a crash): the next look tells
    post("/engine-rest/task/" + taskId + "/submit-form", technician, Map.of("variables", variables));
  }

  // --- what the mail server received

  /** Every copy delivered to one address's mailbox (a mail sent twice counts twice). */
  public static List<MimeMessage> copiesFor(GreenMail mail, String address) {
    GreenMailUser user = mail.getUserManager().getUserByEmail(address);
    if (user == null) {
      return List.of();
    }
    try {
      List<MimeMessage> copies = new ArrayList<>();
      for (StoredMessage m : mail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
        copies.add(m.getMimeMessage());
      }
      return copies;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<String> subjectsFor(GreenMail mail, String address) {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : copiesFor(mail, address)) {
      try {
        subjects.add(m.getSubject());
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return subjects;
  }

  private String linkToken(String address, String subjectPart, String pathPrefix) {
    for (MimeMessage copy : copiesFor(mail, address)) {
      Mails.Mail m = Mails.read(new MimeMessage[] {copy}).get(0);
      if (m.subject().contains(subjectPart)) {
        return m.linkToken(pathPrefix);
      }
    }
    return null;
  }

  // --- HTTP

  private String node() {
    return nodes.get(ThreadLocalRandom.current().nextInt(nodes.size()));
  }

  private HttpResponse<String> get(String path, String credentials) {
    return send(HttpRequest.newBuilder(URI.create(node() + path)).GET(), credentials);
  }

  private HttpResponse<String> post(String path, String credentials, Object body) {
    try {
      return send(HttpRequest.newBuilder(URI.create(node() + path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), credentials);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String credentials) {
    request.timeout(Duration.ofSeconds(30));
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NodeUnavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeUnavailable(e);
    }
  }

  /** Verification queries (as admin) against the first node. */
  public JsonNode query(String path) {
    return body(expect(200, send(HttpRequest.newBuilder(URI.create(nodes.get(0) + path)).GET(), adminLogin)));
  }

  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath() + " answered "
          + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  private JsonNode body(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The node did not answer (down, or went down mid-call). */
  public static final class NodeUnavailable extends RuntimeException {
    NodeUnavailable(Exception cause) {
      super(cause);
    }
  }
}
