package cn.edu.ntvu.workbench.timetable.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every date and clock time on which a weekly meeting takes place in a term, by the same rules the
 * timetable views apply day by day: {@link AcademicCalendar#resolve} (holidays dropped, make-up
 * days added) and the period times in force on the date itself (a make-up Saturday in September
 * uses the September times, whatever date it follows). A date whose period-time set is missing or
 * too short has no clock time and is left out.
 */
public final class ClassOccurrences {
  private ClassOccurrences() {}

  /** In date order. */
  public static List<ClassOccurrence> of(
      AcademicCalendar calendar,
      PeriodTimeTable times,
      DayOfWeek weekday,
      PeriodRange periods,
      WeekPattern weeks) {
    Term term = calendar.term();
    List<ClassOccurrence> out = new ArrayList<>();
    for (LocalDate d = term.firstDay(); !d.isAfter(term.lastDay()); d = d.plusDays(1)) {
      Optional<TeachingDay> teaching = calendar.resolve(d).teaching();
      if (teaching.isEmpty()
          || teaching.get().weekday() != weekday
          || !weeks.contains(teaching.get().week())) {
        continue;
      }
      LocalDate taught = term.dateOf(teaching.get().week(), teaching.get().weekday());
      LocalDate date = d;
      times
          .clockTimes(d, periods)
          .ifPresent(t -> out.add(new ClassOccurrence(date, taught, t.start(), t.end())));
    }
    return List.copyOf(out);
  }
}
