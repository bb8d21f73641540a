package cn.edu.ntvu.workbench.messaging.application;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The transactional outbox for WeCom messages. Call {@link #enqueue} from the application service
 * that changes state, inside its {@code @Transactional} method: the message commits with the change
 * or not at all, and a background worker sends it later (retry with back-off, once across servers).
 * A WeCom outage delays messages, never loses them.
 *
 * <pre>{@code
 * @Inject WeComOutbox outbox;
 *
 * @Transactional
 * public void approve(long requestId, ...) {
 *   ... change state ...
 *   outbox.enqueue(OutgoingMessage.send("leave:" + id + ":decided", List.of(student), cardJson, "leave:" + id));
 * }
 * }</pre>
 */
@ApplicationScoped
public class WeComOutbox {
  @Inject Sql sql;

  @Inject Clock clock;

  @Inject jakarta.enterprise.event.Event<MessageQueued> queued;

  /**
   * Queues a message in the caller's transaction ({@link TxType#MANDATORY}). A message whose key is
   * already queued (in any state) is not queued again.
   *
   * @return true if queued now, false if that key was already there
   */
  @Transactional(TxType.MANDATORY)
  public boolean enqueue(OutgoingMessage message) {
    return enqueueAt(message, LocalDateTime.now(clock));
  }

  /**
   * As {@link #enqueue}, first due at {@code due} (school time) rather than now: a sender that must
   * spread many calls over time (WeCom's per-API limits) queues them spread out.
   */
  @Transactional(TxType.MANDATORY)
  public boolean enqueueAt(OutgoingMessage message, LocalDateTime due) {
    Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
    Timestamp at = Timestamp.valueOf(due.truncatedTo(ChronoUnit.MILLIS));
    int inserted =
        sql.update(
            "INSERT IGNORE INTO wecom_outbox (message_key, kind, to_users, body, topic, status, attempts,"
                + " created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
            message.messageKey(),
            message.kind().name(),
            String.join("|", message.toUsers()),
            message.body(),
            message.topic(),
            now,
            at);
    if (inserted == 1) {
      queued.fire(new MessageQueued(message.kind(), message.toUsers()));
    }
    return inserted == 1;
  }

  /**
   * As {@link #enqueue} for many messages at once, as one JDBC batch in the caller's transaction (a
   * job that tells thousands of people at once, leave's escalation). Keys already queued are left
   * alone, as by {@link #enqueue}. Returns how many were queued now (a driver that does not count a
   * batch's rows counts them all).
   */
  @Transactional(TxType.MANDATORY)
  public int enqueueAll(java.util.List<OutgoingMessage> messages) {
    if (messages.isEmpty()) {
      return 0;
    }
    Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
    java.util.List<Object[]> rows = new java.util.ArrayList<>(messages.size());
    for (OutgoingMessage m : messages) {
      rows.add(
          new Object[] {
            m.messageKey(),
            m.kind().name(),
            String.join("|", m.toUsers()),
            m.body(),
            m.topic(),
            "PENDING",
            0,
            now,
            now
          });
    }
    int n =
        sql.insertRows(
            "INSERT IGNORE INTO wecom_outbox (message_key, kind, to_users, body, topic, status, attempts,"
                + " created_at, next_attempt_at) VALUES",
            rows);
    // One event per kind naming everyone, not one per message: its observers mark people (a key
    // queued before is marked again, which only means counting them once more).
    java.util.Map<OutgoingMessage.Kind, java.util.Set<String>> told =
        new java.util.EnumMap<>(OutgoingMessage.Kind.class);
    for (OutgoingMessage m : messages) {
      told.computeIfAbsent(m.kind(), k -> new java.util.LinkedHashSet<>()).addAll(m.toUsers());
    }
    if (n > 0) {
      told.forEach(
          (kind, users) -> queued.fire(new MessageQueued(kind, java.util.List.copyOf(users))));
    }
    return n;
  }

  /**
   * Removes, in the caller's transaction, the messages of {@code kind} on any of {@code topics}
   * still waiting and not claimed by a worker: a newer message says everything they would (the
   * latest numbers of one person's workbench tile). Returns how many.
   */
  @Transactional(TxType.MANDATORY)
  public int dropWaiting(OutgoingMessage.Kind kind, java.util.Collection<String> topics) {
    java.util.List<String> all = java.util.List.copyOf(topics);
    int dropped = 0;
    for (int from = 0; from < all.size(); from += 500) {
      java.util.List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      Object[] args = new Object[chunk.size() + 1];
      args[0] = kind.name();
      System.arraycopy(chunk.toArray(), 0, args, 1, chunk.size());
      dropped +=
          sql.update(
              "DELETE FROM wecom_outbox WHERE kind = ? AND status = 'PENDING'"
                  + " AND claim_token IS NULL AND topic IN ("
                  + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
                  + ")",
              args);
    }
    return dropped;
  }

  /**
   * Which of {@code keys} are in the outbox already (in any state): {@link #enqueue} would queue
   * nothing for them. One query for a few hundred keys.
   */
  public java.util.Set<String> queuedKeys(java.util.Collection<String> keys) {
    java.util.Set<String> out = new java.util.HashSet<>();
    java.util.List<String> all = java.util.List.copyOf(keys);
    for (int from = 0; from < all.size(); from += 500) {
      java.util.List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      out.addAll(
          sql.query(
              "SELECT message_key FROM wecom_outbox WHERE message_key IN ("
                  + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
                  + ")",
              rs -> rs.getString(1),
              chunk.toArray()));
    }
    return out;
  }

  /**
   * The keys of the messages of {@code kind} whose key starts with {@code keyPrefix} that failed
   * for good (and were not retried by an admin): what never reached WeCom.
   */
  public java.util.Set<String> failedKeys(OutgoingMessage.Kind kind, String keyPrefix) {
    return new java.util.HashSet<>(
        sql.query(
            "SELECT message_key FROM wecom_outbox WHERE status = 'FAILED' AND kind = ?"
                + " AND message_key LIKE ?",
            rs -> rs.getString(1),
            kind.name(),
            keyPrefix.replace("%", "\\%").replace("_", "\\_") + "%"));
  }

  /**
   * Queues, in the caller's transaction, a {@link OutgoingMessage.Kind#RECALL} of every {@code
   * message/send} message of {@code topic} (sent, or still waiting: its recall then waits for it),
   * each keyed {@code recall:<its key>}, so a second call queues nothing again. The recall goes
   * through the outbox like any message: an outage delays it, never loses it.
   *
   * @return how many recalls were queued now
   */
  @Transactional(TxType.MANDATORY)
  public int recallTopic(String topic) {
    Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
    return sql.update(
        "INSERT IGNORE INTO wecom_outbox (message_key, kind, to_users, body, topic, status, attempts,"
            + " created_at, next_attempt_at)"
            + " SELECT CONCAT('recall:', message_key), 'RECALL', SUBSTRING_INDEX(to_users, '|', 1),"
            + " JSON_OBJECT('"
            + OutboxSender.MSGID_OF
            + "', message_key), topic, 'PENDING', 0, ?, ?"
            + " FROM wecom_outbox WHERE topic = ? AND kind = 'SEND' AND status <> 'FAILED'"
            + " AND CHAR_LENGTH(message_key) <= 184",
        now,
        now,
        topic);
  }
}
