package org.remoteservices.shared.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the staff pages write times: to the minute, with the zone named ("2026-12-01 14:30 UTC"). */
public record StaffFormat(ZoneId zone) {
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  public static StaffFormat utc() {
    return new StaffFormat(ZoneId.of("UTC"));
  }

  public String at(Instant instant) {
    return instant == null ? "" : MINUTES.format(instant.atZone(zone)) + " " + zoneName();
  }

  public String zoneName() {
    return zone.getId();
  }
}
