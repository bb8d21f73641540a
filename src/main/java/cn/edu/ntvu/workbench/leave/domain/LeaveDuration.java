package cn.edu.ntvu.workbench.leave.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * How long a leave is: its minutes and its days counted in half days, as the school counts leave.
 * Every calendar day has a morning (before 12:00) and an afternoon (from 12:00); each half the
 * leave touches counts 0.5 days. So 08:00–12:00 is 0.5 days, 08:00–17:00 is 1 day, Monday 14:00 to
 * Tuesday 10:00 is 1 day.
 */
public record LeaveDuration(long minutes, BigDecimal days) {
  static final LocalTime NOON = LocalTime.NOON;

  /**
   * The duration from {@code start} to {@code end}; zero when {@code end} is not after {@code
   * start}.
   */
  public static LeaveDuration between(LocalDateTime start, LocalDateTime end) {
    if (start == null || end == null || !end.isAfter(start)) {
      return new LeaveDuration(0, BigDecimal.ZERO.setScale(1));
    }
    long minutes = Duration.between(start, end).toMinutes();
    LocalDate first = start.toLocalDate();
    // A leave ending at midnight ends with the day before.
    LocalDate last =
        end.toLocalTime().equals(LocalTime.MIDNIGHT)
            ? end.toLocalDate().minusDays(1)
            : end.toLocalDate();
    long halves = halvesOn(first, start, end);
    if (last.isAfter(first)) {
      halves += 2 * (ChronoUnit.DAYS.between(first, last) - 1) + halvesOn(last, start, end);
    }
    return new LeaveDuration(
        minutes, BigDecimal.valueOf(halves).divide(BigDecimal.valueOf(2)).setScale(1));
  }

  private static long halvesOn(LocalDate d, LocalDateTime start, LocalDateTime end) {
    LocalDateTime noon = d.atTime(NOON);
    return (overlaps(start, end, d.atStartOfDay(), noon) ? 1 : 0)
        + (overlaps(start, end, noon, d.plusDays(1).atStartOfDay()) ? 1 : 0);
  }

  private static boolean overlaps(
      LocalDateTime s, LocalDateTime e, LocalDateTime from, LocalDateTime to) {
    return s.isBefore(to) && e.isAfter(from);
  }

  public boolean isZero() {
    return minutes == 0;
  }

  /** Days without a trailing ".0": {@code 1}, {@code 1.5}. */
  public String daysText() {
    return days.stripTrailingZeros().toPlainString();
  }

  /** Whole hours and the minutes left, e.g. 33 h 0 min as {@code [33, 0]}. */
  public long hours() {
    return minutes / 60;
  }

  public long minutesOfHour() {
    return minutes % 60;
  }
}
