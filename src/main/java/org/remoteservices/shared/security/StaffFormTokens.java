package org.remoteservices.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.remoteservices.shared.error.DomainException;
import org.springframework.stereotype.Component;

/**
 * The CSRF token of the staff pages' forms. Their login is a session cookie (the webapps'), which a browser sends
 * along with a cross-site form post, so each form carries a token bound to the session (or, logged in with HTTP Basic,
 * to the user) and a post without the right one is refused (403, nothing done). Stateless: an HMAC under a key made at
 * start-up.
 */
@Component
public class StaffFormTokens {
  private final byte[] key = new byte[32];

  public StaffFormTokens() {
    new SecureRandom().nextBytes(key);
  }

  public String issue(HttpServletRequest request, String userId) {
    HttpSession session = request.getSession(false);
    return hmac((session != null ? "session:" + session.getId() : "basic:") + "|" + userId);
  }

  public void check(HttpServletRequest request, String userId, String token) {
    String expected = issue(request, userId);
    if (token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      throw DomainException.forbidden("This form has expired or did not come from this page: reload the page and try again.");
    }
  }

  private String hmac(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
