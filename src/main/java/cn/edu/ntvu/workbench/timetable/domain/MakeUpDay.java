package cn.edu.ntvu.workbench.timetable.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * 调休: on {@code date} (usually a weekend) the classes of {@code follows} are taught — that date's
 * teaching week and weekday — because {@code follows} is a holiday. "Saturday 2026-09-26 follows
 * Tuesday 2026-10-06".
 */
public record MakeUpDay(LocalDate date, LocalDate follows, String note) {
  public MakeUpDay {
    Objects.requireNonNull(date, "date");
    if (follows == null) {
      throw new TimetableInputException("timetable.calendar.makeUpWithoutFollows", date);
    }
    if (follows.equals(date)) {
      throw new TimetableInputException("timetable.calendar.makeUpFollowsItself", date);
    }
    note = note == null ? "" : note.strip();
  }
}
