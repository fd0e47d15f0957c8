package org.remoteservices.shared.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Readiness ({@code /actuator/health/readiness}) says DOWN until the start-up work is done: the port opens before the
 * {@link ApplicationReadyEvent} listeners (groups and authorizations, demo data, the record-retention bootstrap,
 * Tasklist filters) have run. The first listener refuses traffic, the last one accepts it; a listener that throws
 * leaves the application refusing traffic (and Spring Boot stops it).
 */
@Component
public class StartupReadiness {
  private static final Logger LOG = LoggerFactory.getLogger(StartupReadiness.class);

  private final ApplicationEventPublisher events;

  public StartupReadiness(ApplicationEventPublisher events) {
    this.events = events;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public void startupWorkBegins() {
    AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void startupWorkDone() {
    AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
    LOG.info("start-up work done: ready for traffic");
  }
}
