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

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm");
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(TimeSource.ZONE);

  /** In the site's zone with UTC beside it: "1 December 2026, 15:30 Europe/Berlin (14:30 UTC)"; in UTC as {@link #format}. */
  static String format(Instant instant, java.time.ZoneId zone) {
    if (zone == null || zone.normalized().equals(java.time.ZoneOffset.UTC)) {
      return format(instant);
    }
    return LOCAL.format(instant.atZone(zone)) + " " + zone.getId() + " (" + UTC_TIME.format(instant) + ")";
  }
}
