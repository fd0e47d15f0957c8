package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.remoteservices.testsupport.TestUsers.Role.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.remoteservices.shared.security.PublicEndpoint;
import org.remoteservices.shared.security.StaffOnly;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every role against every endpoint: the allowed ones work (2xx, or 404/409 for a missing id or state), every
 * other authenticated role gets 403, and anonymous callers and wrong passwords get 401. Each answer is JSON.
 *
 * <p>{@link #ENDPOINTS} is the one table to extend: a new endpoint is one row. {@link #everyHandlerIsInTheTable()}
 * fails when a controller handler of the project has no row, so the table cannot fall behind the code.
 */
class EndpointMatrixTest extends IntegrationTest {
  static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
  static final Set<Role> OPS = EnumSet.of(OPERATOR, ADMIN);
  static final Set<Role> OPS_AND_TECHS = EnumSet.of(OPERATOR, ADMIN, TECHNICIAN);
  /** Every staff group (sales included: a sales-call task waits for them, so its task mail reaches them too). */
  static final Set<Role> STAFF = EnumSet.of(OPERATOR, PROCESS_ADMIN, ADMIN, TECHNICIAN, PRIVACY_OFFICER, SALES);
  static final String MISSING = "00000000-0000-0000-0000-000000000000";
  static final String FORGED_TOKEN = "A".repeat(43);
  static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  /** One row per endpoint: method, the handler's mapping (for the coverage check), a concrete call, who may, what "works" means. */
  record Endpoint(String method, String mapping, String path, Supplier<Body> body, Set<Role> allowed, Set<Integer> works) {
    Endpoint(String method, String mapping, String path, Set<Role> allowed, Integer... works) {
      this(method, mapping, path, () -> null, allowed, Set.of(works));
    }
  }

  record Body(String json, byte[] file) {
    static Body json(String json) {
      return new Body(json, null);
    }

    static Body file(byte[] content) {
      return new Body(null, content);
    }
  }

  static String newJob() {
    String number = "JM-" + UUID.randomUUID().toString().substring(0, 8);
    return """
        {"jobNumber":"%s","jobName":"Matrix Site","locationAddress":"1 Matrix Road",
         "siteContact":{"name":"Site Person","email":"site@example.com","phone":"+1 555 0101"},
         "schedulingContact":{"name":"Plan Person","email":"plan@example.com"},
         "systemObsolescenceDate":"2031-01-01"}""".formatted(number);
  }

  static final List<Endpoint> ENDPOINTS = List.of(
      // the project's staff API
      new Endpoint("GET", "/api/jobs", "/api/jobs", OPS_AND_TECHS, 200),
      new Endpoint("GET", "/api/jobs/{jobNumber}", "/api/jobs/J-NOPE", OPS_AND_TECHS, 404),
      new Endpoint("POST", "/api/jobs", "/api/jobs", () -> Body.json(newJob()), OPS, Set.of(201)),
      // issue 11: operators change a job's obsolescence date (its record-retention timer moves)
      new Endpoint("PATCH", "/api/jobs/{jobNumber}", "/api/jobs/J-NOPE", () -> Body.json("{\"systemObsolescenceDate\":\"2035-05-05\"}"),
          OPS, Set.of(404)),
      // issue 11: a case's support files (technicians add them) and recordings
      new Endpoint("GET", "/api/support-requests/{id}/support-files", "/api/support-requests/" + MISSING + "/support-files", OPS_AND_TECHS, 404),
      new Endpoint("POST", "/api/support-requests/{id}/support-files", "/api/support-requests/" + MISSING + "/support-files?category=GUI_LOGS",
          () -> Body.file("log".getBytes(StandardCharsets.UTF_8)), EnumSet.of(TECHNICIAN, ADMIN), Set.of(404)),
      new Endpoint("POST", "/api/support-requests/{id}/support-files/references",
          "/api/support-requests/" + MISSING + "/support-files/references",
          () -> Body.json("{\"category\":\"GUI_LOGS\",\"reference\":\"share://logs/1\"}"), EnumSet.of(TECHNICIAN, ADMIN), Set.of(404)),
      new Endpoint("GET", "/api/support-requests/{id}/recordings", "/api/support-requests/" + MISSING + "/recordings", OPS_AND_TECHS, 404),
      new Endpoint("GET", "/api/support-requests", "/api/support-requests", OPS_AND_TECHS, 200),
      new Endpoint("GET", "/api/support-requests/{id}", "/api/support-requests/" + MISSING, OPS_AND_TECHS, 404),
      new Endpoint("GET", "/api/support-requests/{id}/rssv/returned", "/api/support-requests/" + MISSING + "/rssv/returned", OPS_AND_TECHS, 404),
      new Endpoint("POST", "/api/support-requests/{id}/session/recording", "/api/support-requests/" + MISSING + "/session/recording",
          () -> Body.file("video".getBytes(StandardCharsets.UTF_8)), EnumSet.of(TECHNICIAN, ADMIN), Set.of(409)),
      new Endpoint("GET", "/api/mail-catcher/messages", "/api/mail-catcher/messages", OPS, 200, 404),
      // the staff pages (issue 13): HTML, the Tasklist login or HTTP Basic
      new Endpoint("GET", "/staff/cases", "/staff/cases?q=RS-000123", OPS_AND_TECHS, 200),
      new Endpoint("GET", "/staff/cases/{ref}", "/staff/cases/RS-999999", OPS_AND_TECHS, 404),
      new Endpoint("POST", "/staff/cases/{ref}/recording", "/staff/cases/RS-999999/recording",
          () -> Body.file("video".getBytes(StandardCharsets.UTF_8)), EnumSet.of(TECHNICIAN, ADMIN), Set.of(404)),
      new Endpoint("GET", "/staff/privacy-requests", "/staff/privacy-requests", EnumSet.of(PRIVACY_OFFICER, ADMIN), 200),
      new Endpoint("GET", "/staff/privacy-requests/{ref}", "/staff/privacy-requests/PR-999999", EnumSet.of(PRIVACY_OFFICER, ADMIN), 404),
      new Endpoint("GET", "/staff/reports", "/staff/reports", EnumSet.of(OPERATOR, ADMIN, PRIVACY_OFFICER), 200),
      // issue 13d: each staff member's own task-mail switch (a post without the page's form token is refused: 403)
      new Endpoint("GET", "/staff/notifications", "/staff/notifications", STAFF, 200),
      new Endpoint("POST", "/staff/notifications", "/staff/notifications", STAFF, 403),
      new Endpoint("GET", "/staff/reports/{name}.csv", "/staff/reports/privacy-request-log.csv", EnumSet.of(OPERATOR, ADMIN, PRIVACY_OFFICER), 200),
      new Endpoint("GET", "/api/mail-catcher/messages/{id}/attachments/{index}", "/api/mail-catcher/messages/0/attachments/0", OPS, 404),
      // communications (issue 12): operators and admins send and follow them; whom a sales-call task is about
      new Endpoint("POST", "/api/communications", "/api/communications",
          () -> Body.json("{\"purpose\":\"SERVICE_UPDATE\",\"subject\":\"Matrix\",\"body\":\"x\",\"jobNumbers\":[\"J-NOPE\"]}"), OPS, Set.of(400)),
      new Endpoint("GET", "/api/communications/{id}", "/api/communications/" + MISSING, OPS, 404),
      new Endpoint("GET", "/api/communications/{id}/calls/{position}", "/api/communications/" + MISSING + "/calls/0",
          EnumSet.of(OPERATOR, ADMIN, SALES), 404),
      // the public API and pages: everyone (a forged token is simply unknown)
      new Endpoint("POST", "/api/support-requests", "/api/support-requests",
          () -> Body.json("{\"name\":\"Ma Trix\",\"phone\":\"+1 555 0100\",\"email\":\"m@example.org\",\"jobNumber\":\"J-NOPE\"}"),
          EVERYONE, Set.of(422)),
      new Endpoint("GET", "/api/rssv/{token}", "/api/rssv/" + FORGED_TOKEN, EVERYONE, 404),
      new Endpoint("GET", "/api/rssv/{token}/form.pdf", "/api/rssv/" + FORGED_TOKEN + "/form.pdf", EVERYONE, 404),
      new Endpoint("POST", "/api/rssv/{token}", "/api/rssv/" + FORGED_TOKEN, () -> Body.file(PDF), EVERYONE, Set.of(404)),
      new Endpoint("POST", "/api/rssv/{token}/signature", "/api/rssv/" + FORGED_TOKEN + "/signature",
          () -> Body.json("{\"fullName\":\"Ma Trix\",\"consent\":true}"), EVERYONE, Set.of(404)),
      new Endpoint("GET", "/api/surveys/{token}", "/api/surveys/" + FORGED_TOKEN, EVERYONE, 404),
      new Endpoint("POST", "/api/surveys/{token}", "/api/surveys/" + FORGED_TOKEN, () -> Body.json("{\"rating\":5}"), EVERYONE, Set.of(404)),
      new Endpoint("GET", "/portal", "/portal", EVERYONE, 200),
      new Endpoint("GET", "/portal/support", "/portal/support", EVERYONE, 200),
      new Endpoint("GET", "/portal/rssv/{token}", "/portal/rssv/" + FORGED_TOKEN, EVERYONE, 200),
      new Endpoint("GET", "/portal/survey/{token}", "/portal/survey/" + FORGED_TOKEN, EVERYONE, 200),
      // issue 13: the customer's status page behind the private link
      new Endpoint("GET", "/api/case-status/{token}", "/api/case-status/" + FORGED_TOKEN, EVERYONE, 404),
      new Endpoint("GET", "/portal/status/{token}", "/portal/status/" + FORGED_TOKEN, EVERYONE, 200),
      // issue 13: the actuator (no handler mapping of ours): the health probes open, the rest operators only (ActuatorTest: prometheus)
      new Endpoint("GET", null, "/actuator/health", EVERYONE, 200),
      new Endpoint("GET", null, "/actuator/health/liveness", EVERYONE, 200),
      new Endpoint("GET", null, "/actuator/health/readiness", EVERYONE, 200),
      new Endpoint("GET", null, "/actuator/info", OPS, 200),
      new Endpoint("GET", "/mail-catcher", "/mail-catcher", EVERYONE, 200),
      // privacy requests (issue 3): staff status and legal holds; the public submission and its mailed links
      new Endpoint("GET", "/api/privacy-requests/{id}", "/api/privacy-requests/" + MISSING, EnumSet.of(PRIVACY_OFFICER, OPERATOR, ADMIN), 404),
      new Endpoint("POST", "/api/privacy/legal-holds", "/api/privacy/legal-holds", () -> Body.json("{}"),
          EnumSet.of(PRIVACY_OFFICER, ADMIN), Set.of(400)),
      // issue 11: a privacy officer lifts a restriction (the person is told first)
      new Endpoint("POST", "/api/privacy-requests/{id}/restriction-lift", "/api/privacy-requests/" + MISSING + "/restriction-lift",
          () -> Body.json("{}"), EnumSet.of(PRIVACY_OFFICER, ADMIN), Set.of(400)),
      // issue 11: the recipient and transfer register, kept by privacy officers
      new Endpoint("GET", "/api/privacy/recipient-register", "/api/privacy/recipient-register", EnumSet.of(PRIVACY_OFFICER, ADMIN), 200),
      new Endpoint("POST", "/api/privacy/recipient-register", "/api/privacy/recipient-register", () -> Body.json("{}"),
          EnumSet.of(PRIVACY_OFFICER, ADMIN), Set.of(400)),
      new Endpoint("PUT", "/api/privacy/recipient-register/{id}", "/api/privacy/recipient-register/" + MISSING, () -> Body.json("{}"),
          EnumSet.of(PRIVACY_OFFICER, ADMIN), Set.of(404)),
      new Endpoint("DELETE", "/api/privacy/recipient-register/{id}", "/api/privacy/recipient-register/" + MISSING, () -> Body.json("{}"),
          EnumSet.of(PRIVACY_OFFICER, ADMIN), Set.of(404)),
      new Endpoint("POST", "/api/privacy-requests", "/api/privacy-requests", () -> Body.json("{}"), EVERYONE, Set.of(400)),
      new Endpoint("GET", "/api/privacy/receipts/{token}", "/api/privacy/receipts/" + FORGED_TOKEN, EVERYONE, 404),
      new Endpoint("POST", "/api/privacy/receipts/{token}", "/api/privacy/receipts/" + FORGED_TOKEN, () -> Body.json("{}"), EVERYONE,
          Set.of(404)),
      new Endpoint("GET", "/portal/privacy/receipt/{token}", "/portal/privacy/receipt/" + FORGED_TOKEN, EVERYONE, 200),
      new Endpoint("GET", "/api/privacy/declaration/{token}", "/api/privacy/declaration/" + FORGED_TOKEN, EVERYONE, 404),
      new Endpoint("POST", "/api/privacy/declaration/{token}", "/api/privacy/declaration/" + FORGED_TOKEN, () -> Body.file(PDF),
          EVERYONE, Set.of(404)),
      new Endpoint("POST", "/api/privacy/declaration/{token}/signature", "/api/privacy/declaration/" + FORGED_TOKEN + "/signature",
          () -> Body.json("{\"fullName\":\"Ma Trix\",\"consent\":true}"), EVERYONE, Set.of(404)),
      new Endpoint("GET", "/api/privacy/agent-permission/{token}", "/api/privacy/agent-permission/" + FORGED_TOKEN, EVERYONE, 404),
      new Endpoint("POST", "/api/privacy/agent-permission/{token}", "/api/privacy/agent-permission/" + FORGED_TOKEN,
          () -> Body.file(PDF), EVERYONE, Set.of(404)),
      new Endpoint("GET", "/api/privacy/confirmation/{token}", "/api/privacy/confirmation/" + FORGED_TOKEN, EVERYONE, 404),
      new Endpoint("POST", "/api/privacy/confirmation/{token}", "/api/privacy/confirmation/" + FORGED_TOKEN, () -> Body.json("{}"),
          EVERYONE, Set.of(404)),
      new Endpoint("GET", "/api/privacy/identity/{token}", "/api/privacy/identity/" + FORGED_TOKEN, EVERYONE, 404),
      new Endpoint("POST", "/api/privacy/identity/{token}", "/api/privacy/identity/" + FORGED_TOKEN, () -> Body.json("{}"), EVERYONE, Set.of(404)),
      new Endpoint("GET", "/api/privacy/email-change/{token}", "/api/privacy/email-change/" + FORGED_TOKEN, EVERYONE, 404),
      new Endpoint("POST", "/api/privacy/email-change/{token}", "/api/privacy/email-change/" + FORGED_TOKEN, () -> Body.json("{}"),
          EVERYONE, Set.of(404)),
      new Endpoint("GET", "/api/privacy/downloads/{token}", "/api/privacy/downloads/" + FORGED_TOKEN, EVERYONE, 404),
      new Endpoint("POST", "/api/privacy/downloads/{token}", "/api/privacy/downloads/" + FORGED_TOKEN,
          () -> Body.json("{\"code\":\"ABCD-EFGH\"}"), EVERYONE, Set.of(404)),
      new Endpoint("GET", "/api/unsubscribe/{token}", "/api/unsubscribe/" + FORGED_TOKEN, EVERYONE, 404),
      new Endpoint("POST", "/api/unsubscribe/{token}", "/api/unsubscribe/" + FORGED_TOKEN, () -> Body.json("{}"), EVERYONE, Set.of(404)),
      new Endpoint("GET", "/portal/privacy-request", "/portal/privacy-request", EVERYONE, 200),
      new Endpoint("GET", "/portal/privacy/declaration/{token}", "/portal/privacy/declaration/" + FORGED_TOKEN, EVERYONE, 200),
      new Endpoint("GET", "/portal/privacy/agent-permission/{token}", "/portal/privacy/agent-permission/" + FORGED_TOKEN, EVERYONE, 200),
      new Endpoint("GET", "/portal/privacy/confirmation/{token}", "/portal/privacy/confirmation/" + FORGED_TOKEN, EVERYONE, 200),
      new Endpoint("GET", "/portal/privacy/identity/{token}", "/portal/privacy/identity/" + FORGED_TOKEN, EVERYONE, 200),
      new Endpoint("GET", "/portal/privacy/email-change/{token}", "/portal/privacy/email-change/" + FORGED_TOKEN, EVERYONE, 200),
      new Endpoint("GET", "/portal/privacy/download/{token}", "/portal/privacy/download/" + FORGED_TOKEN, EVERYONE, 200),
      new Endpoint("GET", "/portal/unsubscribe/{token}", "/portal/unsubscribe/" + FORGED_TOKEN, EVERYONE, 200),
      // the engine REST API: any staff account may call it (Camunda's authorizations then filter what it sees)
      new Endpoint("GET", null, "/engine-rest/process-definition", STAFF, 200),
      new Endpoint("GET", null, "/engine-rest/process-instance", STAFF, 200),
      new Endpoint("GET", null, "/engine-rest/task", STAFF, 200),
      new Endpoint("GET", null, "/engine-rest/history/process-instance", STAFF, 200),
      new Endpoint("GET", null, "/engine-rest/incident", STAFF, 200),
      new Endpoint("GET", null, "/engine-rest/process-instance/" + MISSING, STAFF, 404),
      new Endpoint("POST", null, "/engine-rest/user/create",
          () -> Body.json("{\"profile\":{\"id\":\"matrix" + UUID.randomUUID().toString().substring(0, 8).replace("-", "")
              + "\"},\"credentials\":{\"password\":\"Matrix-2026-pass\"}}"),
          EnumSet.of(ADMIN), Set.of(204)));

  @LocalServerPort int port;
  @Autowired TestUsers users;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void everyRoleGetsWhatItMayAndNothingElse() {
    Http http = new Http(port);
    List<String> problems = new ArrayList<>();
    for (Endpoint endpoint : ENDPOINTS) {
      for (Role role : Role.values()) {
        Http.Call call = http.call(endpoint.method(), endpoint.path()).as(users.login(role));
        Body body = endpoint.body().get();
        if (body != null && body.json() != null) {
          call.json(body.json());
        } else if (body != null) {
          call.multipart("file", "file.pdf", "application/pdf", body.file());
        }
        Http.Response response = call.send();
        Set<Integer> expected;
        if (endpoint.allowed().contains(role)) {
          expected = endpoint.works();
        } else if (role == ANONYMOUS || role == WRONG_PASSWORD) {
          expected = Set.of(401);
        } else {
          expected = Set.of(403);
        }
        if (!expected.contains(response.status())) {
          problems.add(role + " " + response + " (expected " + expected + ")");
        }
        boolean page = endpoint.path().startsWith("/portal/") || endpoint.path().equals("/portal") || endpoint.path().equals("/mail-catcher")
            || endpoint.path().startsWith("/staff/");
        // Camunda's own answers without a body: 204 on success, 401 from its authentication filter
        boolean engineSuccess = endpoint.path().startsWith("/engine-rest/") && (response.status() == 204 || response.status() == 401);
        if (!page && !engineSuccess && !response.isJson()) {
          problems.add(role + " " + response + ": not a JSON answer");
        }
        if (response.status() == 401 && endpoint.path().startsWith("/api/") && response.header("WWW-Authenticate") == null) {
          problems.add(role + " " + response + ": 401 without WWW-Authenticate");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyHandlerIsInTheTable() {
    Set<String> inTable = new TreeSet<>();
    ENDPOINTS.stream().filter(e -> e.mapping() != null).forEach(e -> inTable.add(e.method() + " " + e.mapping()));
    Set<String> handlers = new TreeSet<>();
    mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod method) -> {
      if (!method.getBeanType().getPackageName().startsWith("org.remoteservices")) {
        return;
      }
      assertThat(method.hasMethodAnnotation(PublicEndpoint.class) || method.hasMethodAnnotation(StaffOnly.class)
          || method.getBeanType().isAnnotationPresent(PublicEndpoint.class) || method.getBeanType().isAnnotationPresent(StaffOnly.class))
          .as(method.toString()).isTrue();
      for (String pattern : info.getPatternValues()) {
        info.getMethodsCondition().getMethods().forEach(m -> handlers.add(m.name() + " " + pattern));
      }
    });
    assertThat(inTable).as("rows of ENDPOINTS").isEqualTo(handlers);
  }
}
