package org.remoteservices.communications.domain;

/** Why someone was not reached by a communication (counted, never listed by person). */
public enum SkipReason {
  RESTRICTED, OBJECTED, CONSENT_WITHDRAWN, UNSUBSCRIBED, ERASED, NO_CONSENT, OUTSIDE_US_CA, ALREADY_NOTIFIED
}
