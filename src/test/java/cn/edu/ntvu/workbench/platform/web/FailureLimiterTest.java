package cn.edu.ntvu.workbench.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FailureLimiterTest {
  private long now = 1_000_000_000L;

  private FailureLimiter limiter(int burst, int perMinute, int maxTracked) {
    return new FailureLimiter(
        burst, perMinute, maxTracked, TimeUnit.MINUTES.toNanos(10), () -> now);
  }

  private void advanceSeconds(double s) {
    now += (long) (s * 1e9);
  }

  @Test
  void anAddressMayFailBurstTimesThenWaitsForTheRefill() {
    FailureLimiter l = limiter(5, 6, 100);
    for (int i = 0; i < 5; i++) {
      assertThat(l.check("10.0.0.1").allowed()).as("attempt " + i).isTrue();
      l.failure("10.0.0.1");
    }
    FailureLimiter.Decision refused = l.check("10.0.0.1");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(10); // 6 a minute: one every 10 s
    // Another address is not touched.
    assertThat(l.check("10.0.0.2").allowed()).isTrue();
    advanceSeconds(9);
    assertThat(l.check("10.0.0.1").allowed()).isFalse();
    assertThat(l.check("10.0.0.1").retryAfterSeconds()).isEqualTo(1);
    advanceSeconds(1);
    assertThat(l.check("10.0.0.1").allowed()).isTrue();
    l.failure("10.0.0.1");
    assertThat(l.check("10.0.0.1").allowed()).as("one token back, one used").isFalse();
    // In the long run: at most the refill rate, however fast the attempts come.
    int allowed = 0;
    for (int i = 0; i < 600; i++) { // one attempt every 100 ms for a minute
      advanceSeconds(0.1);
      if (l.check("10.0.0.1").allowed()) {
        allowed++;
        l.failure("10.0.0.1");
      }
    }
    assertThat(allowed).isBetween(5, 7);
  }

  @Test
  void refusalsCostNothingAndAQuietAddressIsForgivenFully() {
    FailureLimiter l = limiter(3, 60, 100);
    for (int i = 0; i < 3; i++) {
      l.failure("a");
    }
    for (int i = 0; i < 1000; i++) {
      assertThat(l.check("a").allowed()).isFalse();
    }
    advanceSeconds(1);
    assertThat(l.check("a").allowed()).isTrue();
    advanceSeconds(3600);
    for (int i = 0; i < 3; i++) {
      assertThat(l.check("a").allowed()).isTrue();
      l.failure("a");
    }
    assertThat(l.check("a").allowed())
        .as("the bucket holds the burst, not an hour of refill")
        .isFalse();
  }

  @Test
  void refusalsAreReportedOncePerPeriodWithTheirCount() {
    FailureLimiter l = limiter(1, 1, 100);
    l.failure("a");
    FailureLimiter.Decision first = l.check("a");
    assertThat(first.report()).isEqualTo(new FailureLimiter.Report("a", 1));
    for (int i = 0; i < 50; i++) {
      assertThat(l.check("a").report()).isNull();
    }
    advanceSeconds(30);
    assertThat(l.check("a").report()).isNull();
    advanceSeconds(10 * 60);
    l.failure("a"); // back for more after the refill
    FailureLimiter.Decision later = l.check("a");
    assertThat(later.allowed()).isFalse();
    assertThat(later.report()).isEqualTo(new FailureLimiter.Report("a", 52));
  }

  @Test
  void trackedAddressesAreBoundedLeastRecentFirst() {
    FailureLimiter l = limiter(1, 1, 3);
    l.failure("a");
    l.failure("b");
    l.failure("c");
    assertThat(l.check("a").allowed()).isFalse(); // a is now the most recently seen
    l.failure("d"); // b, the least recently seen, goes
    assertThat(l.tracked()).isEqualTo(3);
    assertThat(l.check("b").allowed()).isTrue();
    assertThat(l.check("a").allowed()).isFalse();
    for (int i = 0; i < 10_000; i++) {
      l.failure("x" + i);
    }
    assertThat(l.tracked()).isEqualTo(3);
  }
}
