package org.remoteservices.jobs.application.port;

import java.time.Instant;
import java.util.Collection;

/** What the record-retention use cases need from the process engine; implemented in adapter.camunda. */
public interface RecordRetentionProcessPort {
  /** What telling a job's retention instance about a new obsolescence date did. */
  enum DateChange {
    /** The instance waited and re-evaluated its timer. */
    MOVED,
    /** No retention instance runs for the job (a job registered before the model existed, or one already destroyed). */
    NOT_RUNNING,
    /** The instance runs but is between steps (its destruction step is being run or retried): try again. */
    BUSY
  }

  /** Starts the job's {@code record-retention} instance (business key = job number), in the caller's transaction. */
  void start(String jobNumber);

  /** Whether a {@code record-retention} instance of the job is running. */
  boolean isRunning(String jobNumber);

  /** Tells the job's waiting retention instance that the obsolescence date changed, so its timer is evaluated again. */
  DateChange obsolescenceDateChanged(String jobNumber);

  /**
   * Sets the absolute removal time of these instances' history (the engine's nightly history cleanup removes it then).
   * With {@code stopRunning}, running ones among them are stopped first (their records are being destroyed); without it,
   * only finished ones get the time (a running one gets its model's time at its end, and the next date change or the
   * destruction sets it again).
   */
  void removeHistoryAt(Collection<String> processInstanceIds, Instant removalTime, boolean stopRunning);
}
