package org.remoteservices.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remoteservices.privacy.application.PrivacyClocks;
import org.remoteservices.privacy.domain.Deadlines;
import org.remoteservices.privacy.domain.Jurisdiction;
import org.remoteservices.privacy.domain.Jurisdiction.Regime;
import org.remoteservices.privacy.domain.JurisdictionFromAddress;
import org.remoteservices.privacy.domain.PrivacyRight;

/** The clocks of issue 11: public holidays, the strictest clock for an unknown law, the opt-out clock, the job's country. */
class PrivacyClocksTest {
  private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25); // a Friday
  private static final LocalDate BOXING_DAY_OBSERVED = LocalDate.of(2026, 12, 28); // a Monday
  private final Deadlines withHolidays = new Deadlines(45, ZoneOffset.UTC, List.of(CHRISTMAS, BOXING_DAY_OBSERVED));

  @Test
  void businessDaysSkipTheConfiguredPublicHolidays() {
    LocalDate thursday = LocalDate.of(2026, 12, 24);
    assertThat(withHolidays.businessDaysAfter(thursday, 1)).isEqualTo(LocalDate.of(2026, 12, 29)); // Fri and Mon are holidays
    assertThat(Deadlines.plusBusinessDays(thursday, 1)).isEqualTo(CHRISTMAS); // without a calendar
    // the CCPA acknowledgement (10 business days) and the opt-out clock (15) move with them
    LocalDate received = LocalDate.of(2026, 12, 17);
    assertThat(withHolidays.acknowledgementDue(Regime.CCPA, received)).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(new Deadlines(45, ZoneOffset.UTC).acknowledgementDue(Regime.CCPA, received)).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(withHolidays.answerDue(Regime.CCPA, received, List.of(PrivacyRight.OPT_OUT_OF_SALE)))
        .isEqualTo(new Deadlines(45, ZoneOffset.UTC).businessDaysAfter(received, 17));
  }

  @Test
  void anUnknownLawGetsTheStrictestClock() {
    LocalDate received = LocalDate.of(2027, 1, 31);
    assertThat(withHolidays.answerDue(Regime.STRICTEST, received, List.of(PrivacyRight.ACCESS))).isEqualTo(LocalDate.of(2027, 2, 28));
    assertThat(withHolidays.answerDue(Regime.DEFAULT, received, List.of(PrivacyRight.ACCESS))).isEqualTo(received.plusDays(45));
    assertThat(withHolidays.acknowledgementDue(Regime.STRICTEST, received)).isEqualTo(withHolidays.businessDaysAfter(received, 10));
    assertThat(withHolidays.acknowledgementDue(Regime.GDPR, received)).isNull();
    // the shortest extension of all regimes: 45 days after the original deadline, before GDPR's three months
    assertThat(withHolidays.extendedDue(Regime.STRICTEST, received, LocalDate.of(2027, 2, 28))).isEqualTo(LocalDate.of(2027, 4, 14));
    assertThat(Jurisdiction.UNKNOWN.regime()).isEqualTo(Regime.STRICTEST);
  }

  @Test
  void optOutOnlyRequestsAreDueInFifteenBusinessDaysUnderEveryLaw() {
    LocalDate received = LocalDate.of(2026, 11, 2);
    LocalDate fifteen = withHolidays.businessDaysAfter(received, 15);
    for (Regime regime : Regime.values()) {
      assertThat(withHolidays.answerDue(regime, received, List.of(PrivacyRight.OPT_OUT_OF_SALE, PrivacyRight.LIMIT_SENSITIVE)))
          .as(regime.name()).isEqualTo(fifteen);
    }
    assertThat(new Deadlines(10, ZoneOffset.UTC).answerDue(Regime.DEFAULT, received, List.of(PrivacyRight.LIMIT_SENSITIVE)))
        .isEqualTo(received.plusDays(10)); // never later than the regular clock
  }

  @Test
  void theJobsAddressNamesTheJurisdiction() {
    assertThat(JurisdictionFromAddress.of("1 Harbor Way, San Jose, CA 95113")).contains(Jurisdiction.US_CA);
    assertThat(JurisdictionFromAddress.of("Market St 5, San Francisco, California, USA")).contains(Jurisdiction.US_CA);
    assertThat(JurisdictionFromAddress.of("Hafenstraße 3, 20457 Hamburg, Germany")).contains(Jurisdiction.EU);
    assertThat(JurisdictionFromAddress.of("Storgata 1, 0155 Oslo, Norway")).contains(Jurisdiction.EEA);
    assertThat(JurisdictionFromAddress.of("12 Baker Street, London NW1 6XE, United Kingdom")).contains(Jurisdiction.UK);
    assertThat(JurisdictionFromAddress.of("Plot 4, MIDC, Pune 411019, India")).contains(Jurisdiction.OTHER);
    assertThat(JurisdictionFromAddress.of("100 Main St, Austin, TX 78701")).contains(Jurisdiction.OTHER);
    assertThat(JurisdictionFromAddress.of("7 Lantern Row, Brightwater")).isEmpty();
    assertThat(JurisdictionFromAddress.of("France Road 3, Springfield")).isEmpty(); // a street name is no country
    assertThat(JurisdictionFromAddress.of(null)).isEmpty();
  }

  @Test
  void holidaysComeFromThePropertyAndFromAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("holidays.txt");
    Files.writeString(file, "# public holidays\n2026-12-25  # Christmas\n\n2027-01-01\n");
    assertThat(new PrivacyClocks(List.of(LocalDate.of(2026, 12, 28)), file.toString(), null).allHolidays())
        .containsExactly(LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1));
    Files.writeString(file, "2026-12-25\nChristmas\n");
    assertThatThrownBy(() -> new PrivacyClocks(null, file.toString(), null).allHolidays()).hasMessageContaining("line 2");
  }
}
