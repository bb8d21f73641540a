/**
 * The timetable's web interface: Faces backing beans for the timetable pages and the calendar subscription feed
 * servlet ({@code /calendar/<token>.ics}).
 */
package cn.edu.ntvu.workbench.timetable.interfaces.web;
