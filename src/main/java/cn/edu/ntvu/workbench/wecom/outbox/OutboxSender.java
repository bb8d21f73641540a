package cn.edu.ntvu.workbench.wecom.outbox;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.wecom.application.WeComClient;
import cn.edu.ntvu.workbench.wecom.domain.Agent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Delivers due outbox messages, once even with several servers (issue 3 item 4). One {@link #runOnce} call:
 *
 * <ol>
 *   <li><b>claim</b> in one short transaction: the due PENDING rows ({@code SELECT … FOR UPDATE SKIP LOCKED}, so
 *       servers never wait for each other's rows); for each, the recipients' rows in {@code wecom_recipient_lock} are
 *       locked in userid order and their sends of the last hour counted: a message to a member at WeCom's per-member
 *       limit (§5.1) is deferred to the moment the window frees up instead of being sent into the void; the others get
 *       a claim token and a lease ({@code next_attempt_at} moves to the lease's end, so a crashed server's rows come
 *       due again by themselves) and their sends are logged. Commit: no database lock is held from here on.
 *   <li><b>send</b> through {@link WeComClient}: {@code message/send} with {@code agentid}, {@code touser} and
 *       WeCom's duplicate check, or {@code update_template_card} with {@code userids}. A message whose lease is too
 *       close to its end is not started but handed back.
 *   <li><b>record</b> each outcome, only where the claim token is still ours: SENT (msgid, response_code,
 *       invaliduser), back to PENDING with exponential back-off and jitter, or FAILED with the reason (a permanent
 *       error, or the last allowed attempt).
 * </ol>
 *
 * Logs name message ids, errcodes and counts, never a token, secret or message body.
 */
@ApplicationScoped
public class OutboxSender {
  private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
  static final String SEND = "/cgi-bin/message/send";
  static final String UPDATE_TEMPLATE_CARD = "/cgi-bin/message/update_template_card";
  /**
   * In the body of an UPDATE_TEMPLATE_CARD message instead of {@code response_code}: the message key of the card whose
   * send answered the code (WeCom gives one per send, usable once, §5.2). It is looked up when the update is delivered,
   * so a micro-app can queue the update while the card itself is still waiting in the outbox.
   */
  public static final String RESPONSE_CODE_OF = "response_code_of";
  /** A send is not started when less than this is left of the lease (read timeout × client retries, and more). */
  static final Duration LEASE_RESERVE = Duration.ofSeconds(30);
  /** Added to a per-member deferral, for clock differences with WeCom. */
  static final Duration QUOTA_MARGIN = Duration.ofSeconds(2);
  private static final int IN_CHUNK = 500;

  @Resource(lookup = "java:app/jdbc/workbench")
  DataSource dataSource;

  @Inject WeComClient client;
  @Inject OutboxSettings settings;
  @Inject Clock clock;

  /** A claimed message, ready to send. */
  record Claimed(long id, OutgoingMessage.Kind kind, String toUsers, String body, int attempts, String token,
      LocalDateTime leaseUntil) {}

  /** What one run did. */
  public record Run(int claimed, int sent, int retried, int failed, int deferred, int handedBack) {
    static final Run NOTHING = new Run(0, 0, 0, 0, 0, 0);
  }

  /**
   * Claims up to {@code batch-size} due messages for {@code worker}, sends them and records the outcomes.
   *
   * @param worker who claims, e.g. host, process and thread; shown to admins
   */
  public Run runOnce(String worker) {
    return runOnce(worker, () -> false);
  }

  /**
   * As {@link #runOnce(String)}; once {@code stopping} says so (the server is shutting down), the messages of the batch
   * not yet sent are handed back at once instead of sent, and the outcomes of those sent are still recorded: a deploy's
   * SIGTERM must not leave a sent message unrecorded, to be sent again by another server when its lease runs out.
   */
  public Run runOnce(String worker, java.util.function.BooleanSupplier stopping) {
    int[] deferred = {0};
    List<Claimed> claimed = claim(worker, settings.batchSize(), now(), deferred);
    if (claimed.isEmpty()) {
      return new Run(0, 0, 0, 0, deferred[0], 0);
    }
    Agent agent = client.workbenchAgent();
    List<Object[]> outcomes = new ArrayList<>();
    int sent = 0;
    int retried = 0;
    int failed = 0;
    int handedBack = 0;
    for (Claimed message : claimed) {
      if (stopping.getAsBoolean() || now().isAfter(message.leaseUntil().minus(LEASE_RESERVE))) {
        outcomes.add(new Object[] {message, null});
        handedBack++;
        continue;
      }
      DeliveryOutcome outcome = deliver(agent, message);
      outcomes.add(new Object[] {message, outcome});
      if (outcome instanceof DeliveryOutcome.Sent) {
        sent++;
      } else if (outcome instanceof DeliveryOutcome.Retry && message.attempts() < settings.maxAttempts()) {
        retried++;
      } else {
        failed++;
      }
    }
    record(outcomes);
    return new Run(claimed.size(), sent, retried, failed, deferred[0], handedBack);
  }

  /**
   * Deletes up to 5,000 messages sent longer ago than {@code wecom.outbox.keep-sent-days}: the outbox would otherwise
   * grow by every message ever sent. Pending and failed ones stay (an admin may still retry a failed one). The range
   * on (status, next_attempt_at) keeps it an index scan; a sent message was due before it was sent.
   */
  public int purgeSent() {
    Timestamp cutoff = Timestamp.valueOf(now().minus(settings.keepSent()));
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete = c.prepareStatement(
            "DELETE FROM wecom_outbox WHERE status = 'SENT' AND next_attempt_at < ? AND sent_at < ? LIMIT 5000")) {
      delete.setTimestamp(1, cutoff);
      delete.setTimestamp(2, cutoff);
      return delete.executeUpdate();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "WeCom outbox: removing old sent messages failed: {0}", e.getMessage());
      return 0;
    }
  }

  /** Deletes send-log rows older than an hour (they no longer count toward any limit). */
  public int pruneSendLog() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM wecom_recipient_send WHERE sent_at < ? LIMIT 10000")) {
      delete.setTimestamp(1, Timestamp.valueOf(now().minus(RecipientQuota.HOUR).minusMinutes(1)));
      return delete.executeUpdate();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "WeCom outbox: pruning the send log failed: {0}", e.getMessage());
      return 0;
    }
  }

  /** Status and response_code of the outbox message {@code key}; empty when there is none (or the database failed). */
  private Optional<String[]> sentCard(String key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT status, response_code FROM wecom_outbox WHERE message_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "WeCom outbox: looking up card {0} failed: {1}", new Object[] {key, e.getMessage()});
      return Optional.of(new String[] {"UNKNOWN", null});
    }
  }

  DeliveryOutcome deliver(Agent agent, Claimed message) {
    JsonObject body;
    try (JsonReader reader = Jsons.createReader(new StringReader(message.body()))) {
      body = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return new DeliveryOutcome.Failed(null, "the queued body is not a JSON object");
    }
    if (message.kind() == OutgoingMessage.Kind.UPDATE_TEMPLATE_CARD && body.containsKey(RESPONSE_CODE_OF)) {
      String card = body.getString(RESPONSE_CODE_OF, "");
      Optional<String[]> sent = sentCard(card);
      if (sent.isEmpty() || "FAILED".equals(sent.get()[0])) {
        return new DeliveryOutcome.Failed(null, "the card to update (" + card + ") is not in the outbox or failed");
      }
      if (!"SENT".equals(sent.get()[0])) {
        return new DeliveryOutcome.Retry(null, "the card to update (" + card + ") is not sent yet", Duration.ofSeconds(5));
      }
      if (sent.get()[1] == null || sent.get()[1].isBlank()) {
        return new DeliveryOutcome.Failed(null, "WeCom gave no response_code for the card " + card);
      }
      body = Jsons.createObjectBuilder(body).remove(RESPONSE_CODE_OF).add("response_code", sent.get()[1]).build();
    }
    List<String> users = users(message.toUsers());
    JsonObjectBuilder request = Jsons.createObjectBuilder(body);
    String path;
    if (message.kind() == OutgoingMessage.Kind.UPDATE_TEMPLATE_CARD) {
      path = UPDATE_TEMPLATE_CARD;
      JsonArrayBuilder userids = Jsons.createArrayBuilder();
      users.forEach(userids::add);
      request.add("userids", userids);
    } else {
      path = SEND;
      request.add("touser", String.join("|", users));
      // §5.1: WeCom drops a repeat of the same message within the interval: a send retried after a lost answer
      // (or by a server whose lease ran out) does not reach the person twice.
      request.add("enable_duplicate_check", 1);
      request.add("duplicate_check_interval", settings.duplicateCheckIntervalSeconds());
    }
    if (agentId(agent) instanceof Long id) {
      request.add("agentid", id);
    } else {
      request.add("agentid", agent.agentId());
    }
    try {
      JsonObject answer = client.post(agent, path, Map.of(), request.build());
      return OutcomeClassifier.sent(answer);
    } catch (RuntimeException e) {
      DeliveryOutcome outcome = OutcomeClassifier.failure(e);
      LOG.log(Level.WARNING, "WeCom outbox message {0} attempt {1}: {2}",
          new Object[] {String.valueOf(message.id()), String.valueOf(message.attempts()),
              outcome instanceof DeliveryOutcome.Failed ? "failed for good" : "will be retried"});
      return outcome;
    }
  }

  private static Object agentId(Agent agent) {
    try {
      return Long.parseLong(agent.agentId());
    } catch (NumberFormatException e) {
      return agent.agentId();
    }
  }

  // ---------------------------------------------------------------------------------------------------- claim

  List<Claimed> claim(String worker, int batch, LocalDateTime now, int[] deferredCount) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      int isolation = c.getTransactionIsolation();
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      try {
        List<Claimed> claimed = claimIn(c, worker, batch, now, deferredCount);
        c.commit();
        return claimed;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setTransactionIsolation(isolation);
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      // A deadlock between two servers locking the same new recipients, or the database gone: nothing was
      // claimed; the next run tries again.
      LOG.log(Level.WARNING, "WeCom outbox: claiming failed ({0}); retrying on the next run",
          e.getSQLState() + " " + e.getErrorCode());
      deferredCount[0] = 0;
      return List.of();
    }
  }

  private List<Claimed> claimIn(Connection c, String worker, int batch, LocalDateTime now, int[] deferredCount)
      throws SQLException {
    record Due(long id, OutgoingMessage.Kind kind, String toUsers, String body, int attempts) {}
    List<Due> due = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, kind, to_users, body, attempts FROM wecom_outbox"
                + " WHERE status = 'PENDING' AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
      select.setTimestamp(1, Timestamp.valueOf(now));
      select.setInt(2, batch);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          due.add(new Due(rs.getLong(1), kindOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getInt(5)));
        }
      }
    }
    if (due.isEmpty()) {
      return List.of();
    }
    TreeSet<String> recipients = new TreeSet<>();
    for (Due d : due) {
      if (d.kind() == OutgoingMessage.Kind.SEND) {
        recipients.addAll(accounted(d.toUsers()));
      }
    }
    Map<String, List<LocalDateTime>> history = lockAndReadHistory(c, recipients, now);

    RecipientQuota quota = settings.quota();
    LocalDateTime leaseUntil = now.plus(settings.lease());
    List<Claimed> claimed = new ArrayList<>();
    try (PreparedStatement take =
            c.prepareStatement(
                "UPDATE wecom_outbox SET claimed_by = ?, claim_token = ?, lease_until = ?, next_attempt_at = ?,"
                    + " attempts = attempts + 1 WHERE id = ?");
        PreparedStatement defer =
            c.prepareStatement(
                "UPDATE wecom_outbox SET next_attempt_at = ?, deferrals = deferrals + 1 WHERE id = ?");
        PreparedStatement log =
            c.prepareStatement("INSERT INTO wecom_recipient_send (userid, sent_at, outbox_id) VALUES (?, ?, ?)")) {
      int deferred = 0;
      int logged = 0;
      for (Due d : due) {
        Set<String> users = d.kind() == OutgoingMessage.Kind.SEND ? accounted(d.toUsers()) : Set.of();
        LocalDateTime blockedUntil = null;
        for (String user : users) {
          Optional<LocalDateTime> until = quota.blockedUntil(history.getOrDefault(user, List.of()), now);
          if (until.isPresent() && (blockedUntil == null || until.get().isAfter(blockedUntil))) {
            blockedUntil = until.get();
          }
        }
        if (blockedUntil != null) {
          defer.setTimestamp(1, Timestamp.valueOf(blockedUntil.plus(QUOTA_MARGIN)));
          defer.setLong(2, d.id());
          defer.addBatch();
          deferred++;
          continue;
        }
        for (String user : users) {
          history.computeIfAbsent(user, u -> new ArrayList<>()).add(now);
          log.setString(1, user);
          log.setTimestamp(2, Timestamp.valueOf(now));
          log.setLong(3, d.id());
          log.addBatch();
          logged++;
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        take.setString(1, cut(worker, 64));
        take.setString(2, token);
        take.setTimestamp(3, Timestamp.valueOf(leaseUntil));
        take.setTimestamp(4, Timestamp.valueOf(leaseUntil));
        take.setLong(5, d.id());
        take.addBatch();
        claimed.add(new Claimed(d.id(), d.kind(), d.toUsers(), d.body(), d.attempts() + 1, token, leaseUntil));
      }
      if (!claimed.isEmpty()) {
        take.executeBatch();
      }
      if (deferred > 0) {
        defer.executeBatch();
      }
      if (logged > 0) {
        log.executeBatch();
      }
      deferredCount[0] = deferred;
    }
    return claimed;
  }

  /** Locks the recipients' rows (created if new) in userid order and reads their sends of the last hour. */
  private Map<String, List<LocalDateTime>> lockAndReadHistory(Connection c, TreeSet<String> recipients,
      LocalDateTime now) throws SQLException {
    Map<String, List<LocalDateTime>> history = new HashMap<>();
    if (recipients.isEmpty()) {
      return history;
    }
    List<String> all = new ArrayList<>(recipients);
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement lock = c.prepareStatement(
          "SELECT userid FROM wecom_recipient_lock WHERE userid IN (" + marks + ") ORDER BY userid FOR UPDATE")) {
        bind(lock, chunk, 1);
        Set<String> present = new java.util.HashSet<>();
        try (ResultSet rs = lock.executeQuery()) {
          while (rs.next()) {
            present.add(rs.getString(1));
          }
        }
        List<String> missing = chunk.stream().filter(u -> !present.contains(u)).toList();
        if (!missing.isEmpty()) {
          try (PreparedStatement insert =
              c.prepareStatement("INSERT IGNORE INTO wecom_recipient_lock (userid) VALUES (?)")) {
            for (String u : missing) {
              insert.setString(1, u);
              insert.addBatch();
            }
            insert.executeBatch();
          }
          // Someone may have inserted the same rows meanwhile: lock them too, now that they exist.
          String more = String.join(",", java.util.Collections.nCopies(missing.size(), "?"));
          try (PreparedStatement relock = c.prepareStatement(
              "SELECT userid FROM wecom_recipient_lock WHERE userid IN (" + more + ") ORDER BY userid FOR UPDATE")) {
            bind(relock, missing, 1);
            relock.executeQuery().close();
          }
        }
      }
      String marks2 = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement read = c.prepareStatement(
          "SELECT userid, sent_at FROM wecom_recipient_send WHERE userid IN (" + marks2 + ") AND sent_at > ?")) {
        int next = bind(read, chunk, 1);
        read.setTimestamp(next, Timestamp.valueOf(now.minus(RecipientQuota.HOUR)));
        try (ResultSet rs = read.executeQuery()) {
          while (rs.next()) {
            history.computeIfAbsent(rs.getString(1), u -> new ArrayList<>())
                .add(rs.getTimestamp(2).toLocalDateTime());
          }
        }
      }
    }
    return history;
  }

  private static int bind(PreparedStatement statement, List<String> values, int first) throws SQLException {
    int i = first;
    for (String v : values) {
      statement.setString(i++, v);
    }
    return i;
  }

  // --------------------------------------------------------------------------------------------------- record

  private void record(List<Object[]> outcomes) {
    LocalDateTime now = now();
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement sent = c.prepareStatement(
              "UPDATE wecom_outbox SET status = 'SENT', sent_at = ?, wecom_msgid = ?, response_code = ?,"
                  + " invalid_users = ?, last_error = NULL, last_errcode = NULL,"
                  + " claimed_by = NULL, claim_token = NULL, lease_until = NULL WHERE id = ? AND claim_token = ?");
          PreparedStatement retry = c.prepareStatement(
              "UPDATE wecom_outbox SET next_attempt_at = ?, last_errcode = ?, last_error = ?,"
                  + " claimed_by = NULL, claim_token = NULL, lease_until = NULL WHERE id = ? AND claim_token = ?");
          PreparedStatement fail = c.prepareStatement(
              "UPDATE wecom_outbox SET status = 'FAILED', last_errcode = ?, last_error = ?,"
                  + " claimed_by = NULL, claim_token = NULL, lease_until = NULL WHERE id = ? AND claim_token = ?");
          PreparedStatement handBack = c.prepareStatement(
              "UPDATE wecom_outbox SET next_attempt_at = ?, attempts = attempts - 1,"
                  + " claimed_by = NULL, claim_token = NULL, lease_until = NULL WHERE id = ? AND claim_token = ?")) {
        for (Object[] pair : outcomes) {
          Claimed m = (Claimed) pair[0];
          DeliveryOutcome outcome = (DeliveryOutcome) pair[1];
          if (outcome == null) {
            handBack.setTimestamp(1, Timestamp.valueOf(now));
            handBack.setLong(2, m.id());
            handBack.setString(3, m.token());
            handBack.addBatch();
          } else if (outcome instanceof DeliveryOutcome.Sent s) {
            sent.setTimestamp(1, Timestamp.valueOf(now));
            sent.setString(2, cut(s.msgid(), 128));
            sent.setString(3, cut(s.responseCode(), 255));
            sent.setString(4, s.invalidUsers().isEmpty() ? null : cut(String.join("|", s.invalidUsers()), 1000));
            sent.setLong(5, m.id());
            sent.setString(6, m.token());
            sent.addBatch();
          } else if (outcome instanceof DeliveryOutcome.Retry r && m.attempts() < settings.maxAttempts()) {
            Duration wait = settings.backoff().delay(m.attempts(), r.atLeast(), ThreadLocalRandom.current());
            retry.setTimestamp(1, Timestamp.valueOf(now.plus(wait)));
            setErrcode(retry, 2, r.errcode());
            retry.setString(3, cut(r.reason(), 500));
            retry.setLong(4, m.id());
            retry.setString(5, m.token());
            retry.addBatch();
          } else if (outcome instanceof DeliveryOutcome.Retry r) {
            setErrcode(fail, 1, r.errcode());
            fail.setString(2, cut("gave up after " + m.attempts() + " attempts: " + r.reason(), 500));
            fail.setLong(3, m.id());
            fail.setString(4, m.token());
            fail.addBatch();
          } else if (outcome instanceof DeliveryOutcome.Failed f) {
            setErrcode(fail, 1, f.errcode());
            fail.setString(2, cut(f.reason(), 500));
            fail.setLong(3, m.id());
            fail.setString(4, m.token());
            fail.addBatch();
          }
        }
        int lost = 0;
        for (PreparedStatement batch : List.of(sent, retry, fail, handBack)) {
          for (int n : batch.executeBatch()) {
            if (n == 0) {
              lost++;
            }
          }
        }
        c.commit();
        if (lost > 0) {
          LOG.log(Level.WARNING, "WeCom outbox: {0} outcome(s) not recorded: the lease had passed to another worker",
              lost);
        }
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      // The messages stay claimed until their lease ends, then come due again; WeCom's duplicate check keeps a
      // repeat of a sent one from reaching anybody.
      LOG.log(Level.SEVERE, "WeCom outbox: recording {0} outcome(s) failed: {1}",
          new Object[] {outcomes.size(), e.getSQLState() + " " + e.getErrorCode()});
    }
  }

  private static void setErrcode(PreparedStatement s, int index, Integer errcode) throws SQLException {
    if (errcode == null) {
      s.setNull(index, java.sql.Types.INTEGER);
    } else {
      s.setInt(index, errcode);
    }
  }

  // ---------------------------------------------------------------------------------------------------- helpers

  /** The recipients as WeCom reads touser: '|'-separated. */
  static List<String> users(String toUsers) {
    return Arrays.stream(toUsers.split("\\|")).map(String::strip).filter(u -> !u.isEmpty()).distinct().toList();
  }

  /** The recipients whose per-member limits apply (WeCom compares userids without case); not {@code @all}. */
  static Set<String> accounted(String toUsers) {
    Set<String> users = new LinkedHashSet<>();
    for (String u : users(toUsers)) {
      if (!"@all".equals(u)) {
        users.add(u.toLowerCase(Locale.ROOT));
      }
    }
    return users;
  }

  private static OutgoingMessage.Kind kindOf(String value) {
    try {
      return OutgoingMessage.Kind.valueOf(value);
    } catch (IllegalArgumentException e) {
      return OutgoingMessage.Kind.SEND;
    }
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
  }

  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
