/**
 * 查课表: terms and their calendar, period times, course meetings and their import from the academic
 * affairs systems (正方 text, 金智 week bitmaps), and the pages that show a day, a week or a course to
 * whoever may see it.
 */
package cn.edu.ntvu.workbench.timetable;
