package cn.edu.ntvu.workbench.leave.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How long a step has been waiting, by the clock the school counts escalation in: wall hours (every
 * hour of every day) or working hours (only {@code dayStart}–{@code dayEnd} of the days {@code
 * workingDay} accepts — Monday to Friday except holidays, plus 调休 make-up days, as the school
 * calendar says). Pure: the caller gives the calendar as a predicate.
 *
 * <p>{@link #elapsed} answers "how long has it waited"; {@link #startedBy} answers the inverse the
 * escalation job needs: the latest opening time that has waited at least {@code d} by {@code now} —
 * so one query ({@code opened_at <= ?}) finds every step due, whatever their number.
 */
public final class StepClock {
  /** How many days {@link #startedBy} looks back at most (a step waiting longer is due anyway). */
  static final int MAX_DAYS_BACK = 800;

  private final boolean working;
  private final LocalTime dayStart;
  private final LocalTime dayEnd;
  private final Predicate<LocalDate> workingDay;

  private StepClock(
      boolean working, LocalTime dayStart, LocalTime dayEnd, Predicate<LocalDate> workingDay) {
    this.working = working;
    this.dayStart = Objects.requireNonNull(dayStart);
    this.dayEnd = Objects.requireNonNull(dayEnd);
    this.workingDay = Objects.requireNonNull(workingDay);
    if (!dayStart.isBefore(dayEnd)) {
      throw new IllegalArgumentException("working day ends before it starts: " + dayStart);
    }
  }

  /** Every hour counts. */
  public static StepClock wall() {
    return new StepClock(false, LocalTime.MIN, LocalTime.MAX, d -> true);
  }

  /** Only {@code start}–{@code end} of the working days count. */
  public static StepClock working(LocalTime start, LocalTime end, Predicate<LocalDate> workingDay) {
    return new StepClock(true, start, end, workingDay);
  }

  public boolean countsWorkingHours() {
    return working;
  }

  /** The time counted between {@code from} and {@code to} (zero when {@code to} is not after). */
  public Duration elapsed(LocalDateTime from, LocalDateTime to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (!working) {
      return Duration.between(from, to);
    }
    Duration total = Duration.ZERO;
    for (LocalDate d = from.toLocalDate(); !d.isAfter(to.toLocalDate()); d = d.plusDays(1)) {
      total = total.plus(onDay(d, from, to));
    }
    return total;
  }

  /**
   * The latest opening time {@code t} with {@code elapsed(t, now) >= d}: every step opened at or
   * before it has waited {@code d}. For working hours, the start of the counted hour it falls in.
   */
  public LocalDateTime startedBy(LocalDateTime now, Duration d) {
    if (!working) {
      return now.minus(d);
    }
    Duration left = d;
    for (int i = 0; i <= MAX_DAYS_BACK; i++) {
      LocalDate day = now.toLocalDate().minusDays(i);
      if (!workingDay.test(day)) {
        continue;
      }
      LocalDateTime start = day.atTime(dayStart);
      LocalDateTime end = min(day.atTime(dayEnd), now);
      if (!end.isAfter(start)) {
        continue;
      }
      Duration here = Duration.between(start, end);
      if (here.compareTo(left) >= 0) {
        return end.minus(left);
      }
      left = left.minus(here);
    }
    return now.minusDays(MAX_DAYS_BACK + 1L);
  }

  /** When a step opened at {@code from} will have waited {@code d} (the page's "可催办" time). */
  public LocalDateTime dueAt(LocalDateTime from, Duration d) {
    if (!working) {
      return from.plus(d);
    }
    Duration left = d;
    for (int i = 0; i <= MAX_DAYS_BACK; i++) {
      LocalDate day = from.toLocalDate().plusDays(i);
      if (!workingDay.test(day)) {
        continue;
      }
      LocalDateTime start = max(day.atTime(dayStart), from);
      LocalDateTime end = day.atTime(dayEnd);
      if (!end.isAfter(start)) {
        continue;
      }
      Duration here = Duration.between(start, end);
      if (here.compareTo(left) >= 0) {
        return start.plus(left);
      }
      left = left.minus(here);
    }
    return from.plusDays(MAX_DAYS_BACK + 1L);
  }

  private Duration onDay(LocalDate d, LocalDateTime from, LocalDateTime to) {
    if (!workingDay.test(d)) {
      return Duration.ZERO;
    }
    LocalDateTime start = max(d.atTime(dayStart), from);
    LocalDateTime end = min(d.atTime(dayEnd), to);
    return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
  }

  private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * The escalation stage a step has reached after waiting {@code waited}: 0 none, 1 the approvers
   * and the fallback approver told (after {@code first}), 2 the fallback approver may decide (after
   * {@code first + second}).
   */
  public static int stage(Duration waited, Duration first, Duration second) {
    if (waited.compareTo(first.plus(second)) >= 0) {
      return 2;
    }
    return waited.compareTo(first) >= 0 ? 1 : 0;
  }
}
