package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeTable;

/**
 * Everything about a term's time the views need besides the meetings: its calendar (week numbers, holidays,
 * make-up days) and the period times. Small and changed only by imports, so a view may keep it per request.
 */
public record TermSchedule(long termId, AcademicCalendar calendar, PeriodTimeTable periodTimes) {}
