/** The attendance tables through the platform SQL helper. */
package cn.edu.ntvu.workbench.attendance.infrastructure;
