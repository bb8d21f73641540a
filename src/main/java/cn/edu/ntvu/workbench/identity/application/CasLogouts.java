package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logouts that work with several servers. CAS single logout: the server that receives CAS's
 * back-channel logoutRequest records the ticket. A logout on this site: the server that handles it
 * records the sign-in's name (its CAS ticket, or {@code local:} and a random id), because with
 * replicated sessions the other servers keep their own copy of the session. Every server checks a
 * session's name against that record (table {@code cas_logout}, which holds both kinds). A check is
 * remembered for two seconds per ticket, so a busy page costs at most one indexed lookup per ticket
 * and server in that time, and a logout elsewhere takes effect here within two seconds.
 *
 * <p>A record matters only while a session of that sign-in may still be used somewhere, which is at
 * most the idle timeout ({@code session.idle-minutes}, at most a day) after its last use: records
 * older than two days are removed now and then as logouts are recorded.
 *
 * <p>CAS's logout requests are not signed: anyone can post one. So the tickets of the CAS sign-ins
 * this app made are recorded when CAS hands them over (table {@code cas_sign_in}, shared by all
 * servers, since CAS may post to any of them), and a logout request for any other ticket is ignored
 * without a write. Those records are kept for {@value #SIGN_IN_KEEP_DAYS} days, longer than a
 * session lives.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class CasLogouts {
  private static final Logger LOG = Logger.getLogger(CasLogouts.class.getName());
  private static final long RECHECK_MILLIS = 2_000;
  private static final int PURGE_EVERY = 200;
  static final int SIGN_IN_KEEP_DAYS = 7;
  private final java.util.concurrent.atomic.AtomicInteger signIns =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger recorded =
      new java.util.concurrent.atomic.AtomicInteger();

  @Inject Sql sql;

  private final ConcurrentHashMap<String, Long> stillValidUntil = new ConcurrentHashMap<>();

  /** The sign-in named {@code ticket} (a CAS ticket or a local sign-in id) has ended. */
  public void recordLogout(String ticket) {
    if (ticket == null || ticket.isBlank() || ticket.length() > 255) {
      return;
    }
    try {
      sql.update("INSERT IGNORE INTO cas_logout (ticket) VALUES (?)", ticket);
      stillValidUntil.remove(ticket);
      if (recorded.incrementAndGet() % PURGE_EVERY == 0) {
        sql.update(
            "DELETE FROM cas_logout WHERE logged_out_at < NOW(3) - INTERVAL 2 DAY LIMIT 5000");
      }
    } catch (Sql.Failure e) {
      LOG.log(Level.WARNING, "Could not record a logout", e);
    }
  }

  /**
   * CAS handed this app {@code ticket} for a sign-in: a later logout request naming it is genuine
   * business.
   */
  public void recordSignIn(String ticket) {
    if (ticket == null || ticket.isBlank() || ticket.length() > 255) {
      return;
    }
    try {
      sql.update("INSERT IGNORE INTO cas_sign_in (ticket) VALUES (?)", ticket);
      if (signIns.incrementAndGet() % PURGE_EVERY == 0) {
        sql.update(
            "DELETE FROM cas_sign_in WHERE signed_in_at < NOW(3) - INTERVAL "
                + SIGN_IN_KEEP_DAYS
                + " DAY LIMIT 5000");
      }
    } catch (Sql.Failure e) {
      // Without the record a later single logout for this sign-in is ignored; the session still
      // ends by idling out.
      LOG.log(Level.WARNING, "Could not record a CAS sign-in", e);
    }
  }

  /**
   * Whether {@code ticket} names a CAS sign-in this app (any of its servers) made in the last days.
   */
  public boolean isOurSignIn(String ticket) {
    if (ticket == null || ticket.isBlank() || ticket.length() > 255) {
      return false;
    }
    try {
      return !sql.rows("SELECT 1 FROM cas_sign_in WHERE ticket = ?", ticket).isEmpty();
    } catch (Sql.Failure e) {
      LOG.log(Level.WARNING, "Could not look up a CAS sign-in", e);
      return false;
    }
  }

  /** Whether the sign-in named {@code ticket} has ended, at CAS or by a logout on any server. */
  public boolean isLoggedOut(String ticket) {
    long now = System.currentTimeMillis();
    Long until = stillValidUntil.get(ticket);
    if (until != null && until > now) {
      return false;
    }
    try {
      if (!sql.rows("SELECT 1 FROM cas_logout WHERE ticket = ?", ticket).isEmpty()) {
        stillValidUntil.remove(ticket);
        return true;
      }
    } catch (Sql.Failure e) {
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
