/**
 * 考勤 (attendance): a teacher's roll call (点名) of one meeting occurrence, with the students on
 * approved leave already marked 请假; marks kept per (occurrence, student) with their history. See
 * docs/attendance.md.
 */
package cn.edu.ntvu.workbench.attendance;
