/**
 * The timetable's web interface: Faces backing beans for the timetable pages, the calendar subscription feed
 * servlet ({@code /calendar/<token>.ics}), and the admin import page of terms, calendar, period times and
 * timetables with its sample files.
 */
package cn.edu.ntvu.workbench.timetable.interfaces.web;
