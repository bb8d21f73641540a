/**
 * The audit log (审计日志): an append-only record of every admin change — who, when, through which
 * sign-in path, on what, and which fields changed from what to what. {@link
 * cn.edu.ntvu.workbench.platform.audit.AuditTrail} writes an entry inside the change's own
 * transaction; {@link cn.edu.ntvu.workbench.platform.audit.AuditLog} reads them back.
 */
package cn.edu.ntvu.workbench.platform.audit;
