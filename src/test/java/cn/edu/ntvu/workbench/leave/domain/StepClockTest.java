package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Escalation's clock: wall hours against working hours (08:00–18:00 of the school's working days)
 * across a weekend, the 国庆 holiday and its 调休 make-up Saturday, and the stages.
 */
class StepClockTest {
  /** 国庆 2026-10-01..07 off; Saturday 2026-10-10 is a make-up working day. */
  static final Set<LocalDate> HOLIDAYS =
      Set.of(
          LocalDate.of(2026, 10, 1),
          LocalDate.of(2026, 10, 2),
          LocalDate.of(2026, 10, 3),
          LocalDate.of(2026, 10, 4),
          LocalDate.of(2026, 10, 5),
          LocalDate.of(2026, 10, 6),
          LocalDate.of(2026, 10, 7));

  static final LocalDate MAKE_UP = LocalDate.of(2026, 10, 10);

  static final Predicate<LocalDate> SCHOOL =
      d ->
          d.equals(MAKE_UP)
              || (!HOLIDAYS.contains(d)
                  && d.getDayOfWeek() != DayOfWeek.SATURDAY
                  && d.getDayOfWeek() != DayOfWeek.SUNDAY);

  static final StepClock WORKING =
      StepClock.working(LocalTime.of(8, 0), LocalTime.of(18, 0), SCHOOL);

  static LocalDateTime at(int month, int day, int hour, int minute) {
    return LocalDateTime.of(2026, month, day, hour, minute);
  }

  @Test
  void wallHoursCountEveryHour() {
    // Friday 17:00 to Monday 10:00
    assertThat(StepClock.wall().elapsed(at(11, 27, 17, 0), at(11, 30, 10, 0)))
        .isEqualTo(Duration.ofHours(65));
    assertThat(StepClock.wall().startedBy(at(11, 30, 10, 0), Duration.ofHours(24)))
        .isEqualTo(at(11, 29, 10, 0));
    assertThat(StepClock.wall().dueAt(at(11, 27, 17, 0), Duration.ofHours(4)))
        .isEqualTo(at(11, 27, 21, 0));
  }

  @Test
  void workingHoursSkipTheWeekendAndTheNights() {
    // Friday 17–18 and Monday 08–10
    assertThat(WORKING.elapsed(at(11, 27, 17, 0), at(11, 30, 10, 0)))
        .isEqualTo(Duration.ofHours(3));
    // opened on Saturday: nothing counts before Monday 08:00
    assertThat(WORKING.elapsed(at(11, 28, 9, 0), at(11, 30, 8, 30)))
        .isEqualTo(Duration.ofMinutes(30));
    // the night counts nothing
    assertThat(WORKING.elapsed(at(11, 25, 19, 0), at(11, 26, 7, 59))).isEqualTo(Duration.ZERO);
    assertThat(WORKING.elapsed(at(11, 26, 10, 0), at(11, 26, 9, 0))).isEqualTo(Duration.ZERO);
  }

  @Test
  void aHolidayCountsNothingAndAMakeUpSaturdayCounts() {
    // Wednesday 09-30 16–18 (2), 国庆 none, Thu 10-08 (10), Fri 10-09 (10), make-up Sat 10-10 08–12
    // (4)
    assertThat(WORKING.elapsed(at(9, 30, 16, 0), at(10, 10, 12, 0)))
        .isEqualTo(Duration.ofHours(26));
    // an ordinary Saturday (10-17) counts nothing
    assertThat(WORKING.elapsed(at(10, 16, 18, 0), at(10, 19, 8, 0))).isEqualTo(Duration.ZERO);
    // the wall clock would have escalated long before
    assertThat(StepClock.wall().elapsed(at(9, 30, 16, 0), at(10, 10, 12, 0)).toHours())
        .isEqualTo(236);
  }

  @Test
  void startedByIsTheInverseOfElapsed() {
    LocalDateTime now = at(10, 10, 12, 0);
    LocalDateTime cut = WORKING.startedBy(now, Duration.ofHours(24));
    // back over the make-up Saturday (4) and Friday (10) to Thursday 10-08 08:00 (10)
    assertThat(cut).isEqualTo(at(10, 8, 8, 0));
    assertThat(WORKING.elapsed(cut, now)).isEqualTo(Duration.ofHours(24));
    assertThat(WORKING.elapsed(cut.plusMinutes(1), now)).isLessThan(Duration.ofHours(24));
    // anything opened over the holiday or before it has waited at least as long
    assertThat(WORKING.elapsed(at(10, 3, 12, 0), now)).isGreaterThanOrEqualTo(Duration.ofHours(24));
    // across a weekend: Monday 10:00 minus 3 working hours is Friday 17:00
    assertThat(WORKING.startedBy(at(11, 30, 10, 0), Duration.ofHours(3)))
        .isEqualTo(at(11, 27, 17, 0));
  }

  @Test
  void dueAtSaysWhenTheWaitEnds() {
    // opened Friday 17:00, 4 working hours: 1 on Friday, 3 on Monday
    assertThat(WORKING.dueAt(at(11, 27, 17, 0), Duration.ofHours(4))).isEqualTo(at(11, 30, 11, 0));
    // opened the evening before the holiday: 24 working hours end on the make-up Saturday
    assertThat(WORKING.dueAt(at(9, 30, 19, 0), Duration.ofHours(24))).isEqualTo(at(10, 10, 12, 0));
    LocalDateTime from = at(9, 29, 9, 15);
    assertThat(WORKING.elapsed(from, WORKING.dueAt(from, Duration.ofHours(24))))
        .isEqualTo(Duration.ofHours(24));
  }

  @Test
  void stagesFollowTheTwoPeriods() {
    Duration first = Duration.ofHours(24);
    Duration second = Duration.ofHours(8);
    assertThat(StepClock.stage(Duration.ofHours(23).plusMinutes(59), first, second)).isZero();
    assertThat(StepClock.stage(Duration.ofHours(24), first, second)).isEqualTo(1);
    assertThat(StepClock.stage(Duration.ofHours(31), first, second)).isEqualTo(1);
    assertThat(StepClock.stage(Duration.ofHours(32), first, second)).isEqualTo(2);
    // in working hours the same step is not due yet where the wall clock says stage 2
    LocalDateTime opened = at(11, 27, 17, 0);
    LocalDateTime monday = at(11, 30, 10, 0);
    assertThat(StepClock.stage(StepClock.wall().elapsed(opened, monday), first, second))
        .isEqualTo(2);
    assertThat(StepClock.stage(WORKING.elapsed(opened, monday), first, second)).isZero();
  }
}
