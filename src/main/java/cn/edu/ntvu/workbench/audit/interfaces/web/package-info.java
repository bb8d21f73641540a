/**
 * The admin's view of the audit log: {@code /admin/audit.xhtml} and its CSV export {@code
 * /admin/audit.csv}.
 */
package cn.edu.ntvu.workbench.audit.interfaces.web;
