package cn.edu.ntvu.workbench.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final Recent<Integer> recent = new Recent<>(Duration.ofSeconds(1), now::get);
  private final AtomicInteger reads = new AtomicInteger();

  private Integer read() {
    return reads.incrementAndGet();
  }

  @Test
  void reusesTheValueWithinMaxAgeAndReadsAgainAfter() {
    assertThat(recent.get(this::read)).isEqualTo(1);
    now.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(recent.get(this::read)).isEqualTo(1);
    now.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(recent.get(this::read)).isEqualTo(2);
    assertThat(reads).hasValue(2);
  }

  @Test
  void forgetMakesTheNextGetRead() {
    recent.get(this::read);
    recent.forget();
    assertThat(recent.get(this::read)).isEqualTo(2);
    assertThat(recent.get(this::read)).isEqualTo(2);
  }

  @Test
  void aReadOverlappingAForgetIsNotKept() {
    // The read began before the change committed (and forget ran): its value may be stale, so it is
    // not cached.
    Integer value =
        recent.get(
            () -> {
              recent.forget();
              return 41;
            });
    assertThat(value).isEqualTo(41);
    assertThat(recent.get(this::read)).isEqualTo(1);
    assertThat(recent.get(this::read)).isEqualTo(1);
  }
}
