package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeTable;

/**
 * Everything about a term's time the views need besides the meetings: its calendar (week numbers, holidays,
 * make-up days) and the period times. Small, immutable and changed only by imports, so {@link
 * TimetableQueryService} keeps it per server for as long as the term's version stays the same.
 */
public record TermSchedule(long termId, AcademicCalendar calendar, PeriodTimeTable periodTimes) {}
