/** The database: the data source, schema migrations (Flyway) and start-up. */
package cn.edu.ntvu.workbench.platform.persistence;
