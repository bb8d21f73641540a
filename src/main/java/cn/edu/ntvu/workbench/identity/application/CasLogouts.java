package cn.edu.ntvu.workbench.identity.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * CAS single logout that works with several servers: the server that receives CAS's back-channel logoutRequest
 * records the ticket; every server checks the ticket of a CAS session against that record. A check is remembered
 * for a few seconds per ticket, so a busy page costs at most one indexed lookup per ticket and server in that time.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class CasLogouts {
  private static final Logger LOG = Logger.getLogger(CasLogouts.class.getName());
  private static final long RECHECK_MILLIS = 5_000;

  @Resource(lookup = "java:app/jdbc/workbench")
  DataSource dataSource;

  private final ConcurrentHashMap<String, Long> stillValidUntil = new ConcurrentHashMap<>();

  /** CAS says the session of {@code ticket} has ended. */
  public void recordLogout(String ticket) {
    if (ticket == null || ticket.isBlank() || ticket.length() > 255) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO cas_logout (ticket) VALUES (?)")) {
      ps.setString(1, ticket);
      ps.executeUpdate();
      stillValidUntil.remove(ticket);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not record a CAS logout", e);
    }
  }

  /** Whether CAS has ended the session that began with {@code ticket}. */
  public boolean isLoggedOut(String ticket) {
    long now = System.currentTimeMillis();
    Long until = stillValidUntil.get(ticket);
    if (until != null && until > now) {
      return false;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM cas_logout WHERE ticket = ?")) {
      ps.setString(1, ticket);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          stillValidUntil.remove(ticket);
          return true;
        }
      }
    } catch (SQLException e) {
      // The database is down: the readiness check takes this server out; do not sign everybody out.
      LOG.log(Level.WARNING, "Could not check a CAS logout", e);
    }
    if (stillValidUntil.size() > 50_000) {
      stillValidUntil.clear();
    }
    stillValidUntil.put(ticket, now + RECHECK_MILLIS);
    return false;
  }
}
