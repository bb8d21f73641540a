package cn.edu.ntvu.workbench.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RecentRunTest {
  private static final LocalDateTime NOW = LocalDateTime.parse("2026-11-25T10:20");
  private static final Duration GAP = Duration.ofMinutes(4);

  @Test
  void aRunWithinThePeriodHoldsTheNextOffAndAnOlderOneDoesNot() {
    assertThat(RecentRun.holdsOff(null, NOW, GAP)).isFalse();
    assertThat(RecentRun.holdsOff(NOW.minusMinutes(3), NOW, GAP)).isTrue();
    assertThat(RecentRun.holdsOff(NOW.minusMinutes(5), NOW, GAP)).isFalse();
    // Another server's clock a little ahead: still the same period.
    assertThat(RecentRun.holdsOff(NOW.plusSeconds(30), NOW, GAP)).isTrue();
  }

  @Test
  void aRunRecordedByAClockThatHasSinceMovedBackDoesNotHoldTheJobUp() {
    // The data folder was last run on the real date; today's run starts with DEV_CLOCK in the demo term.
    assertThat(RecentRun.holdsOff(LocalDateTime.parse("2026-12-06T03:35"), NOW, GAP)).isFalse();
  }
}
