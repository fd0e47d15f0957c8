package org.remoteservices.jobs.api;

import java.time.LocalDate;

/**
 * Told, inside the operator's change, that a job's system obsolescence date moved (PATCH /api/jobs/{jobNumber}), so a
 * feature that stores a deadline derived from it (support files' {@code retain_until}) updates it in the same transaction.
 */
public interface ObsolescenceDateListener {
  void obsolescenceDateChanged(String jobNumber, LocalDate newObsolescenceDate);
}
