package cn.edu.ntvu.workbench.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchoolClockTest {
  @Test
  void withoutADevClockItIsTheSystemClockInShanghai() {
    MutableClock system = new MutableClock();
    Clock clock = SchoolClock.of(Optional.empty(), system.withZone(SchoolClock.ZONE));
    assertThat(clock.instant()).isEqualTo(system.instant());
  }

  @Test
  void aDevClockStartsAtItsLocalTimeInShanghaiAndRunsOn() {
    MutableClock system = new MutableClock();
    Clock clock = SchoolClock.of(Optional.of(LocalDateTime.parse("2026-11-25T10:20")), system);

    assertThat(LocalDateTime.ofInstant(clock.instant(), SchoolClock.ZONE))
        .isEqualTo("2026-11-25T10:20");
    system.advance(Duration.ofMinutes(7));
    assertThat(LocalDateTime.ofInstant(clock.instant(), SchoolClock.ZONE))
        .isEqualTo("2026-11-25T10:27");
  }
}
