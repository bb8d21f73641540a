/** Attendance values and rules: the marks, their cycle, merging changes, the edit window. */
package cn.edu.ntvu.workbench.attendance.domain;
