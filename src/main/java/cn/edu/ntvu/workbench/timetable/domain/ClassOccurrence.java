package cn.edu.ntvu.workbench.timetable.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * 一次课: a meeting actually taking place on {@code date} from {@code start} to {@code end}. {@code
 * timetableDate} is the date whose timetable is taught — the same date, or for a make-up day (调休)
 * the holiday it stands in for.
 */
public record ClassOccurrence(
    LocalDate date, LocalDate timetableDate, LocalTime start, LocalTime end) {
  public ClassOccurrence {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(timetableDate, "timetableDate");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  /** Whether this class is taught on a make-up day instead of its own date. */
  public boolean isMakeUp() {
    return !date.equals(timetableDate);
  }
}
