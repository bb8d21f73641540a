/** Roll call: opening a roster, submitting marks; the SPI the leave context implements. */
package cn.edu.ntvu.workbench.attendance.application;
