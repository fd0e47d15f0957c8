package org.remoteservices.privacy.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The subject's key in flags and tombstones: HMAC-SHA256 of the normalised email address under a secret salt.
 * Without the salt, the key cannot be turned back into an address or matched against a list of addresses.
 */
@Component
public class SubjectKeys {
  private final byte[] salt;

  public SubjectKeys(PrivacyPolicy policy) {
    this.salt = policy.tombstoneSalt().getBytes(StandardCharsets.UTF_8);
  }

  public String of(String email) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
