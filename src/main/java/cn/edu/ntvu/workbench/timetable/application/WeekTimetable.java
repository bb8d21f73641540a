package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.DayResolution;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTime;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeSet;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;

/**
 * 第N周 of a term for someone: its seven days, Monday first, and the periods the week grid has rows
 * for, with the clock times of the set in force at the start of the week.
 */
public record WeekTimetable(
    Term term, int week, List<DayTimetable> days, List<PeriodTime> periods) {
  public WeekTimetable {
    days = List.copyOf(days);
    periods = List.copyOf(periods);
  }

  /**
   * @throws IllegalArgumentException when the term has no week {@code week}; check {@link #exists}
   *     first
   */
  public static WeekTimetable of(TermSchedule schedule, int week, List<TimetableEntry> meetings) {
    Term term = schedule.calendar().term();
    if (!exists(term, week)) {
      throw new IllegalArgumentException(
          "week " + week + " outside 1.." + term.weeks() + " of " + term.code());
    }
    List<DayTimetable> days =
        Arrays.stream(DayOfWeek.values())
            .map(d -> DayTimetable.of(schedule, term.dateOf(week, d), meetings))
            .toList();
    List<PeriodTime> periods =
        days.stream()
            .map(d -> schedule.periodTimes().setOn(d.date()))
            .flatMap(java.util.Optional::stream)
            .findFirst()
            .map(PeriodTimeSet::periods)
            .orElse(List.of());
    return new WeekTimetable(term, week, days, periods);
  }

  public static boolean exists(Term term, int week) {
    return week >= 1 && week <= term.weeks();
  }

  public boolean hasPrevious() {
    return week > 1;
  }

  public boolean hasNext() {
    return week < term.weeks();
  }

  /**
   * Monday to Friday, and Saturday and Sunday when something happens on them: a class or a make-up
   * day.
   */
  public List<DayTimetable> shownDays() {
    boolean weekend =
        days.subList(5, 7).stream()
            .anyMatch(d -> d.hasClasses() || d.resolution().kind() == DayResolution.Kind.MAKE_UP);
    return weekend ? days : days.subList(0, 5);
  }

  /** How many period rows the grid needs: the periods of the set, or more if a class ends later. */
  public int periodCount() {
    int latest =
        days.stream()
            .flatMap(d -> d.classes().stream())
            .mapToInt(s -> s.entry().periods().last())
            .max()
            .orElse(0);
    return Math.max(periods.size(), latest);
  }
}
