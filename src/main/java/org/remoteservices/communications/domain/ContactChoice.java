package org.remoteservices.communications.domain;

import java.time.Instant;

/** A person's choices at one intake (marketing consent with the wording's version, country, whether GPC came along). */
public record ContactChoice(String id, String supportRequestId, String email, String country, boolean marketingConsent,
    String wordingVersion, String source, boolean gpcSignal, Instant recordedAt) {
  @Override
  public String toString() {
    return "ContactChoice[" + id + ", personal data not shown]";
  }
}
