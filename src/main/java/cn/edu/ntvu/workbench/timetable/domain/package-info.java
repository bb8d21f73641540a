/**
 * The timetable's rules as plain values: {@link cn.edu.ntvu.workbench.timetable.domain.WeekPattern}
 * (上课周次), {@link cn.edu.ntvu.workbench.timetable.domain.PeriodRange} (节次), {@link
 * cn.edu.ntvu.workbench.timetable.domain.Term} (学期), the {@link
 * cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar} with holidays and make-up days (调休),
 * period times (作息时间) and {@link cn.edu.ntvu.workbench.timetable.domain.CourseMeeting}; and their
 * JPA entities ({@code TermRecord}, {@code CalendarDayRecord}, {@code PeriodTimeRecord}, {@code
 * CourseMeetingRecord}), which map the rows and convert to and from the values (the persistence
 * rule: aggregates are entities, in the domain).
 */
package cn.edu.ntvu.workbench.timetable.domain;
