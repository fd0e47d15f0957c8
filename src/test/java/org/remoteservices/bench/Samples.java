package org.remoteservices.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Latency samples (nanoseconds) per name; percentiles by sorting (the sample counts are small). */
public final class Samples {
  private final Map<String, long[][]> data = new ConcurrentHashMap<>();
  private final Map<String, Integer> order = new ConcurrentHashMap<>();

  public void add(String name, long nanos) {
    long[][] holder = data.computeIfAbsent(name, k -> {
      order.putIfAbsent(k, order.size());
      return new long[][] {new long[256], {0}};
    });
    synchronized (holder) {
      int n = (int) holder[1][0];
      if (n == holder[0].length) {
        holder[0] = Arrays.copyOf(holder[0], n * 2);
      }
      holder[0][n] = nanos;
      holder[1][0] = n + 1;
    }
  }

  public record Summary(int count, double p50, double p95, double p99, double max) {}

  /** Milliseconds per name, in the order names were first seen. */
  public Map<String, Summary> summaries() {
    Map<String, Summary> out = new LinkedHashMap<>();
    order.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> out.put(e.getKey(), summary(e.getKey())));
    return out;
  }

  public Summary summary(String name) {
    long[][] holder = data.get(name);
    if (holder == null) {
      return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    long[] values;
    synchronized (holder) {
      values = Arrays.copyOf(holder[0], (int) holder[1][0]);
    }
    Arrays.sort(values);
    return new Summary(values.length, pct(values, 50), pct(values, 95), pct(values, 99), values.length == 0 ? Double.NaN : values[values.length - 1] / 1e6);
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
