package org.remoteservices.shared.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one clock of the application. It reads the engine's clock, so that a test that moves the engine
 * clock (timers, deadlines, expiries) moves the domain's idea of "now" with it.
 */
@Component
public class TimeSource {
  public static final ZoneId ZONE = ZoneOffset.UTC;

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), ZONE);
  }
}
