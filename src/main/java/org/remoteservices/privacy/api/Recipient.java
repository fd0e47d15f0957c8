package org.remoteservices.privacy.api;

/**
 * Someone the subject's data went to (GDPR Art. 15(1)(c), Art. 19): the access report lists them, and an
 * erasure, rectification or restriction is communicated to them.
 *
 * @param role who they are, readable ("Site contact of job J-100001")
 * @param email where they are told
 * @param purpose why they received the data ("work order")
 */
public record Recipient(String role, String email, String purpose) {
  @Override
  public String toString() {
    return "Recipient[" + role + "]";
  }
}
