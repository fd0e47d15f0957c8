package org.remoteservices.shared.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a mail on record keeps of its secrets once it is delivered: nothing usable. A mailed link's token and a
 * mailed download code are replaced, so neither a database copy nor an operator reading the record can open
 * someone's link (docs/security.md "Mails on record"). Until delivery the outbox keeps the removed values beside
 * the redacted body ({@link #split}): a retry must send the very mail that was composed ({@link #restore}), and the
 * body is written once.
 */
public final class MailRedaction {
  /** Written before a one-time code in a mail: the code after it is removed on record. */
  public static final String CODE_PREFIX = "Your code: ";
  public static final String REMOVED = "[removed after delivery]";

  private static final Pattern LINK_TOKEN = Pattern.compile("(/(?:portal|api)/[A-Za-z0-9/_-]*?/)([A-Za-z0-9_-]{43})\\b");
  private static final Pattern CODE = Pattern.compile("(" + Pattern.quote(CODE_PREFIX) + ")([^\\s<]+)");
  /** What every match of {@link #LINK_TOKEN} and of {@link #CODE} begins with. */
  private static final String[] LINK_STARTS = {"/portal/", "/api/"};
  private static final String[] CODE_STARTS = {CODE_PREFIX};

  private MailRedaction() {}

  public static String redact(String body) {
    return split(body).body();
  }

  /** The body as it stays on record, and what was removed from it, in order of appearance. */
  public static Redacted split(String body) {
    List<Removed> removed = new ArrayList<>();
    collect(LINK_TOKEN, LINK_STARTS, body, removed);
    collect(CODE, CODE_STARTS, body, removed);
    removed.sort((a, b) -> Integer.compare(a.start, b.start));
    StringBuilder out = new StringBuilder();
    List<String> secrets = new ArrayList<>();
    int at = 0;
    for (Removed r : removed) {
      if (r.start < at) {
        continue; // overlapping matches: the first one wins
      }
      out.append(body, at, r.start).append(REMOVED);
      secrets.add(r.value);
      at = r.end;
    }
    out.append(body.substring(at));
    return new Redacted(out.toString(), List.copyOf(secrets));
  }

  /** The body as composed: each {@link #REMOVED} marker of a redacted body replaced by its value, in order. */
  public static String restore(String redacted, List<String> secrets) {
    if (secrets.isEmpty()) {
      return redacted;
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (String secret : secrets) {
      int marker = redacted.indexOf(REMOVED, at);
      if (marker < 0) {
        throw new IllegalStateException("a stored mail has more secrets than markers");
      }
      out.append(redacted, at, marker).append(secret);
      at = marker + REMOVED.length();
    }
    return out.append(redacted.substring(at)).toString();
  }

  /**
   * The matches of {@code pattern}, each of which begins with one of {@code starts}: the regex is tried only where
   * {@link String#indexOf} finds one, the leftmost first, as {@link Matcher#find()} would (which tried it at every
   * position of a mail's whole HTML part: a few percent of a mail step's time, docs/performance.md "Part D").
   */
  private static void collect(Pattern pattern, String[] starts, String body, List<Removed> into) {
    Matcher m = pattern.matcher(body);
    int from = 0;
    for (int at = nextStart(body, starts, from); at >= 0; at = nextStart(body, starts, from)) {
      m.region(at, body.length());
      if (m.lookingAt()) {
        into.add(new Removed(m.start(2), m.end(2), m.group(2)));
        from = m.end();
      } else {
        from = at + 1;
      }
    }
  }

  private static int nextStart(String body, String[] starts, int from) {
    int next = -1;
    for (String start : starts) {
      int at = body.indexOf(start, from);
      if (at >= 0 && (next < 0 || at < next)) {
        next = at;
      }
    }
    return next;
  }

  public record Redacted(String body, List<String> secrets) {}

  private record Removed(int start, int end, String value) {}
}
