/**
 * The outbox's tables (claims with leases, the per-person send log) and the background worker
 * threads.
 */
package cn.edu.ntvu.workbench.messaging.infrastructure;
