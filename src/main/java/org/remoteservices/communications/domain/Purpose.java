package org.remoteservices.communications.domain;

/** What a communication is for; each purpose reaches different people (docs/communications.md). */
public enum Purpose {
  SECURITY_NOTICE, SERVICE_UPDATE, MARKETING, SALES_CALL, NOTICE_CHANGE;

  /** Needs recorded marketing consent. */
  public boolean needsConsent() {
    return this == MARKETING || this == SALES_CALL;
  }
}
