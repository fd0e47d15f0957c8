package org.remoteservices.shared.lookup;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The normalised forms under which people are looked up: a privacy request must find every support request and every
 * mail of its subject among all of them, by an index lookup (docs/privacy.md, docs/performance.md "Scale"). The keys
 * are stored beside the data they are computed from (support_request.requester_email_key, requester_phone_key;
 * mail_recipient.email_key) and go with it when it is erased.
 */
public final class LookupKeys {
  private LookupKeys() {}

  /** An e-mail address without surrounding space, in lower case ("Ann@Example.org " and "ann@example.org" are one person). */
  public static String email(String address) {
    if (address == null || address.isBlank()) {
      return null;
    }
    return address.strip().toLowerCase(Locale.ROOT);
  }

  /** A phone number's digits only ("+1 (555) 010-0100" and "1 555 0100100" are one number); null when it has none. */
  public static String phone(String number) {
    if (number == null) {
      return null;
    }
    String digits = number.replaceAll("\\D", "");
    return digits.isEmpty() ? null : digits;
  }

  /**
   * Whether two names (or addresses) are the same person's (place's): compared without case, punctuation or repeated
   * spaces; an empty one matches nothing. Every subject-data provider matches names by this one rule.
   */
  public static boolean sameName(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    String x = simplify(a);
    return !x.isEmpty() && x.equals(simplify(b));
  }

  private static String simplify(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** The distinct e-mail keys of a mail's recipients, in order. */
  public static Set<String> emails(Collection<String> addresses) {
    Set<String> keys = new LinkedHashSet<>();
    for (String address : addresses) {
      String key = email(address);
      if (key != null) {
        keys.add(key);
      }
    }
    return keys;
  }
}
