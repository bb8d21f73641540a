package cn.edu.ntvu.workbench.platform.time;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Whether a background job's last run (kept in its claim row, so that several servers run it once per period) still
 * holds the next one off. A last run further ahead of the school clock than the period was written by a clock that
 * has since moved back — a dev run started with another {@code DEV_CLOCK} on the same data folder — and must not hold
 * the job up until the school clock catches up with it (days, for the demo term).
 */
public final class RecentRun {
  private RecentRun() {}

  /** True when {@code last} is within {@code gap} of {@code now}, before or (clock skew between servers) after. */
  public static boolean holdsOff(LocalDateTime last, LocalDateTime now, Duration gap) {
    return last != null && last.isAfter(now.minus(gap)) && !last.isAfter(now.plus(gap));
  }
}
