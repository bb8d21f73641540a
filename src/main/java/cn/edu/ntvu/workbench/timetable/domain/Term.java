package cn.edu.ntvu.workbench.timetable.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * 学期: a term such as {@code 2026-2027-1} (school year, then 1 autumn / 2 spring / 3 summer), the
 * Monday of its first teaching week (第1周) and its number of weeks. Week numbers are always computed
 * from these.
 */
public record Term(String code, LocalDate week1Monday, int weeks) {
  private static final Pattern CODE = Pattern.compile("(\\d{4})-(\\d{4})-([1-3])");

  public Term {
    code = code == null ? "" : code.strip();
    var m = CODE.matcher(code);
    if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
      throw new TimetableInputException("timetable.term.badCode", code);
    }
    if (week1Monday == null) {
      throw new TimetableInputException("timetable.term.noStart", code);
    }
    if (week1Monday.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new TimetableInputException(
          "timetable.term.startNotMonday",
          week1Monday,
          Weekdays.chineseName(week1Monday.getDayOfWeek()));
    }
    if (weeks < 1 || weeks > WeekPattern.MAX_WEEKS) {
      throw new TimetableInputException("timetable.term.badWeeks", weeks, WeekPattern.MAX_WEEKS);
    }
  }

  public LocalDate firstDay() {
    return week1Monday;
  }

  /** The Sunday of the last week. */
  public LocalDate lastDay() {
    return week1Monday.plusWeeks(weeks).minusDays(1);
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
  }

  /** 第N周 by the date alone (no holidays), empty outside the term. */
  public OptionalInt weekOf(LocalDate date) {
    if (!contains(date)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) (ChronoUnit.DAYS.between(week1Monday, date) / 7) + 1);
  }

  /** The date of a weekday in a teaching week. */
  public LocalDate dateOf(int week, DayOfWeek day) {
    if (week < 1 || week > weeks) {
      throw new IllegalArgumentException("week " + week + " outside 1.." + weeks + " of " + code);
    }
    return week1Monday.plusWeeks(week - 1L).plusDays(day.getValue() - 1L);
  }
}
