package cn.edu.ntvu.workbench.bench;

import static cn.edu.ntvu.workbench.bench.BenchKit.count;

import cn.edu.ntvu.workbench.testsupport.EmbeddedMariaDb;
import cn.edu.ntvu.workbench.testsupport.PayaraMicro;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WeCom outbox benchmark (issue 3), started by {@code bench/outbox.sh}: queues {@code
 * bench.messages} (default 10,000) text messages round-robin to the demo directory's people
 * (≈1,070, so ≈10 each: under WeCom's 30/min per person), makes them due at one instant, and lets
 * the packaged WAR's background worker deliver them to the WeCom stand-in (same Payara, over HTTP,
 * as in development). Prints the time until none is pending, and what the stand-in received:
 * duplicates (a message that reached it more than once, or was suppressed as a repeat) must be 0.
 * Target: 10,000 messages in ≤ 60 s.
 */
public final class OutboxBench {
  private static final String CLOCK = "2026-11-25T09:40";

  private OutboxBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(BenchKit.required("bench.work")).toAbsolutePath();
    int port = Integer.parseInt(System.getProperty("bench.port", "18680"));
    int messages = Integer.parseInt(System.getProperty("bench.messages", "10000"));
    String base = "http://localhost:" + port;

    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(work.resolve("mariadb"), 0)) {
      Map<String, String> env = new LinkedHashMap<>();
      for (String key :
          List.of(
              "WECOM_OUTBOX_WORKERS", "WECOM_OUTBOX_BATCH_SIZE", "WECOM_OUTBOX_POLL_INTERVAL_MS")) {
        String value = System.getenv(key);
        if (value != null && !value.isBlank()) {
          env.put(key, value);
        }
      }
      try (PayaraMicro app = BenchKit.startApp(db, work, port, CLOCK, env)) {
        System.out.printf(
            "app ready in %.1f s (dev mode, demo data loaded); worker settings: %s%n",
            app.readyTime().toMillis() / 1000.0,
            env.entrySet().stream().filter(e -> e.getKey().startsWith("WECOM_OUTBOX")).toList());
        List<String> people = people(db);
        if (people.size() < 100) {
          throw new IllegalStateException(
              "the demo directory is not loaded: " + people.size() + " people");
        }

        long q0 = System.nanoTime();
        queue(db, messages, people);
        System.out.printf(
            "queued %d messages to %d people in %.1f s (not yet due)%n",
            messages, people.size(), (System.nanoTime() - q0) / 1e9);

        long t0 = System.nanoTime();
        execute(db, "UPDATE wecom_outbox SET next_attempt_at = '2000-01-01' WHERE topic = 'bench'");
        long pending;
        long lastReport = t0;
        do {
          Thread.sleep(200);
          pending =
              count(
                  db,
                  "SELECT COUNT(*) FROM wecom_outbox WHERE topic = 'bench' AND status = 'PENDING'");
          if (System.nanoTime() - lastReport > 5_000_000_000L) {
            lastReport = System.nanoTime();
            System.out.printf("  %5.1f s: %d pending%n", (lastReport - t0) / 1e9, pending);
          }
          if (System.nanoTime() - t0 > 600_000_000_000L) {
            throw new IllegalStateException(
                "not delivered within 10 minutes: " + pending + " pending");
          }
        } while (pending > 0);
        double seconds = (System.nanoTime() - t0) / 1e9;

        long sent =
            count(
                db, "SELECT COUNT(*) FROM wecom_outbox WHERE topic = 'bench' AND status = 'SENT'");
        long failed =
            count(
                db,
                "SELECT COUNT(*) FROM wecom_outbox WHERE topic = 'bench' AND status = 'FAILED'");
        long retried =
            count(db, "SELECT COUNT(*) FROM wecom_outbox WHERE topic = 'bench' AND attempts > 1");
        long deferred =
            count(db, "SELECT COUNT(*) FROM wecom_outbox WHERE topic = 'bench' AND deferrals > 0");
        // What WeCom received, from the stand-in's controls (it keeps its own tables, beside the
        // app).
        jakarta.json.JsonObject summary =
            new cn.edu.ntvu.workbench.testsupport.StandIn(app.standInUrl()).messageSummary();
        long received = summary.getJsonNumber("received").longValue();
        long distinct = summary.getJsonNumber("distinct").longValue();
        long delivered = summary.getJsonNumber("delivered").longValue();
        long dropped = summary.getJsonNumber("dropped").longValue();
        long duplicates = received - distinct;
        System.out.printf(
            "outbox: %d messages delivered in %.1f s (%.0f/s; target 10,000 in ≤ 60 s); sent %d, failed %d,"
                + " retried %d, deferred by the per-person limit %d%n",
            messages, seconds, messages / seconds, sent, failed, retried, deferred);
        System.out.printf(
            "stand-in: received %d, delivered %d, dropped over the per-person limit %d; duplicates %d (must be 0)%n",
            received, delivered, dropped, duplicates);
        if (duplicates != 0 || sent != messages) {
          System.out.println("FAILED: duplicates or undelivered messages");
          System.exit(1);
        }
      }
    }
  }

  private static List<String> people(EmbeddedMariaDb db) throws SQLException {
    List<String> accounts = new ArrayList<>();
    for (int i = 0; i < 100 && accounts.isEmpty(); i++) {
      try (Connection c = db.adminConnection("workbench");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT account FROM person ORDER BY account")) {
        while (rs.next()) {
          accounts.add(rs.getString(1));
        }
      }
      if (accounts.size() < 1000) {
        accounts.clear();
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    return accounts;
  }

  /**
   * What WeComOutbox.enqueue writes, in bulk, with a due time far ahead so that nothing goes before
   * the start.
   */
  private static void queue(EmbeddedMariaDb db, int messages, List<String> people)
      throws SQLException {
    try (Connection c = db.adminConnection("workbench")) {
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO wecom_outbox (message_key, kind, to_users, body, topic, status, attempts, created_at,"
                  + " next_attempt_at) VALUES (?, 'SEND', ?, ?, 'bench', 'PENDING', 0, NOW(3), '2099-01-01')")) {
        for (int i = 0; i < messages; i++) {
          insert.setString(1, "bench:" + i);
          insert.setString(2, people.get(i % people.size()));
          insert.setString(3, "{\"msgtype\":\"text\",\"text\":{\"content\":\"压测消息 #" + i + "\"}}");
          insert.addBatch();
          if (i % 1000 == 999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      c.commit();
    }
  }

  private static void execute(EmbeddedMariaDb db, String sql) throws SQLException {
    try (Connection c = db.adminConnection("workbench");
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }
}
