package org.remoteservices.shared.mail;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code mailDelivery} in {@code /actuator/health}: DOWN while any mail has failed to leave
 * {@code rso.mail.delivery.alert-after-attempts} times or more (the SMTP server is down or refuses it), with the
 * counts. Not part of the liveness or readiness probes: a mail server outage must not restart or unplug the node,
 * whose sweeper delivers the backlog once the server is back.
 */
@Component("mailDeliveryHealthIndicator")
public class MailDeliveryHealthIndicator implements HealthIndicator {
  private final MailOutbox outbox;

  public MailDeliveryHealthIndicator(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public Health health() {
    MailOutbox.Backlog backlog = outbox.backlog();
    Health.Builder health = backlog.failing() > 0 ? Health.down() : Health.up();
    return health
        .withDetail("undelivered", backlog.pending())
        .withDetail("failing", backlog.failing())
        .withDetail("alertAfterAttempts", backlog.alertAfterAttempts())
        .build();
  }
}
