package cn.edu.ntvu.workbench.messaging.infrastructure;

import cn.edu.ntvu.workbench.messaging.application.DeliveryOutcome;
import cn.edu.ntvu.workbench.messaging.application.OutboxClaims;
import cn.edu.ntvu.workbench.messaging.application.OutboxSender;
import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.domain.RecipientQuota;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox's claims, leases and per-person quotas in tables {@code wecom_outbox}, {@code
 * wecom_recipient_lock} and {@code wecom_recipient_send}. A claim is one short local transaction:
 * the due rows with {@code SELECT … FOR UPDATE SKIP LOCKED} (servers never wait for each other's
 * rows), the recipients' lock rows in userid order and their sends of the last hour
 * (docs/wecom-api.md §5.1: 30 a minute, 1,000 an hour per member), then a claim token and a lease
 * ({@code next_attempt_at} moves to the lease's end, so a crashed server's rows come due again by
 * themselves).
 */
@ApplicationScoped
public class SqlOutboxClaims implements OutboxClaims {
  private static final Logger LOG = Logger.getLogger(SqlOutboxClaims.class.getName());

  /** Added to a per-member deferral, for clock differences with WeCom. */
  static final Duration QUOTA_MARGIN = Duration.ofSeconds(2);

  private static final int IN_CHUNK = 500;

  @Inject Sql sql;

  @Override
  public Claim claim(
      String worker, int batch, LocalDateTime now, Duration lease, RecipientQuota quota) {
    try {
      return sql.inLocalTransaction(tx -> claimIn(tx, worker, batch, now, lease, quota));
    } catch (Sql.Failure e) {
      // A deadlock between two servers locking the same new recipients, or the database gone:
      // nothing was
      // claimed; the next run tries again.
      LOG.log(Level.WARNING, "Outbox: claiming failed ({0}); retrying on the next run", e.code());
      return Claim.NOTHING;
    }
  }

  private Claim claimIn(
      Sql.Tx tx, String worker, int batch, LocalDateTime now, Duration lease, RecipientQuota quota)
      throws SQLException {
    record Due(long id, OutgoingMessage.Kind kind, String toUsers, String body, int attempts) {}
    List<Due> due =
        tx.query(
            "SELECT id, kind, to_users, body, attempts FROM wecom_outbox"
                + " WHERE status = 'PENDING' AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED",
            rs ->
                new Due(
                    rs.getLong(1),
                    kindOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5)),
            now,
            batch);
    if (due.isEmpty()) {
      return Claim.NOTHING;
    }
    TreeSet<String> recipients = new TreeSet<>();
    for (Due d : due) {
      if (d.kind() == OutgoingMessage.Kind.SEND) {
        recipients.addAll(accounted(d.toUsers()));
      }
    }
    Map<String, List<LocalDateTime>> history = lockAndReadHistory(tx, recipients, now);

    LocalDateTime leaseUntil = now.plus(lease);
    List<Claimed> claimed = new ArrayList<>();
    List<Object[]> takes = new ArrayList<>();
    List<Object[]> defers = new ArrayList<>();
    List<Object[]> logs = new ArrayList<>();
    for (Due d : due) {
      Set<String> users = d.kind() == OutgoingMessage.Kind.SEND ? accounted(d.toUsers()) : Set.of();
      LocalDateTime blockedUntil = null;
      for (String user : users) {
        Optional<LocalDateTime> until =
            quota.blockedUntil(history.getOrDefault(user, List.of()), now);
        if (until.isPresent() && (blockedUntil == null || until.get().isAfter(blockedUntil))) {
          blockedUntil = until.get();
        }
      }
      if (blockedUntil != null) {
        defers.add(new Object[] {blockedUntil.plus(QUOTA_MARGIN), d.id()});
        continue;
      }
      for (String user : users) {
        history.computeIfAbsent(user, u -> new ArrayList<>()).add(now);
        logs.add(new Object[] {user, now, d.id()});
      }
      String token = UUID.randomUUID().toString().replace("-", "");
      takes.add(new Object[] {cut(worker, 64), token, leaseUntil, leaseUntil, d.id()});
      claimed.add(
          new Claimed(
              d.id(), d.kind(), d.toUsers(), d.body(), d.attempts() + 1, token, leaseUntil));
    }
    tx.batch(
        "UPDATE wecom_outbox SET claimed_by = ?, claim_token = ?, lease_until = ?, next_attempt_at = ?,"
            + " attempts = attempts + 1 WHERE id = ?",
        takes);
    tx.batch(
        "UPDATE wecom_outbox SET next_attempt_at = ?, deferrals = deferrals + 1 WHERE id = ?",
        defers);
    tx.batch(
        "INSERT INTO wecom_recipient_send (userid, sent_at, outbox_id) VALUES (?, ?, ?)", logs);
    return new Claim(claimed, defers.size());
  }

  /**
   * Locks the recipients' rows (created if new) in userid order and reads their sends of the last
   * hour.
   */
  private Map<String, List<LocalDateTime>> lockAndReadHistory(
      Sql.Tx tx, TreeSet<String> recipients, LocalDateTime now) throws SQLException {
    Map<String, List<LocalDateTime>> history = new HashMap<>();
    List<String> all = new ArrayList<>(recipients);
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
      Set<String> present =
          new HashSet<>(
              tx.query(
                  "SELECT userid FROM wecom_recipient_lock WHERE userid IN ("
                      + marks(chunk.size())
                      + ") ORDER BY userid FOR UPDATE",
                  rs -> rs.getString(1),
                  chunk.toArray()));
      List<String> missing = chunk.stream().filter(u -> !present.contains(u)).toList();
      if (!missing.isEmpty()) {
        tx.batch(
            "INSERT IGNORE INTO wecom_recipient_lock (userid) VALUES (?)",
            missing.stream().map(u -> new Object[] {u}).toList());
        // Someone may have inserted the same rows meanwhile: lock them too, now that they exist.
        tx.query(
            "SELECT userid FROM wecom_recipient_lock WHERE userid IN ("
                + marks(missing.size())
                + ") ORDER BY userid FOR UPDATE",
            rs -> null,
            missing.toArray());
      }
      Object[] args = new Object[chunk.size() + 1];
      System.arraycopy(chunk.toArray(), 0, args, 0, chunk.size());
      args[chunk.size()] = now.minus(RecipientQuota.HOUR);
      tx.query(
          "SELECT userid, sent_at FROM wecom_recipient_send WHERE userid IN ("
              + marks(chunk.size())
              + ") AND sent_at > ?",
          rs ->
              history.computeIfAbsent(rs.getString(1), u -> new ArrayList<>()).add(Sql.time(rs, 2)),
          args);
    }
    return history;
  }

  @Override
  public int record(List<Result> results, LocalDateTime now, RetryWait retryWait, int maxAttempts) {
    List<Object[]> sent = new ArrayList<>();
    List<Object[]> retry = new ArrayList<>();
    List<Object[]> fail = new ArrayList<>();
    List<Object[]> handBack = new ArrayList<>();
    for (Result r : results) {
      Claimed m = r.message();
      DeliveryOutcome outcome = r.outcome();
      if (outcome == null) {
        handBack.add(new Object[] {now, m.id(), m.token()});
      } else if (outcome instanceof DeliveryOutcome.Sent s) {
        sent.add(
            new Object[] {
              now,
              cut(s.msgid(), 128),
              cut(s.responseCode(), 255),
              s.invalidUsers().isEmpty() ? null : cut(String.join("|", s.invalidUsers()), 1000),
              m.id(),
              m.token()
            });
      } else if (outcome instanceof DeliveryOutcome.Retry t && m.attempts() < maxAttempts) {
        Duration wait = retryWait.after(m.attempts(), t.atLeast());
        retry.add(
            new Object[] {now.plus(wait), t.errcode(), cut(t.reason(), 500), m.id(), m.token()});
      } else if (outcome instanceof DeliveryOutcome.Retry t) {
        fail.add(
            new Object[] {
              t.errcode(),
              cut("gave up after " + m.attempts() + " attempts: " + t.reason(), 500),
              m.id(),
              m.token()
            });
      } else if (outcome instanceof DeliveryOutcome.Failed f) {
        fail.add(new Object[] {f.errcode(), cut(f.reason(), 500), m.id(), m.token()});
      }
    }
    return sql.inLocalTransaction(
        tx -> {
          int lost = 0;
          List<int[]> counts = new ArrayList<>();
          counts.add(
              tx.batch(
                  "UPDATE wecom_outbox SET status = 'SENT', sent_at = ?, wecom_msgid = ?, response_code = ?,"
                      + " invalid_users = ?, last_error = NULL, last_errcode = NULL,"
                      + " claimed_by = NULL, claim_token = NULL, lease_until = NULL WHERE id = ? AND claim_token = ?",
                  sent));
          counts.add(
              tx.batch(
                  "UPDATE wecom_outbox SET next_attempt_at = ?, last_errcode = ?, last_error = ?,"
                      + " claimed_by = NULL, claim_token = NULL, lease_until = NULL WHERE id = ? AND claim_token = ?",
                  retry));
          counts.add(
              tx.batch(
                  "UPDATE wecom_outbox SET status = 'FAILED', last_errcode = ?, last_error = ?,"
                      + " claimed_by = NULL, claim_token = NULL, lease_until = NULL WHERE id = ? AND claim_token = ?",
                  fail));
          counts.add(
              tx.batch(
                  "UPDATE wecom_outbox SET next_attempt_at = ?, attempts = attempts - 1,"
                      + " claimed_by = NULL, claim_token = NULL, lease_until = NULL WHERE id = ? AND claim_token = ?",
                  handBack));
          for (int[] batch : counts) {
            for (int n : batch) {
              if (n == 0) {
                lost++;
              }
            }
          }
          return lost;
        });
  }

  @Override
  public Optional<String[]> sentCard(String key) {
    return sql.one(
        "SELECT status, response_code, wecom_msgid FROM wecom_outbox WHERE message_key = ?",
        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
        key);
  }

  @Override
  public int purgeSent(LocalDateTime cutoff) {
    // The range on (status, next_attempt_at) keeps it an index scan; a sent message was due before
    // it was sent.
    return sql.update(
        "DELETE FROM wecom_outbox WHERE status = 'SENT' AND next_attempt_at < ? AND sent_at < ? LIMIT 5000",
        cutoff,
        cutoff);
  }

  /** Waiting out a back-off because WeCom could not be reached or was busy (-1). */
  private static final String WAITING_FOR_WECOM =
      " WHERE status = 'PENDING' AND next_attempt_at > ? AND lease_until IS NULL AND attempts > 0"
          + " AND last_error IS NOT NULL AND (last_errcode IS NULL OR last_errcode = -1)";

  @Override
  public int wakeAfterOutage(LocalDateTime now) {
    return sql.update("UPDATE wecom_outbox SET next_attempt_at = ?" + WAITING_FOR_WECOM, now, now);
  }

  @Override
  public int probeAfterOutage(LocalDateTime now) {
    return sql.update(
        "UPDATE wecom_outbox SET next_attempt_at = ?, attempts = attempts - 1"
            + WAITING_FOR_WECOM
            + " ORDER BY next_attempt_at LIMIT 1",
        now,
        now);
  }

  @Override
  public int pruneSendLog(LocalDateTime before) {
    return sql.update("DELETE FROM wecom_recipient_send WHERE sent_at < ? LIMIT 10000", before);
  }

  /**
   * The recipients whose per-member limits apply (WeCom compares userids without case); not
   * {@code @all}.
   */
  static Set<String> accounted(String toUsers) {
    Set<String> users = new LinkedHashSet<>();
    for (String u : OutboxSender.users(toUsers)) {
      if (!"@all".equals(u)) {
        users.add(u.toLowerCase(Locale.ROOT));
      }
    }
    return users;
  }

  private static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  private static OutgoingMessage.Kind kindOf(String value) {
    try {
      return OutgoingMessage.Kind.valueOf(value);
    } catch (IllegalArgumentException e) {
      return OutgoingMessage.Kind.SEND;
    }
  }

  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
