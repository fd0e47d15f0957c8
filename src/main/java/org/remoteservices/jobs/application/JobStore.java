package org.remoteservices.jobs.application;

import java.util.List;
import java.util.Optional;
import org.remoteservices.jobs.api.Job;

/** Where the registry's jobs are kept; implemented in adapter.db. */
public interface JobStore {
  Optional<Job> find(String jobNumber);

  boolean exists(String jobNumber);

  List<Job> list(int offset, int limit);

  void insert(Job job);

  /** Sets the location address unless it is already {@code replacement}; returns whether a row changed. */
  boolean replaceLocation(String jobNumber, String replacement);
}
