package cn.edu.ntvu.workbench.timetable.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * 校历: a term with its holidays and make-up days (调休). Answers the question every view asks: on this
 * date, which teaching week and weekday's meetings take place?
 *
 * <p>Rules: a holiday has no classes, even on a weekday. A make-up day teaches the meetings of the
 * date it follows (that date's week and weekday), wherever in the term it falls. Any other day of a
 * teaching week, Saturday and Sunday included, teaches its own weekday's meetings: most schools
 * have none at weekends, some do.
 */
public final class AcademicCalendar {
  private final Term term;
  private final Map<LocalDate, Holiday> holidays = new TreeMap<>();
  private final Map<LocalDate, MakeUpDay> makeUpDays = new TreeMap<>();

  /**
   * @throws TimetableInputException when a date is both a holiday and a make-up day, a date appears
   *     twice, or a make-up day or the date it follows lies outside the term
   */
  public AcademicCalendar(
      Term term, Collection<Holiday> holidays, Collection<MakeUpDay> makeUpDays) {
    this.term = term;
    for (Holiday h : holidays) {
      if (this.holidays.put(h.date(), h) != null) {
        throw new TimetableInputException("timetable.calendar.duplicateDate", h.date());
      }
    }
    for (MakeUpDay m : makeUpDays) {
      if (this.holidays.containsKey(m.date()) || this.makeUpDays.put(m.date(), m) != null) {
        throw new TimetableInputException("timetable.calendar.duplicateDate", m.date());
      }
      if (!term.contains(m.date())) {
        throw new TimetableInputException("timetable.calendar.outsideTerm", m.date(), term.code());
      }
      if (!term.contains(m.follows())) {
        throw new TimetableInputException(
            "timetable.calendar.followsOutsideTerm", m.follows(), term.code());
      }
    }
    for (MakeUpDay m : this.makeUpDays.values()) {
      if (this.makeUpDays.containsKey(m.follows())) {
        throw new TimetableInputException(
            "timetable.calendar.followsMakeUpDay", m.date(), m.follows());
      }
    }
  }

  /** A calendar without holidays. */
  public static AcademicCalendar plain(Term term) {
    return new AcademicCalendar(term, List.of(), List.of());
  }

  public Term term() {
    return term;
  }

  public Collection<Holiday> holidays() {
    return List.copyOf(holidays.values());
  }

  public Collection<MakeUpDay> makeUpDays() {
    return List.copyOf(makeUpDays.values());
  }

  /**
   * 第N周: the teaching week a date lies in, by date (a holiday week is still that week); empty
   * outside the term. Never stored, so it cannot drift from the calendar.
   */
  public OptionalInt currentWeek(LocalDate date) {
    return term.weekOf(date);
  }

  /** Which meetings take place on {@code date}, with the notice the views show. */
  public DayResolution resolve(LocalDate date) {
    MakeUpDay makeUp = makeUpDays.get(date);
    if (makeUp != null) {
      LocalDate f = makeUp.follows();
      TeachingDay day = new TeachingDay(term.weekOf(f).getAsInt(), f.getDayOfWeek());
      return new DayResolution(
          date,
          DayResolution.Kind.MAKE_UP,
          Optional.of(day),
          "timetable.notice.makeUp",
          List.of(
              Weekdays.chineseName(f.getDayOfWeek()),
              f.toString(),
              String.valueOf(day.week()),
              makeUp.note()));
    }
    Holiday holiday = holidays.get(date);
    if (holiday != null) {
      return new DayResolution(
          date,
          DayResolution.Kind.HOLIDAY,
          Optional.empty(),
          "timetable.notice.holiday",
          List.of(holiday.name()));
    }
    OptionalInt week = term.weekOf(date);
    if (week.isEmpty()) {
      return new DayResolution(
          date, DayResolution.Kind.OUTSIDE_TERM, Optional.empty(), null, List.of());
    }
    return new DayResolution(
        date,
        DayResolution.Kind.TEACHING,
        Optional.of(new TeachingDay(week.getAsInt(), date.getDayOfWeek())),
        null,
        List.of());
  }

  /**
   * The seven days (Monday first) of teaching week {@code week}, resolved; what the week view
   * shows.
   */
  public List<DayResolution> week(int week) {
    List<DayResolution> out = new ArrayList<>(7);
    for (DayOfWeek d : DayOfWeek.values()) {
      out.add(resolve(term.dateOf(week, d)));
    }
    return out;
  }
}
