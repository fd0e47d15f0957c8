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
  UNSUBSCRIBE_MARKETING("unsubscribing from marketing mail", false, false),
  /** Not to be subject to automated decisions (GDPR Art. 22, CCPA ADMT): answered with a statement, nothing of the person's. */
  AUTOMATED_DECISIONS("not to be subject to decisions based solely on automated processing", false, false);

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
    return !needsVerification && this != AUTOMATED_DECISIONS;
  }

  /**
   * Opt-out of sale/sharing and limiting sensitive data: their own 15-business-day clock and, in a request that
   * also asks for more, answered separately without waiting for verification (CCPA 11 CCR §7026, §7027).
   */
  public boolean isOptOutPart() {
    return this == OPT_OUT_OF_SALE || this == LIMIT_SENSITIVE;
  }
}
