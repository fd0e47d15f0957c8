package org.remoteservices.shared.mail;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code mailDelivery} in {@code /actuator/health}: {@value #DEGRADED} while any mail has failed to leave
 * {@code rso.mail.delivery.alert-after-attempts} times or more (the SMTP server is down or refuses it), with the
 * counts; the whole health then reads {@value #DEGRADED} too, still with HTTP 200 (application.yml,
 * {@code management.endpoint.health.status}): a mail server outage must not make a load balancer or an orchestrator
 * take the node out or restart it, whose sweeper delivers the backlog once the server is back. Not part of the
 * liveness or readiness probes either.
 */
@Component("mailDeliveryHealthIndicator")
public class MailDeliveryHealthIndicator implements HealthIndicator {
  public static final String DEGRADED = "DEGRADED";

  private final MailOutbox outbox;

  public MailDeliveryHealthIndicator(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public Health health() {
    MailOutbox.Backlog backlog = outbox.backlog();
    Health.Builder health = backlog.failing() > 0 ? Health.status(DEGRADED) : Health.up();
    return health
        .withDetail("undelivered", backlog.pending())
        .withDetail("failing", backlog.failing())
        .withDetail("alertAfterAttempts", backlog.alertAfterAttempts())
        .build();
  }
}
