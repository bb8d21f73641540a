/**
 * 查课表: terms and their calendar, period times, course meetings and their import from the academic affairs
 * systems (正方 text, 金智 week bitmaps).
 */
package cn.edu.ntvu.workbench.timetable;
