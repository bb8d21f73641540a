package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeTable;

/**
 * Everything about a term's time the views need besides the meetings: its calendar (week numbers,
 * holidays, make-up days) and the period times. Small, immutable and changed only by imports, so
 * {@link TimetableQueryService} keeps it per server for as long as the term's version stays the
 * same; {@code version} is the term version it was read at, which also keys the meetings cached per
 * server.
 */
public record TermSchedule(
    long termId, int version, AcademicCalendar calendar, PeriodTimeTable periodTimes) {

  /** A schedule at version 0 (tests and values built by hand). */
  public TermSchedule(long termId, AcademicCalendar calendar, PeriodTimeTable periodTimes) {
    this(termId, 0, calendar, periodTimes);
  }
}
