package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.PrivacyTestSupport;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.PrivacyRight;
import org.remoteservices.shared.mail.MailDeliveryHealthIndicator;
import org.remoteservices.testsupport.Http;
import org.remoteservices.testsupport.StartupReadinessRecorder;
import org.remoteservices.testsupport.TestMailServer;
import org.remoteservices.testsupport.TestUsers;
import org.remoteservices.testsupport.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13: the actuator for operations. Health with liveness and readiness open (UP/DOWN only), readiness DOWN until
 * the start-up work is done; Prometheus metrics with the operators' gauges, behind an operator's login; nothing else public.
 */
class ActuatorTest extends PrivacyTestSupport {
  @LocalServerPort int port;
  @Autowired TestUsers users;
  @Autowired StartupReadinessRecorder startup;
  @Autowired HttpCodeStatusMapper statusCodes;

  Http http() {
    return new Http(port);
  }

  @Test
  void healthProbesAreOpenAndReadinessWaitsForTheStartUpWork() {
    for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
      Http.Response response = http().get(path).send();
      assertThat(response.status()).as(path).isEqualTo(200);
      assertThat(response.json().get("status").asText()).as(path).isEqualTo("UP");
      assertThat(response.json().has("components")).as(path + " shows no details").isFalse();
    }
    // in the middle of the start-up work (the port already open) the application refused traffic
    assertThat(startup.stateDuringStartup).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
    assertThat(startup.readinessStatusDuringStartup).isEqualTo(503);
  }

  @Test
  void anSmtpOutageDoesNotTurnTheHealthDown_aDownHealthAnswers503() {
    // the SMTP server's state is mailDelivery's (DEGRADED once mails keep failing, still 200): an outage of it must not
    // read DOWN, or a load balancer that checks the health takes every node out at once
    TestMailServer.stop();
    try {
      Http.Response response = http().get("/actuator/health").send();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().get("status").asText()).isIn("UP", MailDeliveryHealthIndicator.DEGRADED);
    } finally {
      TestMailServer.restart();
    }
    // what /actuator/health answers for each status (application.yml): DOWN and OUT_OF_SERVICE stay 503
    assertThat(statusCodes.getStatusCode(Status.DOWN)).isEqualTo(503);
    assertThat(statusCodes.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
    assertThat(statusCodes.getStatusCode(new Status(MailDeliveryHealthIndicator.DEGRADED))).isEqualTo(200);
    assertThat(statusCodes.getStatusCode(Status.UP)).isEqualTo(200);
  }

  @Test
  void prometheusAndInfoNeedAnOperatorsLogin() {
    for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator")) {
      assertThat(http().get(path).send().status()).as("anonymous " + path).isEqualTo(401);
      assertThat(http().get(path).as(users.login(Role.WRONG_PASSWORD)).send().status()).as("wrong password " + path).isEqualTo(401);
      for (Role role : List.of(Role.TECHNICIAN, Role.PRIVACY_OFFICER, Role.PROCESS_ADMIN)) {
        assertThat(http().get(path).as(users.login(role)).send().status()).as(role + " " + path).isEqualTo(403);
      }
      assertThat(http().get(path).as(users.login(Role.OPERATOR)).send().status()).as("operator " + path).isEqualTo(200);
      assertThat(http().get(path).as(users.login(Role.ADMIN)).send().status()).as("admin " + path).isEqualTo(200);
    }
    // what the application does not expose stays unknown, also to operators
    assertThat(http().get("/actuator/env").as(users.login(Role.OPERATOR)).send().status()).isEqualTo(404);
  }

  @Test
  void prometheusShowsOpenPrivacyRequestsByDaysLeftAndOpenIncidents() {
    TestUsers.Login operator = users.login(Role.OPERATOR);
    String before = scrape(operator);
    double pastDue = gauge(before, "rso_privacy_requests_open", "past_due");
    assertThat(before).contains("rso_privacy_requests_open{days_left=\"0-5\"}").contains("rso_privacy_requests_open{days_left=\"31+\"}")
        .contains("rso_incidents_open ");

    Subject s = subject("Metric Person");
    String id = request(List.of(PrivacyRight.ACCESS), s.name(), s.email(), s.phone(), null, Jurisdiction.EU);
    jdbc.sql("update privacy_request set due_at = ? where id = ?")
        .params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))), id).update();
    String after = scrape(operator);
    assertThat(gauge(after, "rso_privacy_requests_open", "past_due")).isEqualTo(pastDue + 1);
    assertThat(after).doesNotContain(s.email()).doesNotContain("Metric Person");
    long incidents = runtime.createIncidentQuery().count();
    assertThat(gaugeWithoutTags(after, "rso_incidents_open")).isEqualTo((double) incidents);
  }

  private String scrape(TestUsers.Login operator) {
    Http.Response response = http().get("/actuator/prometheus").as(operator).send();
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  private static double gauge(String scrape, String name, String bucket) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{days_left=\"" + Pattern.quote(bucket) + "\"[^}]*} ([0-9.eE+-]+)$").matcher(scrape);
    assertThat(m.find()).as(name + " " + bucket + " in\n" + scrape).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static double gaugeWithoutTags(String scrape, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(scrape);
    assertThat(m.find()).as(name + " in\n" + scrape).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
