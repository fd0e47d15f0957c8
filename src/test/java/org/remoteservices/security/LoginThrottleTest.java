package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remoteservices.shared.security.Groups;
import org.remoteservices.testsupport.AppProcess;
import org.remoteservices.testsupport.IntegrationTest;
import org.remoteservices.testsupport.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A stranger's wrong passwords cannot lock anyone out: they are throttled per client address and per account before
 * the engine's own lockout (10 counted failures) can trigger; while throttled the answer is 429 with Retry-After and
 * the password is not even checked; the engine counts at most 3; and the real user still logs in. Each stranger is a
 * real client at its own loopback address (127.0.0.x), on HTTP Basic ({@code /api}, {@code /engine-rest}) and the
 * webapps' login form; {@code X-Forwarded-For} changes nothing (the client is the socket's address).
 */
@TestPropertySource(properties = {
    "rso.security.login-throttle.address-limits=5/PT1M,20/PT1H",
    "rso.security.login-throttle.account.counted-failures=3",
    "rso.security.login-throttle.account.free-failures=3",
    "rso.security.login-throttle.account.base-delay=PT1S",
    "rso.security.login-throttle.account.max-delay=PT3S"})
class LoginThrottleTest extends IntegrationTest {
  static final String ADMIN = "admin";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine processEngine;
  final String password = "Throttle-" + UUID.randomUUID();

  @BeforeEach
  void anAdministrator() {
    User user = identity.newUser(ADMIN);
    user.setFirstName("Throttle");
    user.setLastName("Admin");
    user.setEmail("admin@staff.example.com");
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(ADMIN, Groups.ADMINS);
    // the admin's usual place, where they logged in before (waiting out a delay an earlier test may have left)
    for (int i = 0; i < 5; i++) {
      RawHttp.Response usual = api("127.0.0.1", password);
      if (usual.status() == 200) {
        return;
      }
      assertThat(usual.status()).isEqualTo(429);
      AppProcess.sleep(Long.parseLong(usual.header("Retry-After")) * 1000 + 100);
    }
    throw new AssertionError("the admin could not log in at the start");
  }

  @AfterEach
  void noAdministratorLeftBehind() {
    identity.deleteUser(ADMIN); // other tests assert that the test profile has no user "admin"
  }

  int engineCount() {
    return ((UserEntity) identity.createUserQuery().userId(ADMIN).singleResult()).getAttempts();
  }

  RawHttp.Response api(String address, String secret, String... extraHeaders) {
    List<String> headers = new ArrayList<>(List.of("Authorization", RawHttp.basic(ADMIN, secret)));
    headers.addAll(List.of(extraHeaders));
    return RawHttp.from(address, port).get("/api/jobs", headers.toArray(String[]::new));
  }

  @Test
  void theEngineLockoutIsConfiguredAboveTheThrottlesBudget() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getLoginMaxAttempts()).isEqualTo(10);
    assertThat(configuration.getLoginDelayBase()).isZero();
  }

  @Test
  void fiftyWrongPasswordsFromOneAddressAndFromTen_thenAdminLogsIn() throws Exception {
    // one address, 50 wrong passwords, each claiming another X-Forwarded-For
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      RawHttp.Response r = api("127.0.0.2", "wrong-" + i, "X-Forwarded-For", "203.0.113." + i);
      statuses.add(r.status());
      assertThat(r.status()).isIn(401, 429);
      if (r.status() == 429) {
        assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
        assertThat(r.json().get("status").asInt()).isEqualTo(429);
      } else {
        assertThat(r.header("WWW-Authenticate")).startsWith("Basic");
      }
    }
    assertThat(statuses.stream().filter(s -> s == 401).count()).as("checked at all").isBetween(3L, 5L);
    assertThat(engineCount()).as("wrong passwords the engine counted").isLessThanOrEqualTo(3);
    assertThat(api("127.0.0.1", password).status()).as("admin, at once").isEqualTo(200);
    assertThat(engineCount()).isZero();

    // ten addresses, five wrong passwords each, interleaved
    for (int round = 0; round < 5; round++) {
      for (int a = 10; a < 20; a++) {
        assertThat(api("127.0.0." + a, "wrong-" + a + "-" + round).status()).isIn(401, 429);
      }
    }
    assertThat(engineCount()).as("wrong passwords the engine counted").isLessThanOrEqualTo(3);
    assertThat(api("127.0.0.1", password).status()).as("admin at the usual place, at once").isEqualTo(200);

    // again, and the admin comes from an address never used before: a delay, not a lock
    for (int a = 20; a < 30; a++) {
      api("127.0.0." + a, "wrong-" + a);
    }
    RawHttp.Response elsewhere = api("127.0.0.31", password);
    if (elsewhere.status() == 429) {
      long wait = Long.parseLong(elsewhere.header("Retry-After"));
      assertThat(wait).isBetween(1L, 3L);
      Thread.sleep(wait * 1000 + 200);
      elsewhere = api("127.0.0.31", password);
    }
    assertThat(elsewhere.status()).isEqualTo(200);
    assertThat(engineCount()).isZero();
    assertThat(identity.checkPassword(ADMIN, password)).as("never locked").isTrue();
  }

  @Test
  void anAddressThatUsedUpItsFailuresWaits_evenWithTheRightPassword() {
    for (int i = 0; i < 5; i++) { // five accounts, one guess each: no account is delayed, the address is used up
      RawHttp.Response r = RawHttp.from("127.0.0.3", port).get("/api/jobs", "Authorization", RawHttp.basic("guess" + i, "wrong"));
      assertThat(r.status()).isEqualTo(401);
    }
    RawHttp.Response waits = api("127.0.0.3", password);
    assertThat(waits.status()).isEqualTo(429);
    assertThat(Long.parseLong(waits.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(api("127.0.0.3", password, "X-Forwarded-For", "198.51.100.9").status()).as("a forwarded-for header is no way out")
        .isEqualTo(429);
    assertThat(api("127.0.0.4", password).status()).as("another address is not affected").isEqualTo(200);
  }

  @Test
  void theEngineRestApiAndTheWebappLoginFormAreThrottledToo() {
    // the engine REST API, as the stranger's first channel
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rest.add(RawHttp.from("127.0.0.40", port).get("/engine-rest/task", "Authorization", RawHttp.basic(ADMIN, "wrong-" + i)).status());
    }
    assertThat(rest).contains(401, 429).containsOnly(401, 429);
    assertThat(engineCount()).isLessThanOrEqualTo(3);

    // the Cockpit login form from other addresses: the same account budget
    List<Integer> form = new ArrayList<>();
    for (int a = 41; a < 51; a++) {
      for (int i = 0; i < 3; i++) {
        int status = webappLogin("127.0.0." + a, "wrong-" + a + "-" + i);
        form.add(status);
        assertThat(status).isIn(401, 429);
      }
    }
    assertThat(form).contains(429);
    assertThat(engineCount()).as("wrong passwords the engine counted").isLessThanOrEqualTo(3);
    assertThat(webappLogin("127.0.0.1", password)).as("admin logs into Cockpit").isEqualTo(200);
    assertThat(engineCount()).isZero();
  }

  /** As the Cockpit login page does it: its page first for the CSRF cookie, then the form with cookie and header. */
  int webappLogin(String address, String secret) {
    RawHttp client = RawHttp.from(address, port);
    RawHttp.Response page = client.get("/camunda/app/cockpit/default/");
    List<String> cookies = page.headers("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList();
    String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring("XSRF-TOKEN=".length())).findFirst().orElse("");
    byte[] form = ("username=" + ADMIN + "&password=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = RawHttp.headers("Content-Type", "application/x-www-form-urlencoded", "X-XSRF-TOKEN", xsrf,
        "Cookie", String.join("; ", cookies));
    RawHttp.Response response = client.request("POST /camunda/api/admin/auth/user/default/login/cockpit", headers, form);
    if (response.status() == 200) {
      assertThat(response.json().get("userId").asText()).isEqualTo(ADMIN);
    }
    return response.status();
  }
}
