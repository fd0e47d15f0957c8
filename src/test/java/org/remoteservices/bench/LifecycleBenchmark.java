package org.remoteservices.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's entry point: {@code mvn -B -q verify -Pbench} (docs/performance.md). Not part of the test suite:
 * the default build excludes the "bench" tag, and the class name matches no default surefire pattern. It asserts
 * only that the lifecycles ran, never how fast.
 */
@Tag("bench")
class LifecycleBenchmark {
  @Test
  void lifecyclesAgainstTheEnginesFloor() throws Exception {
    String finalLine = new Benchmark(BenchConfig.fromSystemProperties()).run();
    assertThat(finalLine).startsWith("lifecycles/s=");
  }
}
