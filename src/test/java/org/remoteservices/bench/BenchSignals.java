package org.remoteservices.bench;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the harness learns from inside the engine, after each transaction commits: a user task was created
 * (its id, as a technician would see it in Tasklist), or an instance now waits at an event-based gateway.
 * The harness waits on these instead of polling Tasklist: polling at benchmark speed would add load that
 * people reading Tasklist at human pace do not. Also counts optimistic-locking conflicts.
 */
public final class BenchSignals {
  public record Signal(String elementId, String taskId, long nanos) {}

  private static final ConcurrentHashMap<String, BlockingQueue<Signal>> BY_BUSINESS_KEY = new ConcurrentHashMap<>();
  static final AtomicLong CONFLICTS = new AtomicLong();
  /** The measured phase's samples, for the engine hooks' per-step timings (null between phases). */
  static volatile Samples probe;

  private BenchSignals() {}

  static void emit(String businessKey, String elementId, String taskId) {
    if (businessKey != null) {
      queue(businessKey).add(new Signal(elementId, taskId, System.nanoTime()));
    }
  }

  private static BlockingQueue<Signal> queue(String businessKey) {
    return BY_BUSINESS_KEY.computeIfAbsent(businessKey, k -> new LinkedBlockingQueue<>());
  }

  /** Waits for the next signal of this business key at this element; earlier signals of other elements are dropped. */
  public static Signal await(String businessKey, String elementId, long timeoutMillis) throws InterruptedException {
    BlockingQueue<Signal> queue = queue(businessKey);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      long left = deadline - System.nanoTime();
      Signal s = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
      if (s == null) {
        throw new IllegalStateException("timed out waiting for " + elementId);
      }
      if (s.elementId().equals(elementId)) {
        return s;
      }
    }
  }

  public static void forget(String businessKey) {
    BY_BUSINESS_KEY.remove(businessKey);
  }

  public static void reset() {
    BY_BUSINESS_KEY.clear();
    CONFLICTS.set(0);
  }

  public static long conflicts() {
    return CONFLICTS.get();
  }
}
