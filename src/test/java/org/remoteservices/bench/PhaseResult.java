package org.remoteservices.bench;

import java.util.List;

/** What one measured phase produced. */
public record PhaseResult(
    String db, boolean floor, String kind, int workers, int lifecycles, double seconds, double lifecyclesPerSecond,
    double cpuMsPerLifecycle, long jobsSuccessful, long jobsFailed, long jobAcquisitionConflicts, long jobsRejected,
    long conflicts, double peakHeapMb, long gcCount, long gcMillis, double loadAverage, List<String> errors, String verified,
    Samples samples, double dbCpuMsPerLifecycle, java.util.Map<String, String> pressure) {

  public double jobsPerSecond() {
    return jobsSuccessful / seconds;
  }

  public String label() {
    return db + (floor ? " floor (no-op delegates)" : " real delegates") + (kind.isEmpty() ? "" : ", " + kind);
  }
}
