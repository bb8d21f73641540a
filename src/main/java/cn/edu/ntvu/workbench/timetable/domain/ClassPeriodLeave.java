package cn.edu.ntvu.workbench.timetable.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * 按节请假: a leave for periods {@code first}–{@code last} of one day (a doctor's appointment during
 * 第3–4节) turned into the clock interval it covers, from the start of the first period to the end of
 * the last by that date's period times. Refused, with a key of the {@code i18n.timetable} bundle,
 * for a day without teaching (a holiday, outside the term), a day without a period-time set, and
 * periods outside that day's set. On a make-up day the periods are that day's own clock times;
 * which classes they miss follows the timetable the day teaches ({@link MissedClasses}).
 */
public record ClassPeriodLeave(
    LocalDate date, PeriodRange periods, LocalDateTime start, LocalDateTime end) {
  public ClassPeriodLeave {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(periods, "periods");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  /**
   * @throws TimetableInputException {@code timetable.periodLeave.holiday} (the holiday's name),
   *     {@code .outsideTerm}, {@code .noTimes}, {@code .reversed} (first, last) or {@code .beyond}
   *     (the period, the day's number of periods)
   */
  public static ClassPeriodLeave of(
      AcademicCalendar calendar, PeriodTimeTable times, LocalDate date, int first, int last) {
    Objects.requireNonNull(date, "date");
    DayResolution day = calendar.resolve(date);
    if (day.kind() == DayResolution.Kind.HOLIDAY) {
      throw new TimetableInputException(
          "timetable.periodLeave.holiday",
          day.noticeArgs().isEmpty() ? "" : day.noticeArgs().get(0));
    }
    if (day.teaching().isEmpty()) {
      throw new TimetableInputException("timetable.periodLeave.outsideTerm", date);
    }
    PeriodTimeSet set =
        times
            .setOn(date)
            .orElseThrow(() -> new TimetableInputException("timetable.periodLeave.noTimes", date));
    if (first < 1 || last < 1) {
      throw new TimetableInputException(
          "timetable.periodLeave.beyond", Math.min(first, last), set.size());
    }
    if (last < first) {
      throw new TimetableInputException("timetable.periodLeave.reversed", first, last);
    }
    if (last > set.size()) {
      throw new TimetableInputException("timetable.periodLeave.beyond", last, set.size());
    }
    return new ClassPeriodLeave(
        date,
        new PeriodRange(first, last - first + 1),
        date.atTime(set.start(first)),
        date.atTime(set.end(last)));
  }
}
