/**
 * The sync's tables in SQL (runs and items; each person's WeCom state), the directory as the sync
 * reads it, the background runner.
 */
package cn.edu.ntvu.workbench.contacts.infrastructure;
