package org.remoteservices.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.remoteservices.privacy.domain.Deadlines;
import org.remoteservices.privacy.domain.Jurisdiction.Regime;
import org.remoteservices.privacy.domain.PrivacyRight;

/** Deadline arithmetic on the calendar's edge cases. */
class DeadlinesTest {
  private final Deadlines deadlines = new Deadlines(45, ZoneOffset.UTC);
  private static final List<PrivacyRight> ACCESS = List.of(PrivacyRight.ACCESS);

  @Test
  void gdprOneMonthIsTheSameDateNextMonth() {
    assertThat(deadlines.answerDue(Regime.GDPR, LocalDate.of(2026, 3, 15), ACCESS)).isEqualTo(LocalDate.of(2026, 4, 15));
    assertThat(deadlines.answerDue(Regime.GDPR, LocalDate.of(2026, 12, 20), ACCESS)).isEqualTo(LocalDate.of(2027, 1, 20));
  }

  @Test
  void gdprThirtyFirstOfJanuaryEndsOnTheLastDayOfFebruary() {
    assertThat(deadlines.answerDue(Regime.GDPR, LocalDate.of(2026, 1, 31), ACCESS)).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(deadlines.answerDue(Regime.GDPR, LocalDate.of(2028, 1, 31), ACCESS)).isEqualTo(LocalDate.of(2028, 2, 29)); // leap year
    assertThat(deadlines.answerDue(Regime.GDPR, LocalDate.of(2026, 3, 31), ACCESS)).isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(deadlines.answerDue(Regime.GDPR, LocalDate.of(2028, 2, 29), ACCESS)).isEqualTo(LocalDate.of(2028, 3, 29));
  }

  @Test
  void gdprExtensionIsTwoFurtherMonthsCountedFromReceipt() {
    LocalDate received = LocalDate.of(2026, 1, 31);
    LocalDate original = deadlines.answerDue(Regime.GDPR, received, ACCESS);
    assertThat(deadlines.extendedDue(Regime.GDPR, received, original)).isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(deadlines.extendedDue(Regime.GDPR, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 30)))
        .isEqualTo(LocalDate.of(2027, 2, 28));
  }

  @Test
  void ccpaFortyFiveCalendarDaysAndTenBusinessDaysToAcknowledge() {
    LocalDate friday = LocalDate.of(2026, 11, 27);
    assertThat(deadlines.answerDue(Regime.CCPA, friday, ACCESS)).isEqualTo(LocalDate.of(2027, 1, 11));
    // 10 business days from a Friday: two weekends skipped
    assertThat(deadlines.acknowledgementDue(Regime.CCPA, friday)).isEqualTo(LocalDate.of(2026, 12, 11));
    assertThat(deadlines.acknowledgementDue(Regime.GDPR, friday)).isNull();
    assertThat(deadlines.extendedDue(Regime.CCPA, friday, LocalDate.of(2027, 1, 11))).isEqualTo(LocalDate.of(2027, 2, 25));
  }

  @Test
  void ccpaOptOutsFifteenBusinessDays() {
    LocalDate saturday = LocalDate.of(2026, 11, 28);
    assertThat(deadlines.answerDue(Regime.CCPA, saturday, List.of(PrivacyRight.OPT_OUT_OF_SALE, PrivacyRight.LIMIT_SENSITIVE)))
        .isEqualTo(LocalDate.of(2026, 12, 18));
    // a request mixing an opt-out with access gets the longer access deadline
    assertThat(deadlines.answerDue(Regime.CCPA, saturday, List.of(PrivacyRight.OPT_OUT_OF_SALE, PrivacyRight.ACCESS)))
        .isEqualTo(LocalDate.of(2027, 1, 12));
  }

  @Test
  void businessDaysOverAWeekend() {
    LocalDate thursday = LocalDate.of(2026, 11, 26);
    assertThat(Deadlines.plusBusinessDays(thursday, 1)).isEqualTo(LocalDate.of(2026, 11, 27)); // Friday
    assertThat(Deadlines.plusBusinessDays(thursday, 2)).isEqualTo(LocalDate.of(2026, 11, 30)); // Monday
    assertThat(Deadlines.plusBusinessDays(LocalDate.of(2026, 11, 28), 1)).isEqualTo(LocalDate.of(2026, 11, 30)); // Sat -> Mon
    assertThat(Deadlines.plusBusinessDays(LocalDate.of(2026, 11, 29), 5)).isEqualTo(LocalDate.of(2026, 12, 4)); // Sun -> Fri
  }

  @Test
  void defaultIsTheConfiguredNumberOfDays() {
    assertThat(deadlines.answerDue(Regime.DEFAULT, LocalDate.of(2026, 12, 31), ACCESS)).isEqualTo(LocalDate.of(2027, 2, 14));
    assertThat(new Deadlines(30, ZoneOffset.UTC).answerDue(Regime.DEFAULT, LocalDate.of(2026, 12, 31), ACCESS))
        .isEqualTo(LocalDate.of(2027, 1, 30));
  }

  @Test
  void aDeadlineDayEndsAtMidnight() {
    assertThat(deadlines.endOf(LocalDate.of(2026, 2, 28))).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
  }
}
