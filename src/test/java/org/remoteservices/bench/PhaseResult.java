package org.remoteservices.bench;

import java.util.List;

/** What one measured phase produced. */
public record PhaseResult(
    String db, boolean floor, String kind, int workers, int lifecycles, double seconds, double lifecyclesPerSecond,
    double cpuMsPerLifecycle, long jobsSuccessful, long jobsFailed, long jobAcquisitionConflicts, long jobsRejected,
    long conflicts, double peakHeapMb, long gcCount, long gcMillis, double loadAverage, List<String> errors, String verified,
    Samples samples, double dbCpuMsPerLifecycle, java.util.Map<String, String> pressure, int round) {

  public double jobsPerSecond() {
    return jobsSuccessful / seconds;
  }

  /** {@code round}: 0-based; named from the second round on (with one round the labels stay as they were). */
  public String label() {
    return db + (floor ? " floor (no-op delegates)" : " real delegates") + (kind.isEmpty() ? "" : ", " + kind)
        + (round > 0 ? ", round " + (round + 1) : "");
  }
}
