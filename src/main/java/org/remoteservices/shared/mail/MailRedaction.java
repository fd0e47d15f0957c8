package org.remoteservices.shared.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a mail on record keeps of its secrets once it is delivered: nothing usable. A mailed link's token and a
 * mailed download code are replaced, so neither a database copy nor an operator reading the record can open
 * someone's link (docs/security.md "Mails on record"). Until delivery the stored mail keeps them: a retry must
 * send the very mail that was composed.
 */
public final class MailRedaction {
  /** Written before a one-time code in a mail: the code after it is removed on record. */
  public static final String CODE_PREFIX = "Your code: ";
  public static final String REMOVED = "[removed after delivery]";

  private static final Pattern LINK_TOKEN = Pattern.compile("(/(?:portal|api)/[A-Za-z0-9/_-]*?/)[A-Za-z0-9_-]{43}\\b");
  private static final Pattern CODE = Pattern.compile(Pattern.quote(CODE_PREFIX) + "[^\\s<]+");

  private MailRedaction() {}

  public static String redact(String body) {
    String out = LINK_TOKEN.matcher(body).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + REMOVED));
    return CODE.matcher(out).replaceAll(Matcher.quoteReplacement(CODE_PREFIX + REMOVED));
  }
}
