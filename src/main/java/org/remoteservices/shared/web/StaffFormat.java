package org.remoteservices.shared.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the staff pages write times: to the minute, with the zone named ("2026-12-01 14:30 UTC"); in a site's zone with
 * UTC beside it ("2026-12-01 15:30 Europe/Berlin (14:30 UTC)").
 */
public record StaffFormat(ZoneId zone) {
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  public static StaffFormat utc() {
    return new StaffFormat(ZoneId.of("UTC"));
  }

  public String at(Instant instant) {
    if (instant == null) {
      return "";
    }
    String local = MINUTES.format(instant.atZone(zone)) + " " + zoneName();
    return zone.normalized().equals(java.time.ZoneOffset.UTC) ? local
        : local + " (" + DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(java.time.ZoneOffset.UTC)) + " UTC)";
  }

  public String zoneName() {
    return zone.getId();
  }
}
