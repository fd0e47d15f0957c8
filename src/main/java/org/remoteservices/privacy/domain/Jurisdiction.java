package org.remoteservices.privacy.domain;

/** Where the requester lives, as far as the deadlines go. */
public enum Jurisdiction {
  EU(Regime.GDPR),
  EEA(Regime.GDPR),
  UK(Regime.GDPR),
  US_CA(Regime.CCPA),
  OTHER(Regime.DEFAULT),
  /** Not given and not known from the job's location: the strictest clock applies (one calendar month). */
  UNKNOWN(Regime.STRICTEST);

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
    DEFAULT,
    /**
     * Where we do not know which law applies: the earliest of every clock (one calendar month to answer, 10
     * business days to acknowledge, 15 business days for opt-outs, the shortest extension).
     */
    STRICTEST
  }
}
