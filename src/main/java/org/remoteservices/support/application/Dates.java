package org.remoteservices.support.application;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.remoteservices.shared.time.TimeSource;

/** How dates read in mails. */
final class Dates {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'").withZone(TimeSource.ZONE);

  private Dates() {}

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
