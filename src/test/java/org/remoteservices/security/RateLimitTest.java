package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Public POSTs are limited per client; reads and staff calls are not; over the limit is a JSON 429 with Retry-After. */
@TestPropertySource(properties = {
    "rso.rate-limit.public-posts.capacity=3",
    "rso.rate-limit.public-posts.period=PT1H"})
class RateLimitTest extends IntegrationTest {
  static final String FORGED = "C".repeat(43);
  static final String REQUEST = "{\"name\":\"Rate Limit\",\"phone\":\"+1 555 0100\",\"email\":\"r@example.org\",\"jobNumber\":\"J-NOPE\"}";

  @LocalServerPort int port;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;

  @Test
  void theFourthPublicPostWithinTheHourIsRefused() {
    Http http = new Http(port);
    for (int i = 0; i < 3; i++) {
      assertThat(http.post("/api/support-requests").json(REQUEST).send().status()).isEqualTo(422);
    }
    long before = jdbc.sql("select count(*) from support_request").query(Long.class).single();
    Http.Response limited = http.post("/api/support-requests")
        .json("{\"name\":\"Rate Limit\",\"phone\":\"+1 555 0100\",\"email\":\"r@example.org\",\"jobNumber\":\"J-ANY\"}").send();
    assertThat(limited.status()).isEqualTo(429);
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
    assertThat(limited.json().get("status").asInt()).isEqualTo(429);
    assertThat(limited.json().get("message").asText()).contains("too many requests");
    // one bucket for every public POST of the client
    assertThat(http.post("/api/surveys/" + FORGED).json("{\"rating\":5}").send().status()).isEqualTo(429);
    assertThat(http.post("/api/rssv/" + FORGED + "/signature").json("{\"fullName\":\"A B\",\"consent\":true}").send().status()).isEqualTo(429);
    assertThat(jdbc.sql("select count(*) from support_request").query(Long.class).single()).isEqualTo(before);

    // reading a link and the staff API are not limited
    assertThat(http.get("/api/surveys/" + FORGED).send().status()).isEqualTo(404);
    assertThat(http.get("/api/jobs").as(users.login(Role.OPERATOR)).send().status()).isEqualTo(200);
  }
}
