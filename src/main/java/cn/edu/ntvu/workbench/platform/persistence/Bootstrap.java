package cn.edu.ntvu.workbench.platform.persistence;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Start-up in order: validate the settings (a missing or wrong key stops deployment with its name),
 * migrate the schema with Flyway (safe with several servers starting at once: Flyway locks), then
 * tell the composition root (which imports a new school's first data from {@code app.seed-dir}).
 */
@DataSourceDefinition(
    name = "java:app/jdbc/workbench",
    className = "org.mariadb.jdbc.MariaDbDataSource",
    url = "${MPCONFIG=db.url}",
    user = "${MPCONFIG=db.user}",
    password = "${MPCONFIG=db.password}",
    minPoolSize = 2,
    maxPoolSize = 40,
    maxIdleTime = 300,
    properties = {
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation",
      "fish.payara.is-connection-validation-required=true",
      // Validate a pooled connection at most every 30 s, not with an extra SELECT before every
      // statement.
      "fish.payara.validate-atmost-once-period-in-seconds=30",
      "fish.payara.fail-all-connections=true",
      "fish.payara.max-wait-time-in-millis=5000"
    })
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {
  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

  @Resource(lookup = "java:app/jdbc/workbench")
  private DataSource dataSource;

  @Inject private AppSettings settings;

  @Inject private Event<SchemaReady> schemaReady;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void start() {
    LOG.info(() -> "Starting in " + settings.mode() + " mode at " + settings.publicBaseUrl());
    awaitDatabase();
    Flyway.configure(Bootstrap.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
    schemaReady.fire(new SchemaReady());
  }

  /**
   * The database may start after us (containers started together, the dev run starting MariaDB
   * while Payara boots): wait up to db.startup-wait-seconds for a connection, then let Flyway fail
   * with the driver's message.
   */
  private void awaitDatabase() {
    long deadline = System.nanoTime() + settings.databaseStartupWait().toNanos();
    long nextLog = 0;
    while (true) {
      try (Connection c = dataSource.getConnection()) {
        return;
      } catch (SQLException e) {
        long now = System.nanoTime();
        if (now >= deadline) {
          LOG.severe(
              () ->
                  "The database is not reachable; giving up after "
                      + settings.databaseStartupWait());
          return;
        }
        if (now >= nextLog) {
          // The driver's message names host and port only; the URL's credentials are never logged.
          LOG.warning(() -> "Waiting for the database: " + e.getMessage());
          nextLog = now + TimeUnit.SECONDS.toNanos(10);
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
