/**
 * What WeCom sends to leave: the approve/reject buttons of its template cards, taken from the
 * callback event.
 */
package cn.edu.ntvu.workbench.leave.interfaces.wecom;
