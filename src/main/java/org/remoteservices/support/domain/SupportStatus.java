package org.remoteservices.support.domain;

/** Where a support request stands, as the customer-facing and operator APIs show it. */
public enum SupportStatus {
  RSSV_PENDING,
  RSSV_RETURNED,
  RSSV_REJECTED,
  SESSION_SCHEDULED,
  SESSION_HELD,
  WORK_ORDER_SENT,
  COMPLETED,
  EXPIRED
}
