package org.remoteservices.privacy.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.remoteservices.privacy.domain.Jurisdiction.Regime;

/**
 * The statutory deadlines of a privacy request, as calendar dates; a deadline ends with its day (the due
 * instant is the start of the next day in the zone). Pure arithmetic, tested on calendar edge cases.
 *
 * <ul>
 *   <li>GDPR Art. 12(3): one month, counted from the day after receipt (Regulation 1182/71): the same date next
 *       month; a month without that date ends on its last day (31 January -> 28/29 February). Extension: two
 *       further months, i.e. the same date three months after receipt.
 *   <li>CCPA (11 CCR §7021): acknowledge within 10 business days; answer within 45 calendar days; one
 *       extension of 45 days. Opt-out of sale and limiting sensitive data (§7026, §7027): 15 business days.
 *   <li>Elsewhere: a configured number of days, extendable once by the same number.
 * </ul>
 * Business days are Monday to Friday; public holidays are not subtracted (the deadline only gets earlier).
 */
public final class Deadlines {
  private final int defaultDays;
  private final ZoneId zone;

  public Deadlines(int defaultDays, ZoneId zone) {
    this.defaultDays = defaultDays;
    this.zone = zone;
  }

  /** The day by which the request must be answered. */
  public LocalDate answerDue(Regime regime, LocalDate received, List<PrivacyRight> rights) {
    return switch (regime) {
      case GDPR -> received.plusMonths(1);
      case CCPA -> rights.stream().allMatch(r -> r == PrivacyRight.OPT_OUT_OF_SALE || r == PrivacyRight.LIMIT_SENSITIVE)
          ? plusBusinessDays(received, 15)
          : received.plusDays(45);
      case DEFAULT -> received.plusDays(defaultDays);
    };
  }

  /** The day by which an extended request must be answered. */
  public LocalDate extendedDue(Regime regime, LocalDate received, LocalDate originalDue) {
    return switch (regime) {
      case GDPR -> received.plusMonths(3);
      case CCPA -> originalDue.plusDays(45);
      case DEFAULT -> originalDue.plusDays(defaultDays);
    };
  }

  /** The day by which receipt must be acknowledged: CCPA only (10 business days); null elsewhere. */
  public LocalDate acknowledgementDue(Regime regime, LocalDate received) {
    return regime == Regime.CCPA ? plusBusinessDays(received, 10) : null;
  }

  /** Counts business days (Monday to Friday) after the given day; the day itself does not count. */
  public static LocalDate plusBusinessDays(LocalDate from, int days) {
    LocalDate date = from;
    int left = days;
    while (left > 0) {
      date = date.plusDays(1);
      if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return date;
  }

  /** The instant a deadline day is over: the start of the following day. */
  public Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public LocalDate dayOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }
}
