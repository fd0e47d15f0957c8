package org.remoteservices.privacy.api;

/** The categories of a subject's data that legal retention may keep back from an erasure. */
public enum RetentionCategory {
  WORK_ORDERS("Work orders", "Contract and warranty records of the service performed (GDPR Art. 17(3)(b) and (e): legal obligation, legal claims)"),
  SUPPORT_FILES("Support files", "Support files under legal hold or needed for the system's recovery point (GDPR Art. 17(3)(e): legal claims)"),
  RSSV_RECORDS("RSSV forms and signed copies", "Proof that remote access was authorised (GDPR Art. 17(3)(e): establishment or defence of legal claims)"),
  RECORDINGS("Session recordings", "Security-incident record while an incident is investigated (GDPR Art. 17(3)(e); at most 180 days)");

  private final String label;
  private final String defaultLegalBasis;

  RetentionCategory(String label, String defaultLegalBasis) {
    this.label = label;
    this.defaultLegalBasis = defaultLegalBasis;
  }

  public String label() {
    return label;
  }

  public String defaultLegalBasis() {
    return defaultLegalBasis;
  }
}
