package org.remoteservices.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link MailRedaction} finds exactly what a plain regex search over the whole text finds, and restores it. */
class MailRedactionTest {
  private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE";

  @Test
  void removesEveryLinkTokenAndCode_andRestoresTheMailAsComposed() {
    String body = "Sign here: https://portal.example/portal/rssv/" + TOKEN + " or <a href=\"https://x/api/surveys/" + TOKEN
        + "\">answer</a>. Your code: 12-34-56\nNot a token: /portal/rssv/short and /api/x/" + TOKEN.substring(1) + "!";

    MailRedaction.Redacted redacted = MailRedaction.split(body);

    assertThat(redacted.body()).doesNotContain(TOKEN).doesNotContain("12-34-56").contains("/portal/rssv/short");
    assertThat(redacted.secrets()).containsExactly(TOKEN, TOKEN, "12-34-56");
    assertThat(MailRedaction.restore(redacted.body(), redacted.secrets())).isEqualTo(body);
  }

  @Test
  void findsWhatASearchAtEveryPositionFinds_onGeneratedTexts() {
    Random random = new Random(20261201);
    String[] pieces = {"/portal/", "/api/", "/portal/rssv/", "/api/surveys/", "//", "/", "a", "Z", "-", "_", " ", "<", "\n", "é",
        MailRedaction.CODE_PREFIX, TOKEN, TOKEN.substring(0, 20), "portal", "api/"};
    for (int n = 0; n < 2000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String body = text.toString();
      MailRedaction.Redacted redacted = MailRedaction.split(body);
      assertThat(redacted.secrets()).as(body).isEqualTo(searchedEverywhere(body));
      assertThat(MailRedaction.restore(redacted.body(), redacted.secrets())).as(body).isEqualTo(body);
    }
  }

  /** The reference: Matcher.find over the whole text, both patterns, the first of overlapping matches kept. */
  private static List<String> searchedEverywhere(String body) {
    Pattern link = Pattern.compile("(/(?:portal|api)/[A-Za-z0-9/_-]*?/)([A-Za-z0-9_-]{43})\\b");
    Pattern code = Pattern.compile("(" + Pattern.quote(MailRedaction.CODE_PREFIX) + ")([^\\s<]+)");
    List<int[]> found = new ArrayList<>();
    for (Pattern p : List.of(link, code)) {
      Matcher m = p.matcher(body);
      while (m.find()) {
        found.add(new int[] {m.start(2), m.end(2)});
      }
    }
    found.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<String> secrets = new ArrayList<>();
    int at = 0;
    for (int[] f : found) {
      if (f[0] >= at) {
        secrets.add(body.substring(f[0], f[1]));
        at = f[1];
      }
    }
    return secrets;
  }
}
