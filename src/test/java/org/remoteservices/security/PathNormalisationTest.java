package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.RawHttp;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A path that is not in canonical form never reaches a handler: {@code ;} (path parameters), {@code %2e} and dot
 * segments, {@code %2f}, percent-encoded letters ({@code /%61pi/}), {@code //}. Each is answered 400 with a JSON
 * error before any rule or handler runs, on staff handlers and public ones, the engine REST API and the pages; so a
 * cross-site POST cannot reach a staff handler by a spelling that the CSRF rule reads differently from the router.
 * The requests go over a plain socket, exactly as written.
 */
class PathNormalisationTest extends IntegrationTest {
  static final String TOKEN = "D".repeat(43);
  static final String JOB = """
      {"jobNumber":"J-PATH-1","jobName":"Path Site","locationAddress":"1 Path Road",
       "siteContact":{"name":"Site Person","email":"site@example.com","phone":"+1 555 0101"},
       "schedulingContact":{"name":"Plan Person","email":"plan@example.com"},"systemObsolescenceDate":"2031-01-01"}""";

  @LocalServerPort int port;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;

  /** Spellings of {@code canonical} (which starts with "/") that are not in canonical form. */
  static List<String> variants(String canonical) {
    String[] segments = canonical.substring(1).split("/", 2);
    String first = segments[0];
    String rest = segments.length > 1 ? "/" + segments[1] : "";
    String tail = rest.isEmpty() ? "x" : rest.substring(1);
    String hex = String.format("%%%02x", (int) first.charAt(0));
    return List.of(
        "/" + first + ";x" + rest, // path parameters
        "/" + first + ";jsessionid=1" + rest,
        canonical + ";x",
        "/" + hex + first.substring(1) + rest, // /%61pi/...: an encoded letter
        "/" + hex.toUpperCase() + first.substring(1) + rest,
        "/" + first + "/%2e" + rest, // encoded dot segments
        "/" + first + "/%2E%2E/" + first + rest,
        "/" + first + "/./" + tail, // plain dot segments
        "/" + first + "/x/.." + rest,
        "/" + first + "/..;/" + first + rest,
        "/" + first + "%2f" + tail, // an encoded slash
        "/" + first + "%2F" + tail,
        "/" + canonical, // double slashes
        "/" + first + "//" + tail);
  }

  @Test
  void staffHandlersPublicOnesTheEngineApiAndPagesRefuseEveryNonCanonicalSpelling() {
    TestUsers.Login admin = users.login(Role.ADMIN);
    String credentials = RawHttp.basic(admin.user(), admin.password());
    RawHttp http = RawHttp.to(port);
    // the canonical paths work, so the refusals below are about the spelling
    assertThat(http.get("/api/jobs", "Authorization", credentials).status()).isEqualTo(200);
    assertThat(http.get("/api/rssv/" + TOKEN).status()).isEqualTo(404);
    assertThat(http.get("/engine-rest/task", "Authorization", credentials).status()).isEqualTo(200);
    assertThat(http.get("/portal/support").status()).isEqualTo(200);

    List<String> problems = new ArrayList<>();
    for (String canonical : List.of("/api/jobs", "/api/support-requests", "/api/rssv/" + TOKEN, "/api/unsubscribe/" + TOKEN,
        "/engine-rest/task", "/portal/support", "/portal/rssv/" + TOKEN, "/mail-catcher")) {
      for (String path : variants(canonical)) {
        RawHttp.Response response = http.get(path, "Authorization", credentials);
        if (response.status() != 400) {
          problems.add("GET " + path + " -> " + response);
        } else if (!response.json().path("status").asText().equals("400")) {
          problems.add("GET " + path + ": not a JSON error: " + response);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /** The attack that was found: a foreign page's form POST to a staff handler under another spelling of its path. */
  @Test
  void aCrossSitePostNeverReachesAStaffHandler() {
    TestUsers.Login admin = users.login(Role.ADMIN);
    long before = jdbc.sql("select count(*) from job").query(Long.class).single();
    RawHttp http = RawHttp.to(port);
    List<String> problems = new ArrayList<>();
    for (String path : variants("/api/jobs")) {
      // what a browser sends for <form method=post enctype=text/plain> on a foreign page, with the Basic credentials it
      // remembered from the mail catcher; also as JSON, which a form cannot send but a stale rule might wave through
      for (Map<String, String> headers : List.of(
          RawHttp.headers("Origin", "https://evil.example", "Content-Type", "text/plain", "Authorization", RawHttp.basic(admin.user(), admin.password())),
          RawHttp.headers("Content-Type", "text/plain", "Authorization", RawHttp.basic(admin.user(), admin.password())),
          RawHttp.headers("Content-Type", "application/json", "Authorization", RawHttp.basic(admin.user(), admin.password())))) {
        RawHttp.Response response = http.request("POST " + path, headers, JOB.getBytes(StandardCharsets.UTF_8));
        if (response.status() != 400) {
          problems.add("POST " + path + " " + headers.get("Content-Type") + " -> " + response);
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(jdbc.sql("select count(*) from job").query(Long.class).single()).isEqualTo(before);
    // the canonical path, cross-site: refused by the CSRF rule
    assertThat(http.request("POST /api/jobs", RawHttp.headers("Origin", "https://evil.example", "Content-Type", "text/plain",
        "Authorization", RawHttp.basic(admin.user(), admin.password())), JOB.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from job").query(Long.class).single()).isEqualTo(before);
  }
}
