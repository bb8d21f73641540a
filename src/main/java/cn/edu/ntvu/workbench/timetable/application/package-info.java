/**
 * Timetable use cases: the admin import of terms, calendar, period times and course meetings (preview, then an
 * all-or-nothing apply that replaces one term's timetable) and the queries the views stand on.
 */
package cn.edu.ntvu.workbench.timetable.application;
