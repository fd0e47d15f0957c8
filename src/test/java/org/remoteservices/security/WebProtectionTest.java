package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.remoteservices.jobs.adapter.db.JobRepository;
import org.remoteservices.privacy.application.UnsubscribeService;
import org.remoteservices.shared.security.WebSecurityConfiguration;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.Lifecycle;
import org.remoteservices.testsupport.RawHttp;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Headers, CSRF guard, what is not exposed, and no well-known credentials outside the demo profile. */
class WebProtectionTest extends IntegrationTest {
  static final String FORGED = "B".repeat(43);
  static final String REQUEST = "{\"name\":\"Cross Site\",\"phone\":\"+1 555 0100\",\"email\":\"x@example.org\",\"jobNumber\":\"J-NOPE\"}";

  @LocalServerPort int port;
  @Autowired TestUsers users;
  @Autowired IdentityService identity;
  @Autowired JobRepository jobs;
  @Autowired JdbcClient jdbc;
  @Autowired UnsubscribeService unsubscribe;
  @Autowired Lifecycle lifecycle;

  Http http() {
    return new Http(port);
  }

  @Test
  void ourPagesAndApiCarrySecurityHeaders() {
    for (String path : List.of("/portal/support", "/portal/rssv/" + FORGED, "/portal/survey/" + FORGED, "/portal/portal.js",
        "/portal/portal.css", "/api/rssv/" + FORGED, "/api/jobs", "/mail-catcher")) {
      Http.Response response = http().get(path).send();
      assertThat(response.header("Content-Security-Policy")).as(path).isEqualTo(WebSecurityConfiguration.CSP).contains("default-src 'self'");
      assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
      assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
    }
    for (String path : List.of("/portal/rssv/" + FORGED, "/portal/survey/" + FORGED, "/api/rssv/" + FORGED, "/api/surveys/" + FORGED, "/api/jobs")) {
      assertThat(http().get(path).send().header("Cache-Control")).as(path).isEqualTo("no-store");
    }
  }

  @Test
  void camundaWebappsKeepTheirOwnHeadersAndStillLoad() {
    users.login(Role.ADMIN); // with no administrator at all, Camunda sends every visitor to its (closed) setup page
    Http.Response cockpit = http().get("/camunda/app/cockpit/default/").send();
    assertThat(cockpit.status()).as(cockpit + " " + cockpit.header("Location")).isEqualTo(200);
    assertThat(cockpit.body()).containsIgnoringCase("cockpit");
    assertThat(cockpit.header("Content-Security-Policy")).isNotEqualTo(WebSecurityConfiguration.CSP);
    assertThat(http().get("/camunda/app/tasklist/default/").send().status()).isEqualTo(200);
  }

  @Test
  void crossSiteWritesAreRefusedSameSiteOnesPass() {
    long before = jdbc.sql("select count(*) from support_request").query(Long.class).single();
    // a foreign page: refused before anything happens
    assertThat(http().post("/api/support-requests").header("Origin", "https://evil.example").json(REQUEST).send().status()).isEqualTo(403);
    assertThat(http().post("/api/support-requests").header("Origin", "null").json(REQUEST).send().status()).isEqualTo(403);
    // bodies a plain HTML form can send cross-site, without the portal's X-Requested-With header
    Http.Response textPlain = http().post("/api/support-requests").body("text/plain", REQUEST.getBytes(StandardCharsets.UTF_8)).send();
    assertThat(textPlain.status()).isEqualTo(403);
    assertThat(textPlain.json().get("message").asText()).contains("X-Requested-With");
    assertThat(http().post("/api/support-requests").body("application/x-www-form-urlencoded", "name=a".getBytes(StandardCharsets.UTF_8))
        .send().status()).isEqualTo(403);
    assertThat(http().post("/api/rssv/" + FORGED).multipart("file", "a.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
        .without("X-Requested-With").send().status()).isEqualTo(403);
    // the staff upload too, even with the credentials a browser would add on its own
    assertThat(http().post("/api/support-requests/x/session/recording").as(users.login(Role.TECHNICIAN))
        .multipart("file", "a.mp4", "video/mp4", new byte[] {1}).without("X-Requested-With").send().status()).isEqualTo(403);
    // the engine REST API: a foreign origin is refused even with valid credentials
    assertThat(http().post("/engine-rest/user/create").as(users.login(Role.ADMIN)).header("Origin", "https://evil.example")
        .json("{\"profile\":{\"id\":\"csrfvictim\"},\"credentials\":{\"password\":\"Csrf-Victim-2026\"}}").send().status()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("csrfvictim").count()).isZero();
    assertThat(jdbc.sql("select count(*) from support_request").query(Long.class).single()).isEqualTo(before);

    // our own origin (the public base URL, or the address the request was sent to) and the portal's header pass
    assertThat(http().post("/api/support-requests").header("Origin", "http://portal.test").json(REQUEST).send().status()).isEqualTo(422);
    assertThat(http().post("/api/support-requests").header("Origin", "http://localhost:" + port).json(REQUEST).send().status()).isEqualTo(422);
    assertThat(http().post("/api/rssv/" + FORGED).multipart("file", "a.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
        .send().status()).isEqualTo(404);
  }

  /** RFC 8058: the mail provider POSTs List-Unsubscribe=One-Click form-encoded, server to server, with no other header. */
  @Test
  void oneClickUnsubscribeWorksWithoutAnyHeader() {
    String link = unsubscribe.linkFor(lifecycle.submit(lifecycle.newJob(), "Una Clicker", "una.clicker@example.org"));
    String token = link.substring(link.lastIndexOf('/') + 1);
    byte[] oneClick = "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8);
    // from a foreign page it is still refused (the Origin rule applies to every write)
    assertThat(RawHttp.to(port).request("POST /api/unsubscribe/" + token, RawHttp.headers("Content-Type",
        "application/x-www-form-urlencoded", "Origin", "https://evil.example"), oneClick).status()).isEqualTo(403);
    assertThat(unsubscribe.view(token).status()).isEqualTo("SUBSCRIBED");
    RawHttp.Response response = RawHttp.to(port).request("POST /api/unsubscribe/" + token,
        RawHttp.headers("Content-Type", "application/x-www-form-urlencoded"), oneClick);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().get("status").asText()).isEqualTo("UNSUBSCRIBED");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    assertThat(http().get("/portal/unsubscribe/" + token).send().header("Cache-Control")).isEqualTo("no-store");
  }

  /** The portal's uploads pass the CSRF guard only with this header: the script must keep sending it. */
  @Test
  void thePortalScriptSendsTheCsrfHeader() throws IOException {
    String script = Files.readString(Path.of("src/main/resources/static/portal/portal.js"));
    assertThat(script).contains("'X-Requested-With': 'XMLHttpRequest'");
    assertThat(http().get("/portal/portal.js").send().body()).contains("X-Requested-With");
  }

  @Test
  void theEngineRestApiAndTheStaffApiWantCredentials() {
    for (String path : List.of("/engine-rest/process-definition", "/engine-rest/process-instance", "/engine-rest/task",
        "/engine-rest/history/process-instance", "/engine-rest/user", "/engine-rest/deployment")) {
      assertThat(http().get(path).send().status()).as(path).isEqualTo(401);
    }
    assertThat(http().get("/camunda/api/engine/engine/default/process-instance").send().status()).isIn(401, 403);
    assertThat(http().get("/api/jobs").send().status()).isEqualTo(401);
  }

  @Test
  void nothingElseIsExposed() {
    assertThat(http().get("/h2-console").send().status()).isEqualTo(404);
    assertThat(http().get("/h2-console/login.jsp").send().status()).isEqualTo(404);
    assertThat(http().get("/actuator/env").send().status()).isEqualTo(404);
    assertThat(http().get("/actuator/health").send().status()).isEqualTo(200);
  }

  @Test
  void withoutTheDemoProfileThereAreNoDemoUsersOrJobs() {
    for (String user : List.of("olivia", "pam", "tom", "tina", "priya", "admin", "demo")) {
      assertThat(identity.createUserQuery().userId(user).count()).as(user).isZero();
    }
    assertThat(jobs.exists("J-100001")).isFalse();
  }

  /** Passwords come from the environment; only application-demo.yml may hold one. */
  @Test
  void noConfigurationOutsideTheDemoHoldsAPassword() throws IOException {
    Pattern secret = Pattern.compile("(?i)^\\s*[\\w.-]*(password|secret|credentials?)\\s*:\\s*(.*)$", Pattern.MULTILINE);
    try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
      List<Path> configs = files.filter(p -> p.getFileName().toString().matches("application.*\\.(yml|yaml|properties)"))
          .filter(p -> !p.getFileName().toString().startsWith("application-demo.")).toList();
      assertThat(configs).isNotEmpty();
      for (Path config : configs) {
        Matcher m = secret.matcher(Files.readString(config));
        while (m.find()) {
          String value = m.group(2).replaceAll("\\s+#.*$", "").trim();
          assertThat(value).as(config + ": " + m.group()).matches("|\\$\\{[A-Za-z0-9_.]+:?\\}");
        }
      }
    }
  }
}
