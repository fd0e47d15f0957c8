package org.remoteservices.privacy.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
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
 *   <li>Unknown law (no jurisdiction given, none known from the job): the earliest of all of them.
 *   <li>A request only for opt-out of sale/sharing or limiting sensitive data: 15 business days everywhere (or the
 *       regular clock if earlier).
 * </ul>
 * Business days are Monday to Friday except the configured public holidays.
 */
public final class Deadlines {
  private final int defaultDays;
  private final ZoneId zone;
  private final Set<LocalDate> holidays;

  public Deadlines(int defaultDays, ZoneId zone) {
    this(defaultDays, zone, List.of());
  }

  public Deadlines(int defaultDays, ZoneId zone, Collection<LocalDate> holidays) {
    this.defaultDays = defaultDays;
    this.zone = zone;
    this.holidays = Set.copyOf(holidays);
  }

  /** Only opt-out of sale and limiting sensitive data: their own 15-business-day clock (CCPA §7026, §7027). */
  public static boolean optOutOnly(List<PrivacyRight> rights) {
    return !rights.isEmpty() && rights.stream().allMatch(PrivacyRight::isOptOutPart);
  }

  /** The day by which the request must be answered. */
  public LocalDate answerDue(Regime regime, LocalDate received, List<PrivacyRight> rights) {
    LocalDate regular = switch (regime) {
      case GDPR, STRICTEST -> received.plusMonths(1);
      case CCPA -> received.plusDays(45);
      case DEFAULT -> received.plusDays(defaultDays);
    };
    // opt-out of sale/sharing and limiting sensitive data: 15 business days (CCPA), nowhere later than the regular clock
    return optOutOnly(rights) ? min(regular, businessDaysAfter(received, 15)) : regular;
  }

  /** The day by which an extended request must be answered. */
  public LocalDate extendedDue(Regime regime, LocalDate received, LocalDate originalDue) {
    return switch (regime) {
      case GDPR -> received.plusMonths(3);
      case CCPA -> originalDue.plusDays(45);
      case DEFAULT -> originalDue.plusDays(defaultDays);
      case STRICTEST -> min(min(received.plusMonths(3), originalDue.plusDays(45)), originalDue.plusDays(defaultDays));
    };
  }

  /** The day by which receipt must be acknowledged: CCPA (and unknown law) only, 10 business days; null elsewhere. */
  public LocalDate acknowledgementDue(Regime regime, LocalDate received) {
    return regime == Regime.CCPA || regime == Regime.STRICTEST ? businessDaysAfter(received, 10) : null;
  }

  /** Counts business days (Monday to Friday, not a configured public holiday) after the given day; the day itself does not count. */
  public LocalDate businessDaysAfter(LocalDate from, int days) {
    LocalDate date = from;
    int left = days;
    while (left > 0) {
      date = date.plusDays(1);
      if (isBusinessDay(date)) {
        left--;
      }
    }
    return date;
  }

  public boolean isBusinessDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(date);
  }

  /** Counts Monday to Friday only, without holidays. */
  public static LocalDate plusBusinessDays(LocalDate from, int days) {
    return new Deadlines(0, ZoneId.of("UTC")).businessDaysAfter(from, days);
  }

  /** The instant a deadline day is over: the start of the following day. */
  public Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** The instant a day begins (a request entered by staff counts from the day it was received). */
  public Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  public LocalDate dayOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
