package org.remoteservices.privacy.domain;

/** How sure we must be of who asks before a right is executed. */
public enum VerificationLevel {
  /** Opt-outs and unsubscribes only. */
  NONE(0),
  /** Two data points matching our records. */
  STANDARD(2),
  /** Three matching data points and a signed declaration (erasure; copies of specific pieces or support files). */
  HEIGHTENED(3);

  private final int requiredMatches;

  VerificationLevel(int requiredMatches) {
    this.requiredMatches = requiredMatches;
  }

  public int requiredMatches() {
    return requiredMatches;
  }
}
