package org.remoteservices.privacy.domain;

/** Where the requester lives, as far as the deadlines go. */
public enum Jurisdiction {
  EU(Regime.GDPR),
  EEA(Regime.GDPR),
  UK(Regime.GDPR),
  US_CA(Regime.CCPA),
  OTHER(Regime.DEFAULT);

  private final Regime regime;

  Jurisdiction(Regime regime) {
    this.regime = regime;
  }

  public Regime regime() {
    return regime;
  }

  public enum Regime {
    /** GDPR Art. 12(3) / UK GDPR: one calendar month, extendable by two further months. */
    GDPR,
    /** CCPA, 11 CCR §7021: acknowledge in 10 business days, answer in 45 days, one 45-day extension. */
    CCPA,
    /** Everywhere else: a configured number of days, extendable once by the same number. */
    DEFAULT
  }
}
