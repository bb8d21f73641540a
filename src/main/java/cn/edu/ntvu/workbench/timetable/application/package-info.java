/**
 * Timetable use cases: the admin import of terms, calendar, period times and course meetings
 * (preview, then an all-or-nothing apply that replaces one term's timetable), the queries the views
 * stand on, who may see which timetable ({@link
 * cn.edu.ntvu.workbench.timetable.application.TimetablePolicy}), a day and a week as shown ({@link
 * cn.edu.ntvu.workbench.timetable.application.DayTimetable}, {@link
 * cn.edu.ntvu.workbench.timetable.application.WeekTimetable}) and the workbench badge.
 */
package cn.edu.ntvu.workbench.timetable.application;
