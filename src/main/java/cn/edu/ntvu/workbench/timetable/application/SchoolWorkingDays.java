package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.DayResolution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which dates the school works on, by its calendar (校历): a 调休 make-up day is a working day (usually
 * a Saturday), a holiday (放假) is not, and any other day is one from Monday to Friday — outside a
 * term too (staff work in the vacations). Other contexts count working hours with it (leave's
 * escalation, issue 18). The terms and their calendars are {@link TimetableQueryService}'s, read at
 * most once a second per server.
 */
@ApplicationScoped
public class SchoolWorkingDays {
  @Inject TimetableQueryService terms;

  /** Whether {@code date} is a working day. */
  public boolean isWorkingDay(LocalDate date) {
    Optional<TermSchedule> t = terms.termOn(date);
    if (t.isPresent()) {
      DayResolution.Kind kind = t.get().calendar().resolve(date).kind();
      if (kind == DayResolution.Kind.MAKE_UP) {
        return true;
      }
      if (kind == DayResolution.Kind.HOLIDAY) {
        return false;
      }
    }
    DayOfWeek w = date.getDayOfWeek();
    return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
  }

  /**
   * {@link #isWorkingDay} remembering each date it was asked: for one job run or one page, which
   * asks about the same few days many times. Not to be kept beyond that.
   */
  public Predicate<LocalDate> remembering() {
    Map<LocalDate, Boolean> seen = new HashMap<>();
    return d -> seen.computeIfAbsent(d, this::isWorkingDay);
  }
}
