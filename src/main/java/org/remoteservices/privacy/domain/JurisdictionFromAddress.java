package org.remoteservices.privacy.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which law's clock applies, read from an installation's address (a job's location) when the requester did not
 * say where they live. Only a country (or California) named in the address counts; anything else is unknown, and
 * an unknown jurisdiction gets the strictest clock.
 */
public final class JurisdictionFromAddress {
  private record Rule(Pattern pattern, Jurisdiction jurisdiction) {}

  private static final List<String> EU = List.of("austria", "belgium", "bulgaria", "croatia", "cyprus", "czech republic", "czechia",
      "denmark", "estonia", "finland", "france", "germany", "deutschland", "greece", "hungary", "ireland", "italy", "latvia",
      "lithuania", "luxembourg", "malta", "netherlands", "the netherlands", "poland", "portugal", "romania", "slovakia", "slovenia",
      "spain", "sweden", "österreich", "nederland", "italia", "españa", "sverige", "danmark", "polska", "belgië", "belgique");
  private static final List<String> EEA = List.of("norway", "norge", "iceland", "ísland", "liechtenstein");
  private static final List<String> UK = List.of("united kingdom", "uk", "england", "scotland", "wales", "northern ireland", "great britain", "gb");
  private static final List<String> ELSEWHERE = List.of("india", "switzerland", "schweiz", "suisse", "canada", "australia", "japan",
      "china", "brazil", "mexico", "singapore", "south africa", "turkey", "türkiye", "united arab emirates", "uae");

  private static final List<Rule> RULES = List.of(
      new Rule(Pattern.compile("(?i)\\bcalifornia\\b|,\\s*ca\\s+\\d{5}(-\\d{4})?\\b|,\\s*ca\\s*,\\s*(usa|us|united states)\\b"), Jurisdiction.US_CA),
      new Rule(country(UK), Jurisdiction.UK),
      new Rule(country(EEA), Jurisdiction.EEA),
      new Rule(country(EU), Jurisdiction.EU),
      new Rule(country(ELSEWHERE), Jurisdiction.OTHER),
      // elsewhere in the United States: a state code and ZIP, or the country named
      new Rule(Pattern.compile("(?i),\\s*[a-z]{2}\\s+\\d{5}(-\\d{4})?\\b|\\b(usa|united states|u\\.s\\.a\\.)\\s*$"), Jurisdiction.OTHER));

  private JurisdictionFromAddress() {}

  /** The jurisdiction an address names as its last part (its country), if any. */
  public static Optional<Jurisdiction> of(String address) {
    if (address == null || address.isBlank()) {
      return Optional.empty();
    }
    String text = address.strip().toLowerCase(Locale.ROOT);
    for (Rule rule : RULES) {
      if (rule.pattern().matcher(text).find()) {
        return Optional.of(rule.jurisdiction());
      }
    }
    return Optional.empty();
  }

  /** The name as the address's last comma-separated part (or its end), so "Paris Road, Springfield" is not France. */
  private static Pattern country(List<String> names) {
    return Pattern.compile("(?i)(^|[,\\n]|\\s)\\s*(" + String.join("|", names.stream().map(Pattern::quote).toList()) + ")\\s*\\.?\\s*$");
  }
}
