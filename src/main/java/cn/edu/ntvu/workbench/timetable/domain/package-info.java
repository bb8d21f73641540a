/**
 * The timetable's rules as plain values: {@link cn.edu.ntvu.workbench.timetable.domain.WeekPattern} (上课周次),
 * {@link cn.edu.ntvu.workbench.timetable.domain.PeriodRange} (节次), {@link
 * cn.edu.ntvu.workbench.timetable.domain.Term} (学期), the {@link
 * cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar} with holidays and make-up days (调休), period times
 * (作息时间) and {@link cn.edu.ntvu.workbench.timetable.domain.CourseMeeting}. No persistence here.
 */
package cn.edu.ntvu.workbench.timetable.domain;
