package cn.edu.ntvu.workbench.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A load balancer should not send people to a server whose database is gone. Asked by {@link
 * ReadinessServlet}; the reason of a failure goes to the log, never into the answer.
 */
@ApplicationScoped
public class DatabaseReadiness {
  private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

  @Resource(lookup = "java:app/jdbc/workbench")
  DataSource dataSource;

  /** The last answer, so that a probe every few seconds logs a change once, not every probe. */
  private volatile boolean lastUp = true;

  /** Whether a connection can be had and answers within two seconds. */
  public boolean ready() {
    boolean up;
    Exception failure = null;
    try (Connection c = dataSource.getConnection()) {
      up = c.isValid(2);
    } catch (Exception e) {
      up = false;
      failure = e;
    }
    if (up != lastUp) {
      lastUp = up;
      if (up) {
        LOG.info("Readiness: the database answers again");
      } else {
        LOG.log(Level.WARNING, "Readiness: the database does not answer", failure);
      }
    }
    return up;
  }
}
