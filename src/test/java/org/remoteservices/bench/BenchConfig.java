package org.remoteservices.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The benchmark's knobs, from system properties (mvn -Dbench.x=...). */
public record BenchConfig(int lifecycles, int warmup, int workers, int rounds, List<String> dbs, List<Integer> scale, boolean profile,
    boolean write, Path docs, List<String> appArgs, boolean pgStatements) {

  public static BenchConfig fromSystemProperties() {
    return new BenchConfig(
        Integer.getInteger("bench.lifecycles", 300),
        Integer.getInteger("bench.warmup", 75),
        Integer.getInteger("bench.workers", 24),
        Integer.getInteger("bench.rounds", 3),
        list(System.getProperty("bench.dbs", "h2,postgres,postgres-durable")),
        list(System.getProperty("bench.scale", "10000,100000")).stream().map(Integer::valueOf).toList(),
        Boolean.parseBoolean(System.getProperty("bench.profile", "true")),
        Boolean.parseBoolean(System.getProperty("bench.write", "true")),
        Path.of(System.getProperty("bench.docs", "docs/performance-runs.md")),
        list(System.getProperty("bench.appArgs", "")),
        Boolean.getBoolean("bench.pgStatements"));
  }

  private static List<String> list(String value) {
    return value.isBlank() ? List.of() : Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
  }
}
