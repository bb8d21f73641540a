package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logouts that work with several servers. CAS single logout: the server that receives CAS's
 * back-channel logoutRequest records the ticket. A logout on this site: the server that handles it
 * records the sign-in's name (its CAS ticket, or {@code local:} and a random id), because with
 * replicated sessions the other servers keep their own copy of the session. Every server checks a
 * session's name against that record (table {@code cas_logout}, which holds both kinds). Each
 * server keeps the recorded names in memory and reads what was added at most once a second (one
 * indexed range read of the last minute's logouts, for all sessions together), so a request costs
 * no statement for the check and a logout elsewhere takes effect here within about a second. The
 * minute of overlap sees a logout whose row was committed after a later one had been read.
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
  private static final long READ_EVERY_NANOS = 1_000_000_000L;

  /** How often the logouts are read; shorter in tests. */
  long readEveryNanos = READ_EVERY_NANOS;

  /** Logouts are read again back to this long before the newest one seen. */
  static final int OVERLAP_SECONDS = 60;

  /** Rows are purged after two days; known names older than that go when there are many. */
  private static final int KEEP_DAYS = 2;

  static final int MAX_KNOWN = 200_000;
  private static final int PURGE_EVERY = 200;
  static final int SIGN_IN_KEEP_DAYS = 7;
  private final java.util.concurrent.atomic.AtomicInteger signIns =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger recorded =
      new java.util.concurrent.atomic.AtomicInteger();

  @Inject Sql sql;

  /** The names of ended sign-ins and when they were recorded (the database's clock). */
  private final ConcurrentHashMap<String, LocalDateTime> ended = new ConcurrentHashMap<>();

  private final ReentrantLock reading = new ReentrantLock();
  private volatile boolean loaded;
  private volatile long nextReadAt = System.nanoTime();

  /** The newest {@code logged_out_at} read; guarded by {@link #reading}. */
  private LocalDateTime newest;

  /** The sign-in named {@code ticket} (a CAS ticket or a local sign-in id) has ended. */
  public void recordLogout(String ticket) {
    if (ticket == null || ticket.isBlank() || ticket.length() > 255) {
      return;
    }
    try {
      sql.update("INSERT IGNORE INTO cas_logout (ticket) VALUES (?)", ticket);
      ended.putIfAbsent(ticket, LocalDateTime.MIN);
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
    if (ticket == null) {
      return false;
    }
    if (ended.containsKey(ticket)) {
      return true;
    }
    refreshIfDue();
    return ended.containsKey(ticket);
  }

  /**
   * Reads the logouts recorded since the last read (all of them the first time), at most once a
   * second; one thread reads while the others go on with what is known, unless nothing is known
   * yet.
   */
  private void refreshIfDue() {
    if (loaded && System.nanoTime() - nextReadAt < 0) {
      return;
    }
    if (loaded) {
      if (!reading.tryLock()) {
        return;
      }
    } else {
      reading.lock();
    }
    try {
      if (System.nanoTime() - nextReadAt < 0) {
        return;
      }
      List<Object[]> rows =
          newest == null
              ? sql.rows("SELECT ticket, logged_out_at FROM cas_logout")
              : sql.rows(
                  "SELECT ticket, logged_out_at FROM cas_logout WHERE logged_out_at >= ?",
                  Sql.ts(newest.minusSeconds(OVERLAP_SECONDS)));
      for (Object[] r : rows) {
        LocalDateTime at = Sql.time(r[1]);
        ended.put(Sql.str(r[0]), at);
        if (newest == null || at.isAfter(newest)) {
          newest = at;
        }
      }
      if (ended.size() > MAX_KNOWN && newest != null) {
        LocalDateTime old = newest.minusDays(KEEP_DAYS);
        ended.values().removeIf(at -> at.isBefore(old));
      }
      loaded = true;
    } catch (Sql.Failure e) {
      // The database is down: the readiness check takes this server out; do not sign everybody out.
      LOG.log(Level.WARNING, "Could not read the logouts", e);
    } finally {
      nextReadAt = System.nanoTime() + readEveryNanos;
      reading.unlock();
    }
  }
}
