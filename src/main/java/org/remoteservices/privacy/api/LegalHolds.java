package org.remoteservices.privacy.api;

import java.time.LocalDate;
import java.util.Set;

/**
 * The legal holds on a job's data (table {@code privacy_legal_hold}), for destructions outside a privacy request: the
 * {@code record-retention} destruction keeps every category a hold covers on that day, as an erasure does.
 */
public interface LegalHolds {
  /** The categories of the job's data that an active hold (no end, or an end on or after {@code today}) keeps. */
  Set<RetentionCategory> heldCategories(String jobNumber, LocalDate today);
}
