package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.RawHttp;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a proxy that terminates TLS (server.forward-headers-strategy=native; the proxy, here 127.0.0.1, sends
 * X-Forwarded-Proto): responses that came over TLS carry HSTS, plain HTTP ones do not (a browser ignores HSTS
 * over HTTP, and a local demo must stay reachable), and the session and CSRF cookies of the webapps are Secure.
 */
@TestPropertySource(properties = {"server.forward-headers-strategy=native", "rso.security.secure-cookies=true"})
class BehindTlsTest extends IntegrationTest {
  @LocalServerPort int port;

  @Test
  void hstsOnlyOverTls() {
    RawHttp http = RawHttp.to(port);
    for (String path : List.of("/portal/support", "/api/rssv/" + "F".repeat(43), "/api/jobs")) {
      assertThat(http.get(path, "X-Forwarded-Proto", "https").header("Strict-Transport-Security")).as(path)
          .isEqualTo("max-age=31536000 ; includeSubDomains");
      assertThat(http.get(path).header("Strict-Transport-Security")).as(path).isNull();
    }
  }

  @Test
  void theWebappsCookiesAreSecure() {
    RawHttp.Response cockpit = RawHttp.to(port).get("/camunda/app/cockpit/default/", "X-Forwarded-Proto", "https");
    List<String> cookies = cockpit.headers("Set-Cookie");
    assertThat(cookies).anyMatch(c -> c.startsWith("JSESSIONID=")).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
    assertThat(cookies).allMatch(c -> c.contains("Secure"), "Secure").allMatch(c -> c.contains("HttpOnly") || c.startsWith("XSRF-TOKEN="));
  }
}
