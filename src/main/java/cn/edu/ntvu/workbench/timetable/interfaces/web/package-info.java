/**
 * The 查课表 pages under {@code /timetable/}: today, a week and a course's details, for phones at 360 px. Request
 * scoped, stateless views (no forms), each asking the database at most four times; no transaction (EclipseLink
 * would read outside it anyway, and the XA data source would add XA START/END/COMMIT to every page).
 */
package cn.edu.ntvu.workbench.timetable.interfaces.web;
