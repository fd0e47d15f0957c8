package org.remoteservices.jobs.api;

/**
 * Told, inside the operator's change, that a job got a warranty date or that it moved (POST /api/jobs with
 * {@code warrantyUntil}, PATCH /api/jobs/{jobNumber}), so a feature that acts ahead of it (the communications'
 * warranty-expiry reminder) can act at once when the new date is already near.
 */
public interface WarrantyDateListener {
  void warrantyDateSet(Job job);
}
