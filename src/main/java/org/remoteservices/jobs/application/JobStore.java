package org.remoteservices.jobs.application;

import java.util.List;
import java.util.Optional;
import org.remoteservices.jobs.api.Job;

/** Where the registry's jobs are kept; implemented in adapter.db. */
public interface JobStore {
  Optional<Job> find(String jobNumber);

  boolean exists(String jobNumber);

  List<Job> list(int offset, int limit);

  /** Keyset page: the jobs after {@code afterJobNumber} (null: from the first), by job number. */
  List<Job> listAfter(String afterJobNumber, int limit);

  /** Keyset page of the jobs whose warranty ends in [from, to], by job number. */
  List<Job> warrantiesEnding(java.time.LocalDate from, java.time.LocalDate to, String afterJobNumber, int limit);

  void updateWarrantyUntil(String jobNumber, java.time.LocalDate date);

  void insert(Job job);

  void updateObsolescenceDate(String jobNumber, java.time.LocalDate date);

  /** Writes a destruction record of the record-retention (counts and categories, no personal data). */
  void insertDestruction(String id, String jobNumber, java.time.LocalDate retainUntil, java.time.Instant destroyedAt, int cases,
      String erased, String kept);

  /** Whether a retention pass destroyed the job's case records with nothing kept by a legal hold. */
  boolean destroyed(String jobNumber);

  /** Sets the location address unless it is already {@code replacement}; returns whether a row changed. */
  boolean replaceLocation(String jobNumber, String replacement);
}
