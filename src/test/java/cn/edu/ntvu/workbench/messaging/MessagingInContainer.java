package cn.edu.ntvu.workbench.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditInContainer;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The outbox in the container: the sender against the WeCom stand-in over HTTP, outages, racing
 * servers, limits, cards, purging and crashed leases.
 *
 * <p>An abstract part of {@code platform.persistence.InContainerIT}: the parts are stacked into
 * that one class so that Arquillian starts Payara Micro once for all of them (each deployment is a
 * new Payara Micro).
 */
public abstract class MessagingInContainer extends AuditInContainer {
  // --- WeCom outbox sender (wecom.outbox): the worker against the stand-in over HTTP; several
  // workers in one server
  // stand in for several servers (the claim goes through the database either way). The background
  // worker runs too
  // and competes for the same rows, which the assertions allow for. ---

  @Inject protected cn.edu.ntvu.workbench.messaging.application.WeComOutbox outbox;
  @Inject protected cn.edu.ntvu.workbench.messaging.application.OutboxSender outboxSender;
  @Inject protected cn.edu.ntvu.workbench.messaging.application.OutboxAdmin outboxAdmin;

  @Test
  void theOutboxRidesOutAWeComOutageAndDeliversEveryMessageExactlyOnce() throws Exception {
    String run = "outage-" + System.nanoTime();
    List<String> users = outboxRecipients(0, 20);
    List<cn.edu.ntvu.workbench.messaging.application.OutgoingMessage> messages = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      messages.add(textMessage(run + ":" + i, users.get(i), run + " 第" + i + "条", run));
    }
    // WeCom down: first a proxy answering 503 for 3 s, then -1 系统繁忙 for the next 5 calls; then it
    // recovers.
    standIn().failFor("/cgi-bin/message/send", 0, 503, 3_000);
    enqueue(messages);
    assertThat(enqueue(messages.subList(0, 1))).as("the same key is not queued twice").isZero();

    outboxSender.runOnce("it-outage");
    awaitNoClaims(run);
    List<Object[]> afterOutage = outboxRows(run);
    assertThat(afterOutage).allSatisfy(r -> assertThat(r[1]).isNotEqualTo("FAILED"));
    assertThat(afterOutage)
        .anySatisfy(
            r -> {
              assertThat(r[1]).isEqualTo("PENDING");
              assertThat((Integer) r[2]).isPositive();
              assertThat(String.valueOf(r[3])).contains("503");
            });
    sleep(3_100);
    standIn().failNext("/cgi-bin/message/send", -1, 5, 0);
    drainOutbox(run, 120);

    assertThat(outboxRows(run))
        .hasSize(20)
        .allSatisfy(
            r -> {
              assertThat(r[1]).isEqualTo("SENT");
              assertThat(r[4]).as("msgid kept").isNotNull();
            });
    assertThat(outboxRows(run)).anySatisfy(r -> assertThat((Integer) r[2]).isGreaterThan(1));
    // What WeCom received: one delivery per message, nothing a second time (not even as a
    // suppressed duplicate).
    List<String[]> received = standInReceived(run);
    assertThat(received).hasSize(20).allSatisfy(r -> assertThat(r[1]).isEqualTo("DELIVERED"));
    assertThat(received.stream().map(r -> r[0]).distinct().count()).isEqualTo(20);
  }

  @Test
  void onceWeComAnswersAgainWhatWaitedForItGoesAtOnceNotAfterItsOwnBackoff() throws Exception {
    String run = "wake-" + System.nanoTime();
    List<String> users = outboxRecipients(130, 6);
    List<cn.edu.ntvu.workbench.messaging.application.OutgoingMessage> waiting = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waiting.add(textMessage(run + ":" + i, users.get(i), run + " 第" + i + "条", run));
    }
    standIn().failFor("/cgi-bin/message/send", 0, 503, 2_000);
    enqueue(waiting);
    outboxSender.runOnce("it-wake");
    awaitNoClaims(run);
    assertThat(countOutbox(run, "PENDING")).isEqualTo(5);
    sleep(2_100); // WeCom is back
    // As after a long outage: each message's own back-off would keep it waiting for minutes.
    pushBack(run, 600);
    // The next message anyone queues goes at once and tells the sender WeCom answers again.
    enqueue(List.of(textMessage(run + ":new", users.get(5), run + " 新消息", run)));
    long t0 = System.nanoTime();
    while (countOutbox(run, "PENDING") > 0 && System.nanoTime() - t0 < 20_000_000_000L) {
      outboxSender.runOnce("it-wake");
      sleep(100);
    }
    assertThat(countOutbox(run, "PENDING")).as("still waiting out their back-off").isZero();
    assertThat(countOutbox(run, "SENT")).isEqualTo(6);
    assertThat(standInReceived(run)).hasSize(6);
  }

  @Test
  void withNothingNewQueuedOneWaitingMessageProbesWeComAndTheRestFollowItsSuccess()
      throws Exception {
    String run = "probe-" + System.nanoTime();
    List<String> users = outboxRecipients(140, 4);
    List<cn.edu.ntvu.workbench.messaging.application.OutgoingMessage> waiting = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      waiting.add(textMessage(run + ":" + i, users.get(i), run + " 第" + i + "条", run));
    }
    standIn().failFor("/cgi-bin/message/send", 0, 503, 2_000);
    enqueue(waiting);
    outboxSender.runOnce("it-probe");
    awaitNoClaims(run);
    assertThat(countOutbox(run, "PENDING")).isEqualTo(4);
    sleep(2_100);
    pushBack(run, 600);
    long t0 = System.nanoTime();
    while (countOutbox(run, "PENDING") > 0 && System.nanoTime() - t0 < 40_000_000_000L) {
      outboxSender.runOnce("it-probe");
      sleep(200);
    }
    assertThat(countOutbox(run, "PENDING"))
        .as("a probe every %s while WeCom was thought away", "10 s")
        .isZero();
    assertThat(standInReceived(run)).hasSize(4);
  }

  /** Moves the topic's pending messages {@code seconds} into the future. */
  private void pushBack(String topic, int seconds) throws Exception {
    try (Connection c = dataSource.getConnection();
        var st =
            c.prepareStatement(
                "UPDATE wecom_outbox SET next_attempt_at = ? WHERE topic = ? AND status = 'PENDING'")) {
      st.setTimestamp(
          1,
          java.sql.Timestamp.valueOf(
              java.time.LocalDateTime.now(schoolClock).plusSeconds(seconds)));
      st.setString(2, topic);
      st.executeUpdate();
    }
  }

  @Test
  void twoServersClaimingAtOnceSendEachMessageOnce() throws Exception {
    String run = "two-" + System.nanoTime();
    List<String> users = outboxRecipients(20, 100);
    List<cn.edu.ntvu.workbench.messaging.application.OutgoingMessage> messages = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      messages.add(textMessage(run + ":" + i, users.get(i % users.size()), run + " #" + i, run));
    }
    enqueue(messages);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Integer>> claims = new ArrayList<>();
    for (String server : List.of("server-a", "server-b")) {
      claims.add(
          pool.submit(
              () -> {
                int claimed = 0;
                long deadline =
                    System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
                while (System.nanoTime() < deadline && countOutbox(run, "PENDING") > 0) {
                  claimed += outboxSender.runOnce(server).claimed();
                }
                return claimed;
              }));
    }
    int a = claims.get(0).get();
    int b = claims.get(1).get();
    pool.shutdown();
    assertThat(a).as("server a claimed some").isPositive();
    assertThat(b).as("server b claimed some").isPositive();
    assertThat(a + b).isLessThanOrEqualTo(300);
    assertThat(countOutbox(run, "SENT")).isEqualTo(300);
    List<String[]> received = standInReceived(run);
    assertThat(received).hasSize(300).allSatisfy(r -> assertThat(r[1]).isEqualTo("DELIVERED"));
    assertThat(received.stream().map(r -> r[0]).distinct().count()).isEqualTo(300);
  }

  @Test
  void aMessageToSomeoneAtThePerMinuteLimitIsDeferredNotDroppedAndGoesOutLater() throws Exception {
    String run = "limit-" + System.nanoTime();
    String user = outboxRecipients(120, 1).get(0);
    List<cn.edu.ntvu.workbench.messaging.application.OutgoingMessage> messages = new ArrayList<>();
    for (int i = 0; i < 33; i++) {
      messages.add(textMessage(run + ":" + i, user, run + " 提醒" + i, run));
    }
    enqueue(messages);
    for (int i = 0; i < 10; i++) {
      outboxSender.runOnce("it-limit");
    }
    awaitNoClaims(run);
    assertThat(countOutbox(run, "SENT")).isEqualTo(30);
    List<Object[]> held = outboxRows(run).stream().filter(r -> "PENDING".equals(r[1])).toList();
    assertThat(held)
        .hasSize(3)
        .allSatisfy(
            r -> {
              assertThat((Integer) r[2]).as("a deferral is not an attempt").isZero();
              assertThat((Integer) r[5]).isPositive();
              assertThat(((java.sql.Timestamp) r[6]).toLocalDateTime())
                  .isAfter(java.time.LocalDateTime.now(schoolClock).plusSeconds(30));
            });
    List<String[]> received = standInReceived(run);
    assertThat(received).hasSize(30).allSatisfy(r -> assertThat(r[1]).isEqualTo("DELIVERED"));

    // A minute passes (for our log, the stand-in's and the deferred rows alike): the rest go out,
    // none dropped.
    standIn().ageMessages(user.toLowerCase(java.util.Locale.ROOT), 61);
    try (Connection c = dataSource.getConnection()) {
      try (var st =
          c.prepareStatement(
              "UPDATE wecom_recipient_send SET sent_at = sent_at - INTERVAL 61 SECOND WHERE userid = ?")) {
        st.setString(1, user.toLowerCase(java.util.Locale.ROOT));
        st.executeUpdate();
      }
      try (var st =
          c.prepareStatement(
              "UPDATE wecom_outbox SET next_attempt_at = ? WHERE topic = ? AND status = 'PENDING'")) {
        st.setTimestamp(1, java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(schoolClock)));
        st.setString(2, run);
        st.executeUpdate();
      }
    }
    drainOutbox(run, 60);
    assertThat(countOutbox(run, "SENT")).isEqualTo(33);
    assertThat(standInReceived(run))
        .hasSize(33)
        .allSatisfy(r -> assertThat(r[1]).isEqualTo("DELIVERED"));
  }

  @Test
  void cardsKeepTheirResponseCodeAndPermanentErrorsFailWithTheReasonUntilAnAdminRetries()
      throws Exception {
    String run = "card-" + System.nanoTime();
    String approver = outboxRecipients(121, 1).get(0);
    String card =
        "{\"msgtype\":\"template_card\",\"template_card\":{\"card_type\":\"button_interaction\","
            + "\"main_title\":{\"title\":\""
            + run
            + "\"},\"task_id\":\""
            + run
            + "\",\"button_list\":["
            + "{\"text\":\"同意\",\"style\":1,\"key\":\"approve:"
            + run
            + "\"}]}}";
    enqueue(
        List.of(
            cn.edu.ntvu.workbench.messaging.application.OutgoingMessage.send(
                run + ":card", List.of(approver), card, run),
            textMessage(run + ":ghost", "ghost" + System.nanoTime(), run + " nobody", run)));
    drainOutbox(run, 60);
    String responseCode = outboxColumn(run + ":card", "response_code");
    assertThat(outboxColumn(run + ":card", "status")).isEqualTo("SENT");
    assertThat(responseCode).isNotBlank();
    assertThat(outboxColumn(run + ":ghost", "status")).isEqualTo("FAILED");
    assertThat(outboxColumn(run + ":ghost", "last_errcode")).isEqualTo("81013");
    assertThat(outboxColumn(run + ":ghost", "attempts"))
        .as("a permanent error is not retried")
        .isEqualTo("1");

    String update =
        "{\"response_code\":\"" + responseCode + "\",\"button\":{\"replace_name\":\"已同意\"}}";
    enqueue(
        List.of(
            new cn.edu.ntvu.workbench.messaging.application.OutgoingMessage(
                run + ":update",
                cn.edu.ntvu.workbench.messaging.application.OutgoingMessage.Kind
                    .UPDATE_TEMPLATE_CARD,
                List.of(approver),
                update,
                run),
            new cn.edu.ntvu.workbench.messaging.application.OutgoingMessage(
                run + ":update-again",
                cn.edu.ntvu.workbench.messaging.application.OutgoingMessage.Kind
                    .UPDATE_TEMPLATE_CARD,
                List.of(approver),
                update,
                run + ":again")));
    drainOutbox(run, 60);
    drainOutbox(run + ":again", 60);
    // The response_code is good for one update: whichever update came second failed with 40058, not
    // retried.
    List<String> updates =
        List.of(
            outboxColumn(run + ":update", "status"), outboxColumn(run + ":update-again", "status"));
    assertThat(updates).containsExactlyInAnyOrder("SENT", "FAILED");

    // An admin retries the 81013 message: back to PENDING, recorded in the audit log; a second
    // retry does nothing.
    long id = Long.parseLong(outboxColumn(run + ":ghost", "id"));
    AuditActor admin = new AuditActor("10857", "孟勇兰", "DEV");
    assertThat(outboxAdmin.retry(id, admin)).isTrue();
    assertThat(outboxColumn(run + ":ghost", "status")).isEqualTo("PENDING");
    assertThat(outboxColumn(run + ":ghost", "attempts")).isEqualTo("0");
    assertThat(auditRows("object_type = 'wecom_outbox' AND object_id = ?", String.valueOf(id)))
        .isEqualTo(1);
    assertThat(outboxAdmin.retry(id, admin)).isFalse();
    assertThat(auditRows("object_type = 'wecom_outbox' AND object_id = ?", String.valueOf(id)))
        .isEqualTo(1);
  }

  @Test
  void sentMessagesOlderThanTheKeepingTimeAreRemovedAndNothingElse() throws Exception {
    String run = "purge-" + System.nanoTime();
    java.time.LocalDateTime now = java.time.LocalDateTime.now(schoolClock);
    try (Connection c = dataSource.getConnection();
        var st =
            c.prepareStatement(
                "INSERT INTO wecom_outbox (message_key, kind, to_users, body, topic, status,"
                    + " attempts, created_at, next_attempt_at, sent_at) VALUES (?, 'SEND', '10001', '{}', ?, ?, 1, ?, ?, ?)")) {
      Object[][] rows = {
        {"old-sent", "SENT", now.minusDays(31)},
        {"recent-sent", "SENT", now.minusDays(29)},
        {"old-failed", "FAILED", now.minusDays(31)},
        {"old-pending", "PENDING", now.minusDays(31)},
      };
      for (Object[] r : rows) {
        java.time.LocalDateTime at = (java.time.LocalDateTime) r[2];
        st.setString(1, run + ":" + r[0]);
        st.setString(2, run);
        st.setString(3, (String) r[1]);
        st.setTimestamp(4, java.sql.Timestamp.valueOf(at));
        st.setTimestamp(5, java.sql.Timestamp.valueOf(at));
        st.setTimestamp(
            6, "SENT".equals(r[1]) ? java.sql.Timestamp.valueOf(at.plusSeconds(2)) : null);
        st.executeUpdate();
      }
    }
    assertThat(outboxSender.purgeSent()).isPositive();
    assertThat(outboxRows(run).stream().map(r -> (String) r[0]).toList())
        .containsExactlyInAnyOrder(run + ":recent-sent", run + ":old-failed", run + ":old-pending");
  }

  @Test
  void aCrashedServersLeaseRunsOutAndAnotherServerSendsItsMessagesOnce() throws Exception {
    String run = "lease-" + System.nanoTime();
    List<String> users = outboxRecipients(130, 2);
    enqueue(
        List.of(
            textMessage(run + ":dead", users.get(0), run + " 甲", run),
            textMessage(run + ":busy", users.get(1), run + " 乙", run + ":busy")));
    java.time.LocalDateTime now = java.time.LocalDateTime.now(schoolClock);
    try (Connection c = dataSource.getConnection();
        var st =
            c.prepareStatement(
                "UPDATE wecom_outbox SET claimed_by = 'dead-server', claim_token = ?,"
                    + " lease_until = ?, next_attempt_at = ?, attempts = 1 WHERE message_key = ?")) {
      // One claimed by a server that died 10 s after its lease ended; one by a live server, lease
      // running.
      st.setString(1, "dead-token");
      st.setTimestamp(2, java.sql.Timestamp.valueOf(now.minusSeconds(10)));
      st.setTimestamp(3, java.sql.Timestamp.valueOf(now.minusSeconds(10)));
      st.setString(4, run + ":dead");
      st.executeUpdate();
      st.setString(1, "live-token");
      st.setTimestamp(2, java.sql.Timestamp.valueOf(now.plusMinutes(2)));
      st.setTimestamp(3, java.sql.Timestamp.valueOf(now.plusMinutes(2)));
      st.setString(4, run + ":busy");
      st.executeUpdate();
    }
    drainOutbox(run, 60);
    assertThat(outboxColumn(run + ":dead", "status")).isEqualTo("SENT");
    assertThat(outboxColumn(run + ":dead", "attempts")).isEqualTo("2");
    assertThat(standInReceived(run + " 甲")).hasSize(1);
    // The live claim is left alone: nobody else sends it while its lease runs.
    for (int i = 0; i < 3; i++) {
      outboxSender.runOnce("it-lease");
    }
    assertThat(outboxColumn(run + ":busy", "status")).isEqualTo("PENDING");
    assertThat(outboxColumn(run + ":busy", "claim_token")).isEqualTo("live-token");
    assertThat(standInReceived(run + " 乙")).isEmpty();
  }

  @Inject protected java.time.Clock schoolClock;

  /** Demo staff accounts nobody else's test writes to (10300…10799), a slice per test. */
  protected List<String> outboxRecipients(int offset, int count) throws Exception {
    List<String> accounts = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        var st =
            c.prepareStatement(
                "SELECT account FROM person WHERE account BETWEEN '10300' AND '10799'"
                    + " ORDER BY account LIMIT ? OFFSET ?")) {
      st.setInt(1, count);
      st.setInt(2, offset);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          accounts.add(rs.getString(1));
        }
      }
    }
    assertThat(accounts).hasSize(count);
    return accounts;
  }

  protected static cn.edu.ntvu.workbench.messaging.application.OutgoingMessage textMessage(
      String key, String user, String text, String topic) {
    return cn.edu.ntvu.workbench.messaging.application.OutgoingMessage.send(
        key,
        List.of(user),
        "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + text + "\"}}",
        topic);
  }

  protected int enqueue(List<cn.edu.ntvu.workbench.messaging.application.OutgoingMessage> messages)
      throws Exception {
    userTransaction.begin();
    int queued = 0;
    for (var m : messages) {
      queued += outbox.enqueue(m) ? 1 : 0;
    }
    userTransaction.commit();
    return queued;
  }

  /**
   * Runs the sender until no message of the topic is PENDING; back-off waits are skipped (time
   * "passes").
   */
  protected void drainOutbox(String topic, int seconds) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
    while (countOutbox(topic, "PENDING") > 0) {
      assertThat(System.nanoTime())
          .as("outbox drained within " + seconds + " s")
          .isLessThan(deadline);
      outboxSender.runOnce("it-drain");
      try (Connection c = dataSource.getConnection();
          var st =
              c.prepareStatement(
                  "UPDATE wecom_outbox SET next_attempt_at = ? WHERE topic = ?"
                      + " AND status = 'PENDING' AND claim_token IS NULL AND attempts > 0")) {
        st.setTimestamp(1, java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(schoolClock)));
        st.setString(2, topic);
        st.executeUpdate();
      }
      sleep(50);
    }
  }

  /** Waits until no worker (the background one included) holds a claim on the topic's messages. */
  protected void awaitNoClaims(String topic) throws Exception {
    for (int i = 0; i < 400; i++) {
      try (Connection c = dataSource.getConnection();
          var st =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM wecom_outbox WHERE topic = ? AND claim_token IS NOT NULL")) {
        st.setString(1, topic);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          if (rs.getInt(1) == 0) {
            return;
          }
        }
      }
      sleep(50);
    }
    throw new AssertionError("messages of " + topic + " stayed claimed");
  }

  protected int countOutbox(String topic, String status) throws Exception {
    try (Connection c = dataSource.getConnection();
        var st =
            c.prepareStatement(
                "SELECT COUNT(*) FROM wecom_outbox WHERE topic = ? AND status = ?")) {
      st.setString(1, topic);
      st.setString(2, status);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /**
   * message_key, status, attempts, last_error, wecom_msgid, deferrals, next_attempt_at of a topic's
   * messages.
   */
  protected List<Object[]> outboxRows(String topic) throws Exception {
    List<Object[]> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        var st =
            c.prepareStatement(
                "SELECT message_key, status, attempts, last_error, wecom_msgid, deferrals,"
                    + " next_attempt_at FROM wecom_outbox WHERE topic = ? ORDER BY id")) {
      st.setString(1, topic);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Object[] {
                rs.getString(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getTimestamp(7)
              });
        }
      }
    }
    return rows;
  }

  protected String outboxColumn(String key, String column) throws Exception {
    try (Connection c = dataSource.getConnection();
        var st =
            c.prepareStatement("SELECT " + column + " FROM wecom_outbox WHERE message_key = ?")) {
      st.setString(1, key);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).as(key).isTrue();
        return rs.getString(1);
      }
    }
  }

  /**
   * content and outcome of every message the stand-in received (message/send) whose body mentions
   * {@code run}.
   */
  protected List<String[]> standInReceived(String run) {
    return standIn().messagesContaining(run).stream()
        .filter(m -> "SEND".equals(m.api()))
        .map(m -> new String[] {m.body(), m.outcome()})
        .toList();
  }

  // --- end of WeCom outbox sender ---
}
