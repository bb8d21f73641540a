/**
 * The tiles, the department tree and the uploaded icons in MariaDB, read without a transaction on
 * the hot path.
 */
package cn.edu.ntvu.workbench.portal.infrastructure;
