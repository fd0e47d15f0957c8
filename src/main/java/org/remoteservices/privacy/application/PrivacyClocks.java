package org.remoteservices.privacy.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configurable calendar of the privacy clocks ({@code rso.privacy.clocks.*}).
 *
 * @param holidays public holidays that are not business days (ISO dates)
 * @param holidaysFile a file with more of them, one ISO date per line ({@code #} starts a comment); empty: none
 * @param restrictionLiftNotice how long after the person is told a restriction is lifted (default 14 days)
 */
@ConfigurationProperties(prefix = "rso.privacy.clocks")
public record PrivacyClocks(List<LocalDate> holidays, String holidaysFile, java.time.Duration restrictionLiftNotice) {

  public PrivacyClocks {
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    restrictionLiftNotice = restrictionLiftNotice == null ? java.time.Duration.ofDays(14) : restrictionLiftNotice;
    if (restrictionLiftNotice.isNegative()) {
      throw new IllegalArgumentException("rso.privacy.clocks.restriction-lift-notice must not be negative");
    }
  }

  /** The configured holidays and the file's, together; a bad line in the file stops the start with its line number. */
  public List<LocalDate> allHolidays() {
    List<LocalDate> all = new ArrayList<>(holidays);
    if (holidaysFile != null && !holidaysFile.isBlank()) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of(holidaysFile.strip()));
      } catch (IOException e) {
        throw new UncheckedIOException("rso.privacy.clocks.holidays-file " + holidaysFile + " cannot be read", e);
      }
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).replaceAll("#.*", "").strip();
        if (line.isEmpty()) {
          continue;
        }
        try {
          all.add(LocalDate.parse(line));
        } catch (DateTimeParseException e) {
          throw new IllegalStateException("rso.privacy.clocks.holidays-file " + holidaysFile + " line " + (i + 1) + " is not a date (YYYY-MM-DD): " + line, e);
        }
      }
    }
    return all;
  }
}
