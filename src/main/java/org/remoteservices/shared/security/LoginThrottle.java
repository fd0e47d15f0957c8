package org.remoteservices.shared.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throttles failed logins per client address and per account, in front of the engine's own lockout
 * (docs/security.md, "Failed logins"). Every password check of the application goes through {@link #begin}:
 * HTTP Basic on {@code /api} and {@code /engine-rest}, and the Camunda webapps' login form.
 *
 * <ul>
 *   <li><b>Per client address</b> (IPv4 address, IPv6 /64): token buckets of failed logins (bucket4j), one per
 *       {@link Limit}, e.g. 5 per minute, 20 per hour, 100 per day: the more an address has failed, the longer it
 *       waits for its next try. While its bucket is empty every login from it is answered 429 without checking the
 *       password, the right one included. This is the limit that holds a stranger back.</li>
 *   <li><b>Per account</b>, a delay, never a lock: after {@code freeFailures} failures in a row the next check of the
 *       account waits {@code baseDelay}, doubling with each further failure up to {@code maxDelay}, counted from the
 *       last failure. Addresses from which the account logged in successfully before ("familiar", for
 *       {@code familiarFor}) are not delayed, so the real user at their usual address gets in while a stranger
 *       elsewhere keeps failing. A success ends the delay.</li>
 *   <li><b>The engine's counter</b> (ACT_ID_USER.ATTEMPTS_, which locks the account at
 *       {@code login-max-attempts}): an attempt may be counted there only while the counter plus the checks of the
 *       account in flight stays below {@code countedFailures}. Beyond that an attempt is {@linkplain
 *       Attempt#countedByEngine() not counted}: its password is compared without touching the counter, and only a
 *       matching one goes on to the engine's check (which then succeeds and resets the counter). So no stranger
 *       can push an account to the engine's lockout, and the real user still gets in.</li>
 * </ul>
 *
 * State is in memory per node (the engine's counter is in the database, shared by all nodes); at most
 * {@code maxTracked} addresses and accounts are remembered, the least recently seen forgotten first.
 */
public class LoginThrottle {
  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  /** At most this many requests of one account wait for a check slot; more are answered 429 at once. */
  private static final int MAX_WAITERS = 32;
  private static final int MAX_FAMILIAR = 8;
  private static final int MAX_ACCOUNT_KEY = 128;

  /** {@code failures} failed logins per {@code period}: "5/PT1M". */
  public record Limit(long failures, Duration period) {
    public Limit {
      if (failures < 1 || period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("a login limit needs at least one failure per positive period: " + failures + "/" + period);
      }
    }

    public static Limit parse(String text) {
      String[] parts = text.trim().split("/", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException("a login limit reads failures/period, e.g. 5/PT1M: " + text);
      }
      return new Limit(Long.parseLong(parts[0].trim()), Duration.parse(parts[1].trim()));
    }
  }

  public record Settings(boolean enabled, List<Limit> addressLimits, int countedFailures, int freeFailures, Duration baseDelay,
      Duration maxDelay, Duration familiarFor, Duration maxWait, int maxTracked) {
    public Settings {
      addressLimits = List.copyOf(addressLimits);
      if (addressLimits.isEmpty() || countedFailures < 1 || freeFailures < 0 || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0
          || maxTracked < 1) {
        throw new IllegalArgumentException("rso.security.login-throttle: needs address limits, counted-failures >= 1, "
            + "free-failures >= 0, 0 <= base-delay <= max-delay, max-tracked >= 1");
      }
    }
  }

  /** Thrown by {@link #begin} when the address or the account has to wait; the password was not checked. */
  public static final class Throttled extends Exception {
    private final long retryAfterSeconds;

    Throttled(long nanos) {
      super("too many failed logins; try again later", null, false, false);
      this.retryAfterSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  private final Settings settings;
  private final LongSupplier nanoTime;
  private final TimeMeter meter;
  private final Map<String, Bucket> addresses;
  private final Map<String, Account> accounts;

  public LoginThrottle(Settings settings) {
    this(settings, System::nanoTime);
  }

  /** With the clock of a test. */
  public LoginThrottle(Settings settings, LongSupplier nanoTime) {
    this.settings = settings;
    this.nanoTime = nanoTime;
    this.meter = new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return nanoTime.getAsLong();
      }

      @Override
      public boolean isWallClockBased() {
        return false;
      }
    };
    this.addresses = lru(settings.maxTracked());
    this.accounts = lru(settings.maxTracked());
  }

  private static <V> Map<String, V> lru(int max) {
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > max;
      }
    };
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Asks for one password check of {@code userId} from {@code address}. {@code countedSoFar} reads the engine's
   * failed-attempt counter of the account (0 for an unknown user); it is read while the account's slot is decided,
   * so the checks in flight can never take the counter past the budget. The caller checks the password as
   * {@link Attempt#countedByEngine()} says, then reports {@link Attempt#succeeded()} or {@link Attempt#failed()};
   * {@link Attempt#close()} releases the slot in any case.
   */
  public Attempt begin(String address, String userId, IntSupplier countedSoFar) throws Throttled {
    if (!settings.enabled()) {
      return new Attempt(null, null, null, true);
    }
    String addressKey = RateLimitInterceptor.clientKey(address);
    Bucket bucket = bucket(addressKey);
    if (bucket.getAvailableTokens() <= 0) {
      throw new Throttled(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }
    Account account = account(userId);
    boolean counted;
    synchronized (account) {
      long now = nanoTime.getAsLong();
      if (!account.isFamiliar(addressKey, now, settings.familiarFor()) && now - account.notBefore < 0) {
        throw new Throttled(account.notBefore - now);
      }
      long deadline = now + settings.maxWait().toNanos();
      while (true) {
        int engineCount = countedSoFar.getAsInt();
        counted = engineCount + account.inFlight < settings.countedFailures();
        // beyond the budget the checks are not counted by the engine, but they are still one at a time
        boolean free = counted || (engineCount >= settings.countedFailures() ? account.inFlight == 0 : false);
        if (free) {
          break;
        }
        long left = deadline - nanoTime.getAsLong();
        if (left <= 0 || account.waiters >= MAX_WAITERS) {
          throw new Throttled(TimeUnit.SECONDS.toNanos(1));
        }
        account.waiters++;
        try {
          TimeUnit.NANOSECONDS.timedWait(account, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new Throttled(TimeUnit.SECONDS.toNanos(1));
        } finally {
          account.waiters--;
        }
      }
      account.inFlight++;
    }
    return new Attempt(addressKey, bucket, account, counted);
  }

  /** One password check in progress. */
  public final class Attempt implements AutoCloseable {
    private final String addressKey;
    private final Bucket bucket;
    private final Account account;
    private final boolean counted;
    private boolean open = true;

    private Attempt(String addressKey, Bucket bucket, Account account, boolean counted) {
      this.addressKey = addressKey;
      this.bucket = bucket;
      this.account = account;
      this.counted = counted;
      this.open = account != null;
    }

    /**
     * Whether a wrong password may be counted by the engine (call {@code IdentityService.checkPassword} directly);
     * if not, compare the password without counting first and call the engine only for a matching one.
     */
    public boolean countedByEngine() {
      return counted;
    }

    public void succeeded() {
      if (!open) {
        return;
      }
      synchronized (account) {
        account.failures = 0;
        account.notBefore = nanoTime.getAsLong();
        account.familiar.put(addressKey, nanoTime.getAsLong());
        release();
      }
    }

    public void failed() {
      if (!open) {
        return;
      }
      bucket.consumeIgnoringRateLimits(1); // a burst of simultaneous failures is charged in full: the address waits longer
      if (bucket.getAvailableTokens() == 0) {
        LOG.warn("login throttle: a client address used up its failed logins and waits now");
      }
      synchronized (account) {
        account.failures++;
        if (account.failures >= settings.freeFailures()) {
          account.notBefore = nanoTime.getAsLong() + delay(account.failures - settings.freeFailures());
        }
        if (account.failures == Math.max(1, settings.freeFailures())) {
          LOG.warn("login throttle: an account failed {} logins in a row; its checks are delayed now", account.failures);
        }
        release();
      }
    }

    @Override
    public void close() {
      if (open) {
        synchronized (account) {
          release();
        }
      }
    }

    private void release() {
      open = false;
      account.inFlight--;
      account.notifyAll();
    }
  }

  /** base x 2^n, at most the maximum. */
  long delay(int n) {
    long base = settings.baseDelay().toNanos();
    long max = settings.maxDelay().toNanos();
    if (base == 0) {
      return 0;
    }
    int shift = Math.min(n, 40);
    return base > (max >> shift) ? max : Math.min(max, base << shift);
  }

  private Bucket bucket(String addressKey) {
    synchronized (addresses) {
      return addresses.computeIfAbsent(addressKey, k -> {
        var builder = Bucket.builder().withCustomTimePrecision(meter);
        for (Limit limit : settings.addressLimits()) {
          builder.addLimit(Bandwidth.builder().capacity(limit.failures()).refillGreedy(limit.failures(), limit.period()).build());
        }
        return builder.build();
      });
    }
  }

  private Account account(String userId) {
    String key = userId == null ? "" : userId.length() > MAX_ACCOUNT_KEY ? userId.substring(0, MAX_ACCOUNT_KEY) : userId;
    synchronized (accounts) {
      return accounts.computeIfAbsent(key, k -> new Account(nanoTime.getAsLong()));
    }
  }

  /** What this node knows about one account's logins; guarded by its own monitor. */
  private static final class Account {
    int failures;
    long notBefore;
    int inFlight;
    int waiters;
    final Map<String, Long> familiar = new LinkedHashMap<>(8, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
        return size() > MAX_FAMILIAR;
      }
    };

    Account(long now) {
      this.notBefore = now;
    }

    boolean isFamiliar(String addressKey, long now, Duration familiarFor) {
      Long seen = familiar.get(addressKey);
      return seen != null && now - seen < familiarFor.toNanos();
    }
  }

  /** "5/PT1M,20/PT1H" as limits. */
  public static List<Limit> limits(List<String> texts) {
    List<Limit> limits = new ArrayList<>();
    for (String text : texts) {
      if (text != null && !text.isBlank()) {
        limits.add(Limit.parse(text));
      }
    }
    return limits;
  }
}
