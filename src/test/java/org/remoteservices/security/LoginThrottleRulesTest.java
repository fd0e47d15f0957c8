package org.remoteservices.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.remoteservices.shared.security.LoginThrottle;
import org.remoteservices.shared.security.LoginThrottle.Attempt;
import org.remoteservices.shared.security.LoginThrottle.Throttled;

/**
 * The login throttle's rules on a clock of the test's own, many client addresses included (the running application
 * with real sockets: LoginThrottleTest). {@link #engine} plays the engine's failed-attempt counter: a wrong password
 * increments it only when the attempt is {@linkplain Attempt#countedByEngine() counted}, as CamundaPasswords does.
 */
class LoginThrottleRulesTest {
  static final LoginThrottle.Settings SETTINGS = new LoginThrottle.Settings(true,
      LoginThrottle.limits(List.of("5/PT1M", "20/PT1H")), 3, 3, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofDays(30),
      Duration.ZERO, 10_000);

  final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
  final AtomicInteger engine = new AtomicInteger();
  final LoginThrottle throttle = new LoginThrottle(SETTINGS, clock::get);

  void advance(Duration by) {
    clock.addAndGet(by.toNanos());
  }

  /** One login: null if it was checked (true = the right password), else the Retry-After of the 429. */
  Long login(String address, String user, boolean rightPassword) {
    try (Attempt attempt = throttle.begin(address, user, engine::get)) {
      if (rightPassword) {
        engine.set(0); // the engine resets its counter on success
        attempt.succeeded();
      } else {
        if (attempt.countedByEngine()) {
          engine.incrementAndGet();
        }
        attempt.failed();
      }
      return null;
    } catch (Throttled throttled) {
      return throttled.retryAfterSeconds();
    }
  }

  @Test
  void anAddressGetsFiveQuickFailuresThenWaitsLongerTheMoreItFails() {
    for (int i = 0; i < 5; i++) {
      assertThat(login("203.0.113.7", "user" + i, false)).as("failure " + i).isNull(); // other accounts: only the address counts
    }
    assertThat(login("203.0.113.7", "someone", false)).as("sixth within the minute").isBetween(1L, 12L);
    assertThat(login("203.0.113.7", "someone", true)).as("even the right password waits").isNotNull();
    assertThat(login("203.0.113.8", "someone", true)).as("another address does not").isNull();
    // the per-minute bucket gives one more failure every 12 s; once the hourly one is used up, one every 3 minutes
    Long wait = null;
    int failures = 5;
    for (int i = 0; i < 40 && wait == null; i++) {
      advance(Duration.ofSeconds(12));
      wait = login("203.0.113.7", "spray" + i, false);
      failures += wait == null ? 1 : 0;
    }
    assertThat(failures).isBetween(20, 23);
    assertThat(wait).isBetween(13L, 180L);
  }

  @Test
  void anIpv6ClientCountsByItsSlash64() {
    for (int i = 0; i < 5; i++) {
      assertThat(login("2001:db8:1:2::" + (i + 1), "v6-" + i, false)).isNull();
    }
    assertThat(login("2001:db8:1:2:ffff::9", "v6", false)).isNotNull();
    assertThat(login("2001:db8:1:3::1", "v6", false)).isNull();
  }

  @Test
  void anAccountIsDelayedNeverLocked_andTheRealUserAtAFamiliarAddressIsNotDelayed() {
    assertThat(login("198.51.100.1", "admin", true)).isNull(); // the admin's usual address
    for (int i = 0; i < 3; i++) {
      assertThat(login("203.0.113." + (10 + i), "admin", false)).isNull(); // three strangers' addresses: free
    }
    // now every further check of the account waits 1 s, 2 s, 4 s, ... after the last failure (60 s at most)
    assertThat(login("203.0.113.20", "admin", false)).isEqualTo(1L);
    advance(Duration.ofSeconds(1));
    assertThat(login("203.0.113.21", "admin", false)).isNull();
    assertThat(login("203.0.113.22", "admin", false)).isEqualTo(2L);
    advance(Duration.ofSeconds(2));
    assertThat(login("203.0.113.23", "admin", false)).isNull();
    assertThat(login("203.0.113.24", "admin", true)).as("the real user elsewhere waits too, briefly").isEqualTo(4L);
    assertThat(login("198.51.100.1", "admin", true)).as("but not at the address they logged in from before").isNull();
    assertThat(login("203.0.113.24", "admin", true)).as("and the success ends the delay").isNull();
    for (int i = 0; i < 40; i++) { // a long attack: the delay stops growing at the maximum, it never becomes a lock
      advance(Duration.ofMinutes(5));
      login("203.0.113." + (100 + i), "admin", false);
    }
    assertThat(login("203.0.113.200", "admin", true)).isBetween(1L, 60L);
    advance(Duration.ofSeconds(60));
    assertThat(login("203.0.113.200", "admin", true)).isNull();
  }

  @Test
  void fromFiftyAddressesTheEngineSeesAtMostThreeWrongPasswords_theRealUserStillGetsIn() {
    for (int round = 0; round < 200; round++) {
      for (int a = 0; a < 50; a++) {
        login("203.0.113." + a, "admin", false);
      }
      advance(Duration.ofSeconds(7));
      assertThat(engine.get()).as("round " + round).isLessThanOrEqualTo(3);
    }
    advance(Duration.ofMinutes(1));
    assertThat(login("198.51.100.77", "admin", true)).isNull();
    assertThat(engine.get()).isZero();
  }

  @Test
  void checksInFlightCanNeverTakeTheEngineCounterPastTheBudget() throws Throttled {
    Attempt a = throttle.begin("203.0.113.1", "tina", engine::get);
    Attempt b = throttle.begin("203.0.113.2", "tina", engine::get);
    Attempt c = throttle.begin("203.0.113.3", "tina", engine::get);
    assertThat(List.of(a.countedByEngine(), b.countedByEngine(), c.countedByEngine())).containsOnly(true);
    // a fourth check while three are open would take the counter to 4 if all fail: it waits (here: no wait allowed)
    assertThatThrownBy(() -> throttle.begin("203.0.113.4", "tina", engine::get)).isInstanceOf(Throttled.class);
    for (Attempt attempt : List.of(a, b, c)) {
      engine.incrementAndGet();
      attempt.failed();
    }
    // the budget is used up: the next checks are not counted, and one at a time
    advance(Duration.ofSeconds(1));
    Attempt uncounted = throttle.begin("203.0.113.5", "tina", engine::get);
    assertThat(uncounted.countedByEngine()).isFalse();
    assertThatThrownBy(() -> throttle.begin("198.51.100.2", "tina", engine::get)).isInstanceOf(Throttled.class);
    uncounted.close();
    assertThat(throttle.begin("198.51.100.2", "tina", engine::get).countedByEngine()).isFalse();
  }
}
