package cn.edu.ntvu.workbench.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * WeCom's per-member limits, ≤30/min and ≤1000/hour (docs/wecom-api.md §5.1), as sliding windows.
 */
class RecipientQuotaTest {
  final RecipientQuota quota = new RecipientQuota(30, 1000);
  final LocalDateTime now = LocalDateTime.of(2026, 11, 25, 10, 20, 0);

  private static List<LocalDateTime> every(LocalDateTime first, long stepMillis, int count) {
    List<LocalDateTime> times = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      times.add(first.plusNanos(stepMillis * 1_000_000L * i));
    }
    return times;
  }

  @Test
  void the30thInAMinuteMayGoThe31stWaitsUntilTheOldestLeavesTheWindow() {
    List<LocalDateTime> sends = every(now.minusSeconds(50), 1000, 29); // 29 sends in the last 50 s
    assertThat(quota.blockedUntil(sends, now)).isEmpty();
    sends.add(now);
    assertThat(quota.blockedUntil(sends, now)).contains(now.minusSeconds(50).plusMinutes(1));
  }

  @Test
  void theWindowSlidesRatherThanResettingOnTheMinute() {
    // 30 sends in the last second of one calendar minute: the next minute does not start a fresh
    // count.
    List<LocalDateTime> sends = every(LocalDateTime.of(2026, 11, 25, 10, 19, 59), 10, 30);
    LocalDateTime justAfter = LocalDateTime.of(2026, 11, 25, 10, 20, 0, 500_000_000);
    assertThat(quota.blockedUntil(sends, justAfter))
        .contains(LocalDateTime.of(2026, 11, 25, 10, 20, 59));
    assertThat(quota.blockedUntil(sends, LocalDateTime.of(2026, 11, 25, 10, 21, 0))).isEmpty();
  }

  @Test
  void sendsOlderThanTheWindowDoNotCount() {
    List<LocalDateTime> sends = every(now.minusMinutes(5), 100, 200);
    assertThat(quota.blockedUntil(sends, now)).isEmpty();
  }

  @Test
  void aThousandInAnHourBlockUntilTheOldestIsAnHourOld() {
    // 1000 sends spread over the last 59 minutes, never more than 30 in a minute.
    List<LocalDateTime> sends = every(now.minusMinutes(59), 3_540, 1000);
    Collections.shuffle(sends);
    assertThat(quota.blockedUntil(sends, now)).contains(now.minusMinutes(59).plusHours(1));
  }

  @Test
  void bothLimitsTheLaterWins() {
    List<LocalDateTime> sends = new ArrayList<>(every(now.minusMinutes(59), 3_000, 970));
    sends.addAll(every(now.minusSeconds(30), 100, 30));
    assertThat(quota.blockedUntil(sends, now)).contains(now.minusMinutes(59).plusHours(1));
  }
}
