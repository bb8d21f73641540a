/**
 * Leave rules as plain values: {@link cn.edu.ntvu.workbench.leave.domain.LeaveDuration} (half
 * days), {@link cn.edu.ntvu.workbench.leave.domain.Routing} over {@link
 * cn.edu.ntvu.workbench.leave.domain.RoutingRule}s, the form's checks ({@link
 * cn.edu.ntvu.workbench.leave.domain.LeaveForm}) and the card keys. No persistence here.
 */
package cn.edu.ntvu.workbench.leave.domain;
