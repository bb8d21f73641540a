/**
 * The timetable's web interface: the 查课表 pages under {@code /timetable/} (today, a week, a course's
 * details; request-scoped stateless views, at most four database reads each, no transaction —
 * EclipseLink would read outside it anyway and the XA data source would add XA START/END/COMMIT to
 * every page), the calendar subscription page and feed servlet ({@code /calendar/<token>.ics}), and
 * the admin import page with its sample files.
 */
package cn.edu.ntvu.workbench.timetable.interfaces.web;
