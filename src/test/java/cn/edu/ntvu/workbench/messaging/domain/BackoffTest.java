package cn.edu.ntvu.workbench.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
  final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(30));

  @Test
  void theCeilingDoublesPerAttemptUpToTheMaximum() {
    assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(160));
    assertThat(backoff.ceiling(9)).isEqualTo(Duration.ofMinutes(30)); // 2560 s capped
    assertThat(backoff.ceiling(1000)).isEqualTo(Duration.ofMinutes(30));
    assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void theDelayIsJitteredBetweenHalfTheCeilingAndTheCeiling() {
    RandomGenerator random = new SplittableRandom(7);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 2000; i++) {
      long d = backoff.delay(3, Duration.ZERO, random).toMillis();
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    assertThat(min).isGreaterThanOrEqualTo(20_000);
    assertThat(max).isLessThanOrEqualTo(40_000);
    // Spread over the range, not one value: servers that failed together come back apart.
    assertThat(max - min).isGreaterThan(15_000);
  }

  @Test
  void theDelayNeverUndercutsTheMinimum() {
    RandomGenerator lowest =
        new RandomGenerator() {
          @Override
          public long nextLong() {
            return 0;
          }

          @Override
          public double nextDouble() {
            return 0;
          }
        };
    assertThat(backoff.delay(1, Duration.ofSeconds(60), lowest)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.delay(1, Duration.ZERO, lowest)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
