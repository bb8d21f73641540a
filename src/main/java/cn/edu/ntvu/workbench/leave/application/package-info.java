/**
 * Leave use cases, each one transaction with its timeline event and its queued WeCom messages:
 * submit, decide (page, card button, batch), withdraw, 销假, the overdue job, and the queries of the
 * pages.
 */
package cn.edu.ntvu.workbench.leave.application;
