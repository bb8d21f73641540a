package cn.edu.ntvu.workbench.bench;

import static cn.edu.ntvu.workbench.bench.BenchKit.count;
import static cn.edu.ntvu.workbench.bench.BenchKit.required;

import cn.edu.ntvu.workbench.testsupport.EmbeddedMariaDb;
import cn.edu.ntvu.workbench.testsupport.PayaraMicro;
import cn.edu.ntvu.workbench.testsupport.StandIn;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers on WeCom's own tile pushed to the whole school (issue 21 item 5), started by {@code
 * bench/workbench-data.sh}. The packaged WAR in development mode seeded with the school-shaped data
 * set ({@code generate.py --students 15000}: 15,871 people, whom the WeCom stand-in beside it knows
 * as members), a keydata template of three numbers (待审批, 待填写, 未读通知), and {@code SPREAD} (13) sent
 * notices read by nobody so that the unread numbers run from 0 to SPREAD−1 (people share values, as
 * small counts do):
 *
 * <ol>
 *   <li>everyone marked as changed at once (as a notice to the whole school does): the time until
 *       every person's numbers are counted, queued and delivered to the stand-in (its workbench
 *       data for 15,871 people), the calls made ({@code set_workbench_data} one person, {@code
 *       batch_set_workbench_data} up to 1000), the most calls in any minute (our cap {@code
 *       workbench.native.calls-per-minute} 6,000, WeCom's 10,000 a minute per API, §2.3), and 45009
 *       answers (must be 0);
 *   <li>everyone marked again with nothing changed: counted again, nothing pushed.
 * </ol>
 *
 * Exits non-zero when a person is missing at the stand-in, a call carried over 1000 people, a
 * minute held over 10,000 calls or WeCom answered 45009.
 */
public final class WorkbenchDataBench {
  private static final String CLOCK = "2026-11-25T10:20";
  private static final String ITEMS =
      "[{\"badge\":\"leave:waiting-for-me\",\"label\":\"待审批\",\"url\":\"\"},"
          + "{\"badge\":\"forms:to-fill\",\"label\":\"待填写\",\"url\":\"\"},"
          + "{\"badge\":\"notices:unread\",\"label\":\"未读通知\",\"url\":\"\"}]";

  private WorkbenchDataBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(required("bench.work")).toAbsolutePath();
    Path data = work.resolve("data");
    int port = Integer.parseInt(System.getProperty("bench.port", "18586"));
    int spread = BenchKit.env("SPREAD", 13);
    String base = "http://localhost:" + port;
    List<String> missed = new ArrayList<>();
    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(work.resolve("mariadb"), 0)) {
      Map<String, String> env = new LinkedHashMap<>();
      for (String key :
          List.of(
              "WORKBENCH_NATIVE_CALLS_PER_MINUTE",
              "WECOM_OUTBOX_WORKERS",
              "WECOM_OUTBOX_BATCH_SIZE")) {
        String value = System.getenv(key);
        if (value != null && !value.isBlank()) {
          env.put(key, value);
        }
      }
      long boot = System.nanoTime();
      try (PayaraMicro app = BenchKit.startSeeded(db, work, port, CLOCK, data, env)) {
        long people = count(db, "SELECT COUNT(*) FROM person WHERE status = 'ACTIVE'");
        System.out.printf(
            "app ready in %.1f s with the school-shaped directory seeded: %d active people%n",
            (System.nanoTime() - boot) / 1e9, people);
        StandIn standIn = new StandIn(app.standInUrl());

        // Unread notices 0..SPREAD-1 per person, and the template (as the admin page stores it).
        execute(
            db,
            "INSERT INTO notice (title, body_html, body_source, status, owner_account, owner_name,"
                + " created_at, saved_at, sent_at) SELECT CONCAT('bench-', seq), '<p>x</p>', 'x', 'SENT',"
                + " 'bench', 'bench', NOW(3), NOW(3), NOW(3) FROM seq_1_to_"
                + Math.max(1, spread - 1));
        execute(
            db,
            "INSERT INTO notice_recipient (notice_id, account, name) SELECT n.id, p.account, p.name"
                + " FROM notice n JOIN person p ON n.title LIKE 'bench-%'"
                + " AND CAST(SUBSTRING(n.title, 7) AS UNSIGNED) <= MOD(p.id, "
                + spread
                + ") WHERE p.status = 'ACTIVE'");
        System.out.printf(
            "%d unread notice rows (0 to %d a person)%n",
            count(db, "SELECT COUNT(*) FROM notice_recipient"), spread - 1);
        execute(
            db,
            "INSERT INTO workbench_native_template (agent_id, items, enabled, version, updated_by,"
                + " updated_at) VALUES ('1000002', '"
                + ITEMS
                + "', TRUE, 1, 'bench', NOW(3))");
        // The app reads the template again within 30 s.
        Thread.sleep(31_000);
        standIn.control("{\"reset\":true,\"resetWorkbench\":true}");

        // ---- 1. everyone changed
        Result first = pushEveryone(db, standIn);
        long batch =
            count(
                db,
                "SELECT COUNT(*) FROM wecom_outbox WHERE kind = 'WORKBENCH_DATA'"
                    + " AND to_users LIKE '%|%'");
        long calls = count(db, "SELECT COUNT(*) FROM wecom_outbox WHERE kind = 'WORKBENCH_DATA'");
        long biggest =
            count(
                db,
                "SELECT COALESCE(MAX(LENGTH(to_users) - LENGTH(REPLACE(to_users, '|', '')) + 1), 0)"
                    + " FROM wecom_outbox WHERE kind = 'WORKBENCH_DATA'");
        long perMinute =
            count(
                db,
                "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) n FROM wecom_outbox a"
                    + " JOIN wecom_outbox b ON b.kind = 'WORKBENCH_DATA' AND b.sent_at >= a.sent_at"
                    + " AND b.sent_at < a.sent_at + INTERVAL 60 SECOND"
                    + " WHERE a.kind = 'WORKBENCH_DATA' GROUP BY a.id) w");
        long limited =
            count(
                db,
                "SELECT COUNT(*) FROM wecom_outbox WHERE kind = 'WORKBENCH_DATA'"
                    + " AND (last_errcode = 45009 OR attempts > 1)");
        JsonObject wb = standIn.get("/_control/workbench?limit=1");
        JsonObject stCalls = standIn.get("/_control/calls").getJsonObject("calls");
        int single = stCalls.getInt("/cgi-bin/agent/set_workbench_data", 0);
        int batched = stCalls.getInt("/cgi-bin/agent/batch_set_workbench_data", 0);
        System.out.printf(
            "== push to everyone: %d people counted and queued in %.1f s, delivered in %.1f s"
                + " (from the mark to the last call answered)%n",
            people, first.queued(), first.delivered());
        System.out.printf(
            "   calls: %d (%d batch_set_workbench_data ≤1000 people, %d set_workbench_data); biggest call"
                + " %d people; most calls in a minute %d (cap 6,000; WeCom 10,000); retried or 45009: %d%n",
            calls, batch, calls - batch, biggest, perMinute, limited);
        System.out.printf(
            "   stand-in: %d calls answered (%d batch, %d single); people with data %d%n",
            batched + single, batched, single, wb.getInt("peopleWithData"));
        if (wb.getInt("peopleWithData") < people) {
          missed.add("only " + wb.getInt("peopleWithData") + " of " + people + " people have data");
        }
        if (biggest > 1000) {
          missed.add("a call carried " + biggest + " people");
        }
        if (perMinute > 10_000) {
          missed.add(perMinute + " calls in one minute");
        }
        if (limited > 0) {
          missed.add(limited + " calls retried or answered 45009");
        }

        // ---- 2. everyone marked again, nothing changed
        Result again = pushEveryone(db, standIn);
        long callsAfter =
            count(db, "SELECT COUNT(*) FROM wecom_outbox WHERE kind = 'WORKBENCH_DATA'");
        System.out.printf(
            "== everyone marked again, nothing changed: counted in %.1f s; %d new calls (must be 0)%n",
            again.queued(), callsAfter - calls);
        if (callsAfter != calls) {
          missed.add((callsAfter - calls) + " calls when nothing changed");
        }
      }
    }
    if (!missed.isEmpty()) {
      System.out.println("MISSED: " + missed);
      System.exit(1);
    }
  }

  record Result(double queued, double delivered) {}

  /** Marks everyone due now and waits until nobody waits and no call is pending. */
  private static Result pushEveryone(EmbeddedMariaDb db, StandIn standIn) throws Exception {
    long t0 = System.nanoTime();
    execute(
        db,
        "INSERT INTO workbench_native_dirty (userid, due_at) SELECT account, '2000-01-01'"
            + " FROM person WHERE status = 'ACTIVE'");
    double queued = -1;
    long lastReport = t0;
    while (true) {
      Thread.sleep(200);
      long waiting = count(db, "SELECT COUNT(*) FROM workbench_native_dirty");
      long pending =
          count(
              db,
              "SELECT COUNT(*) FROM wecom_outbox WHERE kind = 'WORKBENCH_DATA' AND status = 'PENDING'");
      if (waiting == 0 && queued < 0) {
        queued = (System.nanoTime() - t0) / 1e9;
      }
      if (waiting == 0 && pending == 0) {
        break;
      }
      if (System.nanoTime() - lastReport > 10_000_000_000L) {
        lastReport = System.nanoTime();
        System.out.printf(
            "  %5.1f s: %d people waiting, %d calls pending%n",
            (lastReport - t0) / 1e9, waiting, pending);
      }
      if (System.nanoTime() - t0 > 900_000_000_000L) {
        throw new IllegalStateException("not done within 15 minutes");
      }
    }
    return new Result(queued, (System.nanoTime() - t0) / 1e9);
  }

  private static void execute(EmbeddedMariaDb db, String sql) throws Exception {
    try (Connection c = db.adminConnection("workbench");
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  @SuppressWarnings("unused")
  private static Timestamp unused(ResultSet rs) {
    return null;
  }
}
