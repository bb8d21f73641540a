/**
 * The database: the data source, schema migrations (Flyway) at start-up ({@code SchemaReady}), and
 * {@link cn.edu.ntvu.workbench.platform.persistence.Sql}, the one helper every store writes its SQL
 * through.
 */
package cn.edu.ntvu.workbench.platform.persistence;
