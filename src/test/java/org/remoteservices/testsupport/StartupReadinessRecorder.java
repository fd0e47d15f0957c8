package org.remoteservices.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Looks at readiness in the middle of the start-up work (between the demo data and the record-retention bootstrap,
 * while the port is already open): what the application says then, and what {@code /actuator/health/readiness} answers.
 */
@Component
public class StartupReadinessRecorder {
  public volatile ReadinessState stateDuringStartup;
  public volatile int readinessStatusDuringStartup = -1;

  @EventListener(ApplicationReadyEvent.class)
  @Order(15)
  public void record(ApplicationReadyEvent event) {
    stateDuringStartup = event.getApplicationContext().getBean(ApplicationAvailability.class).getReadinessState();
    Environment env = event.getApplicationContext().getEnvironment();
    String port = env.getProperty("local.server.port");
    if (port == null) {
      return;
    }
    try {
      HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
          .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(10))
              .GET().build(), HttpResponse.BodyHandlers.ofString());
      readinessStatusDuringStartup = response.statusCode();
    } catch (Exception e) {
      readinessStatusDuringStartup = -2;
    }
  }
}
