package org.remoteservices.privacy.domain;

/** The rights a privacy request can ask for (the privacy notice's second half). */
public enum PrivacyRight {
  ACCESS("a copy of your personal data", true, false),
  ERASURE("erasure of your personal data", true, true),
  RECTIFICATION("correction of inaccurate personal data", true, false),
  RESTRICTION("restriction of processing", true, false),
  PORTABILITY("your data in a machine-readable format", true, false),
  OBJECTION("objection to processing", true, false),
  OPT_OUT_OF_SALE("opt-out of the sale of personal information", false, false),
  LIMIT_SENSITIVE("limiting the use of sensitive personal information", false, false),
  WITHDRAW_CONSENT("withdrawal of consent", false, false),
  UNSUBSCRIBE_MARKETING("unsubscribing from marketing mail", false, false);

  private final String label;
  private final boolean needsVerification;
  private final boolean heightened;

  PrivacyRight(String label, boolean needsVerification, boolean heightened) {
    this.label = label;
    this.needsVerification = needsVerification;
    this.heightened = heightened;
  }

  public String label() {
    return label;
  }

  /** Opt-outs and unsubscribes need no identity verification (CCPA 11 CCR §7026; an unsubscribe link). */
  public boolean needsVerification() {
    return needsVerification;
  }

  /** Needs heightened verification (three matching data points and a signed declaration). */
  public boolean heightened() {
    return heightened;
  }

  /** A choice recorded as a flag on the subject and honoured by every later mail decision. */
  public boolean isConsentChoice() {
    return !needsVerification;
  }
}
