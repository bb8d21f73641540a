/** The roll-call page. */
package cn.edu.ntvu.workbench.attendance.interfaces.web;
