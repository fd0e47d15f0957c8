package org.remoteservices.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's entry point: {@code mvn -B -q verify -Pbench} (docs/performance.md). Not part of the test suite:
 * the default build excludes the "bench" tag, and the class name matches no default surefire pattern. It asserts
 * that every lifecycle of every phase ran to its end and every instance finished, never how fast: a benchmark
 * whose lifecycles fail measures nothing (a rate limit once turned every one into a 429 and the run still "passed").
 * `.ci/run` runs it small, so the harness cannot rot unnoticed.
 */
@Tag("bench")
class LifecycleBenchmark {
  @Test
  void lifecyclesAgainstTheEnginesFloor() throws Exception {
    Benchmark benchmark = new Benchmark(BenchConfig.fromSystemProperties());
    String finalLine = benchmark.run();
    assertThat(finalLine).startsWith("lifecycles/s=");
    assertThat(benchmark.results).allSatisfy(phase -> {
      assertThat(phase.errors()).as(phase.label() + ": failed lifecycles").isEmpty();
      String[] finishedOfExpected = phase.verified().split(" ")[0].split("/"); // "N/M instances finished ..."
      assertThat(finishedOfExpected[0]).as(phase.label() + ": " + phase.verified()).isEqualTo(finishedOfExpected[1]);
    });
  }
}
