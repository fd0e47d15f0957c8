package org.remoteservices.jobs.api;

import java.util.Optional;

/**
 * The job registry as other features use it: support looks a job up when a customer names it and for its mails,
 * documents and task names; the privacy erasure erases a job's location when only the subject asked about it.
 */
public interface JobDirectory {
  Optional<Job> find(String jobNumber);

  boolean exists(String jobNumber);

  /**
   * The last day the job's case records are kept: its system obsolescence date + 10 years (then its record-retention
   * destroys them, and the engine history of its cases goes too). Empty for an unknown job.
   */
  Optional<java.time.LocalDate> caseRecordsKeptUntil(String jobNumber);
  /** A page of the registry, by job number (communications walk every job's contacts). */
  java.util.List<Job> list(int offset, int limit);

  /**
   * Keyset page of the registry: the jobs after {@code afterJobNumber} (null: from the first) by job number, so a walk
   * over every job costs the same per page however many there are.
   */
  java.util.List<Job> listAfter(String afterJobNumber, int limit);

  /** Keyset page of the jobs whose warranty ends between {@code from} and {@code to} (both included), by job number. */
  java.util.List<Job> warrantiesEnding(java.time.LocalDate from, java.time.LocalDate to, String afterJobNumber, int limit);

  /** Registers a new job; refused ({@code DomainException} CONFLICT) if the number is taken. */
  void register(Job job);

  /**
   * Replaces the job's location address with {@code replacement} (a readable reason, "erased (privacy request
   * PR-000012)"). Returns whether the location changed: false for an unknown job or one already erased with this
   * replacement, so a rerun counts nothing.
   */
  boolean eraseLocation(String jobNumber, String replacement);
}
