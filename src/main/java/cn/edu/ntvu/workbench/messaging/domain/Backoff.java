package cn.edu.ntvu.workbench.messaging.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to try a message again after a failed attempt: exponential back-off with jitter. After
 * attempt {@code n} the ceiling is {@code base · 2^(n−1)}, capped at {@code max}; the delay is
 * drawn between half the ceiling and the whole of it, so that servers that failed together do not
 * come back together. A minimum applies on top (WeCom's 45009 blocks for at least 60 s,
 * docs/wecom-api.md §2.3).
 */
public record Backoff(Duration base, Duration max) {

  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("back-off needs 0 < base ≤ max");
    }
  }

  /** The ceiling after {@code attempts} failed attempts (1 = the first failure). */
  public Duration ceiling(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 40));
    long millis = base.toMillis();
    for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }

  /**
   * The delay before the next attempt: between half the ceiling and the ceiling, at least {@code
   * atLeast}.
   */
  public Duration delay(int attempts, Duration atLeast, RandomGenerator random) {
    long ceiling = ceiling(attempts).toMillis();
    long drawn = ceiling / 2 + (long) (random.nextDouble() * (ceiling - ceiling / 2));
    return Duration.ofMillis(Math.max(drawn, atLeast == null ? 0 : atLeast.toMillis()));
  }
}
