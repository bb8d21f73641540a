package cn.edu.ntvu.workbench.messaging.domain;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * WeCom's per-member limits for application messages (docs/wecom-api.md §5.1): at most {@code
 * perMinute} messages in any 60 s and {@code perHour} in any hour to one member; WeCom silently
 * drops the excess. Given the times of a member's recent sends, says whether one more may go now
 * and, if not, from when. Windows slide: the limits hold for any 60 s, not per calendar minute.
 */
public record RecipientQuota(int perMinute, int perHour) {
  public static final Duration MINUTE = Duration.ofMinutes(1);
  public static final Duration HOUR = Duration.ofHours(1);

  public RecipientQuota {
    if (perMinute < 1 || perHour < perMinute) {
      throw new IllegalArgumentException("per-member limits need 1 ≤ per minute ≤ per hour");
    }
  }

  /**
   * Empty if one more message may be sent at {@code now}; otherwise the first moment it may.
   *
   * @param sends the member's sends in the last hour (any order; older ones are ignored)
   */
  public Optional<LocalDateTime> blockedUntil(List<LocalDateTime> sends, LocalDateTime now) {
    LocalDateTime free = null;
    for (Object[] window : new Object[][] {{MINUTE, perMinute}, {HOUR, perHour}}) {
      Duration length = (Duration) window[0];
      int limit = (Integer) window[1];
      LocalDateTime from = now.minus(length);
      List<LocalDateTime> inWindow = new ArrayList<>();
      for (LocalDateTime s : sends) {
        if (s.isAfter(from) && !s.isAfter(now)) {
          inWindow.add(s);
        }
      }
      if (inWindow.size() >= limit) {
        Collections.sort(inWindow);
        // One more is allowed once all but limit−1 of them have left the window.
        LocalDateTime until = inWindow.get(inWindow.size() - limit).plus(length);
        if (free == null || until.isAfter(free)) {
          free = until;
        }
      }
    }
    return Optional.ofNullable(free);
  }
}
