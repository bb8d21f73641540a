package cn.edu.ntvu.workbench.bench;

import static cn.edu.ntvu.workbench.bench.BenchKit.count;
import static cn.edu.ntvu.workbench.bench.BenchKit.devSignIn;
import static cn.edu.ntvu.workbench.bench.BenchKit.ms;
import static cn.edu.ntvu.workbench.bench.BenchKit.percentile;
import static cn.edu.ntvu.workbench.bench.BenchKit.required;
import static cn.edu.ntvu.workbench.bench.BenchKit.sessionWith;

import cn.edu.ntvu.workbench.bench.BenchKit.Client;
import cn.edu.ntvu.workbench.testsupport.EmbeddedMariaDb;
import cn.edu.ntvu.workbench.testsupport.PayaraMicro;
import cn.edu.ntvu.workbench.testsupport.StandIn;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 通知 benchmark (issue 20), started by {@code bench/notices.sh}. The packaged WAR in development
 * mode seeded with the school-shaped data set ({@code generate.py --students 15000}: 15,871 people;
 * the WeCom stand-in beside it knows the same people as members):
 *
 * <ol>
 *   <li>a notice to the whole school (department 000 and everything under it) sent through the
 *       compose page's 发送 by a member of staff holding 收集表全校发布: the time of that post (the audience
 *       resolved into 15,871 recipient rows and 16 cards queued, target ≤ 5 s), then until the
 *       outbox has delivered every card to the stand-in (target ≤ 60 s from the tap), and what the
 *       stand-in received (each person once: none twice);
 *   <li>{@code READERS} (5,000) students, signed in beforehand (not timed), open the notice page
 *       for the first time, due evenly within {@code READ_WINDOW} (300) seconds — the issue's
 *       "5,000 first reads within 5 minutes" — over {@code CONNECTIONS} (20) connections, each read
 *       timed from when it was due ({@code READ_WINDOW=0}: as fast as they answer, a stress run):
 *       p50/p99 of the page (target p99 ≤ 100 ms), the time all took (target ≤ 5 minutes), and the
 *       read rows;
 *   <li>the sender's counts page (read N/M, confirmed N/M, per class, the unread names) for the
 *       15,871 recipients, {@code RESULT_RUNS} (100) loads one after another: p50/p99 (target ≤ 200
 *       ms).
 * </ol>
 *
 * Exits non-zero when a target is missed.
 */
public final class NoticesBench {
  private static final String CLOCK = "2026-11-25T10:20";
  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");

  private NoticesBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(required("bench.work")).toAbsolutePath();
    Path data = work.resolve("data");
    int port = Integer.parseInt(System.getProperty("bench.port", "18584"));
    int readers = BenchKit.env("READERS", 5000);
    int connections = BenchKit.env("CONNECTIONS", 20);
    int resultRuns = BenchKit.env("RESULT_RUNS", 100);
    String base = "http://localhost:" + port;
    List<String> missed = new ArrayList<>();
    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(work.resolve("mariadb"), 0)) {
      Map<String, String> env = Map.of();
      long boot = System.nanoTime();
      try (PayaraMicro app = BenchKit.startSeeded(db, work, port, CLOCK, data, env)) {
        long people = count(db, "SELECT COUNT(*) FROM person WHERE status = 'ACTIVE'");
        System.out.printf(
            "app ready in %.1f s with the school-shaped directory seeded: %d active people%n",
            (System.nanoTime() - boot) / 1e9, people);

        String sender = firstCounsellor(db);
        execute(
            db,
            "INSERT INTO permission_grant (person_id, permission, granted_by, granted_at)"
                + " SELECT id, 'forms.publish-any', 'bench', NOW(3) FROM person WHERE account = '"
                + sender
                + "'");
        long id = draft(db, sender);
        WebSession owner = WeComStandInScreen.signedIn(base + "/notices/", sender);

        // ---- 1. send to everyone, through the compose page's 发送
        String edit = base + "/notices/edit.xhtml?id=" + id;
        HttpResponse<String> page = owner.get(edit);
        Matcher vs = VIEW_STATE.matcher(page.body());
        if (page.statusCode() != 200 || !vs.find()) {
          throw new IllegalStateException("the compose page did not answer: " + page.statusCode());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("edit", "edit");
        form.put("title", "全校通知（压测）");
        form.put("body", "<p>周五下午全校停电检修，请提前保存工作。</p>");
        form.put("needs-confirm", "on");
        form.put("confirm-deadline", "");
        form.put("send-at", "");
        form.put("send", "发送");
        form.put(
            "jakarta.faces.ViewState", vs.group(1).replace("&#58;", ":").replace("&amp;", "&"));
        long t0 = System.nanoTime();
        // The compose page's form is multipart (it uploads images and files), as the browser posts
        // it.
        HttpResponse<String> sent = owner.postMultipart(edit, form);
        double queued = (System.nanoTime() - t0) / 1e9;
        long recipients =
            count(db, "SELECT COUNT(*) FROM notice_recipient WHERE notice_id = " + id);
        long cards =
            count(db, "SELECT COUNT(*) FROM wecom_outbox WHERE topic = 'notices:" + id + "'");
        System.out.printf(
            "== send: HTTP %d in %.2f s: %d recipients, %d cards queued (target ≤ 5 s)%n",
            sent.statusCode(), queued, recipients, cards);
        if (sent.statusCode() != 302 || recipients != people) {
          throw new IllegalStateException(
              "the send did not go to everyone: HTTP "
                  + sent.statusCode()
                  + " "
                  + WebSession.location(sent)
                  + ", "
                  + recipients
                  + " of "
                  + people);
        }
        if (queued > 5) {
          missed.add("queued in " + queued + " s");
        }
        long pending;
        do {
          Thread.sleep(100);
          pending =
              count(
                  db,
                  "SELECT COUNT(*) FROM wecom_outbox WHERE topic = 'notices:"
                      + id
                      + "' AND status = 'PENDING'");
          if (System.nanoTime() - t0 > 600_000_000_000L) {
            throw new IllegalStateException("not delivered in 10 minutes: " + pending + " pending");
          }
        } while (pending > 0);
        double delivered = (System.nanoTime() - t0) / 1e9;
        long failed =
            count(
                db,
                "SELECT COUNT(*) FROM wecom_outbox WHERE topic = 'notices:"
                    + id
                    + "' AND status <> 'SENT'");
        JsonObject summary = new StandIn(app.standInUrl()).messageSummary();
        long received = summary.getJsonNumber("received").longValue();
        long distinct = summary.getJsonNumber("distinct").longValue();
        long reached = summary.getJsonNumber("delivered").longValue();
        System.out.printf(
            "== delivered: every card at the stand-in %.1f s after the tap (target ≤ 60 s); cards not sent %d;"
                + " stand-in received %d, distinct (person, content) %d, delivered %d, twice %d (must be 0)%n",
            delivered, failed, received, distinct, reached, received - distinct);
        if (delivered > 60) {
          missed.add("delivered in " + delivered + " s");
        }
        if (failed != 0 || received != distinct || distinct != recipients) {
          missed.add(
              "delivery: failed " + failed + ", received " + received + ", distinct " + distinct);
        }

        // ---- 2. first reads
        List<String> students = students(db, readers);
        System.out.printf("== signing in %d students (not timed)%n", students.size());
        long s0 = System.nanoTime();
        List<Client> sessions = signIn(base, students);
        System.out.printf("  signed in in %.0f s%n", (System.nanoTime() - s0) / 1e9);
        String view = base + "/notices/view.xhtml?id=" + id;
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger bad = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long mariadbPid =
            ProcessHandle.allProcesses()
                .filter(
                    ph ->
                        ph.info()
                            .commandLine()
                            .orElse("")
                            .contains(work.resolve("mariadb").toString()))
                .filter(ph -> ph.info().command().orElse("").endsWith("mariadbd"))
                .map(ProcessHandle::pid)
                .findFirst()
                .orElse(-1L);
        long payara0 = BenchKit.cpuTicks(app.process().pid());
        long db0 = BenchKit.cpuTicks(mariadbPid);
        // The scenario: READERS first reads arriving evenly within READ_WINDOW seconds
        // (300:
        // "5,000 first reads within 5 minutes"), served over CONNECTIONS connections; each read's
        // time counts from when it was due, so a backlog shows in the figures. READ_WINDOW=0: as
        // fast as the connections answer (a stress run, harder than the target).
        long window = (long) (BenchKit.env("READ_WINDOW", 300) * 1e9);
        AtomicInteger next = new AtomicInteger();
        List<Client> ordered = List.copyOf(sessions);
        long r0 = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
          runs.add(
              pool.submit(
                  () -> {
                    int k;
                    while ((k = next.getAndIncrement()) < ordered.size()) {
                      long due = r0 + window * k / ordered.size();
                      long wait = due - System.nanoTime();
                      if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                      }
                      long s = Math.min(due, System.nanoTime());
                      HttpResponse<String> r = ordered.get(k).get(view);
                      long took = System.nanoTime() - s;
                      if (r.statusCode() == 200 && r.body().contains("id=\"notice-title\"")) {
                        nanos.add(took);
                      } else {
                        bad.incrementAndGet();
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> f : runs) {
          f.get();
        }
        pool.shutdown();
        double readSeconds = (System.nanoTime() - r0) / 1e9;
        long read =
            count(
                db,
                "SELECT COUNT(*) FROM notice_recipient WHERE notice_id = "
                    + id
                    + " AND read_at IS NOT NULL");
        System.out.printf(
            "== %d first reads due evenly over "
                + (window == 0
                    ? "no window (as fast as answered)"
                    : (window / 1_000_000_000L) + " s")
                + " at %d connections, done in %.1f s (target ≤ 300 s): notice page p50 %.0f ms,"
                + " p99 %.0f ms, max %.0f ms (target p99 ≤ 100 ms); not answered as expected %d; read rows %d%n",
            sessions.size(),
            connections,
            readSeconds,
            ms(percentile(nanos, 50)),
            ms(percentile(nanos, 99)),
            ms(percentile(nanos, 100)),
            bad.get(),
            read);
        double payaraCpu = (BenchKit.cpuTicks(app.process().pid()) - payara0) * 10.0;
        double dbCpu = (BenchKit.cpuTicks(mariadbPid) - db0) * 10.0;
        System.out.printf(
            "  CPU per first read: Payara %.1f ms, MariaDB %.1f ms (machine load average then: %s)%n",
            payaraCpu / Math.max(1, sessions.size()),
            dbCpu / Math.max(1, sessions.size()),
            java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
        if (readSeconds > 300 || ms(percentile(nanos, 99)) > 100 || bad.get() > 0) {
          missed.add("first reads: p99 " + ms(percentile(nanos, 99)) + " ms, bad " + bad.get());
        }

        // ---- 3. the sender's counts page
        String results = base + "/notices/results.xhtml?id=" + id;
        for (int i = 0; i < 5; i++) {
          owner.get(results);
        }
        List<Long> counts = new ArrayList<>();
        int size = 0;
        long payaraC0 = BenchKit.cpuTicks(app.process().pid());
        long dbC0 = BenchKit.cpuTicks(mariadbPid);
        for (int i = 0; i < resultRuns; i++) {
          long s = System.nanoTime();
          HttpResponse<String> r = owner.get(results);
          long took = System.nanoTime() - s;
          if (r.statusCode() == 200 && r.body().contains("id=\"read-count\"")) {
            counts.add(took);
            size = r.body().length();
          }
        }
        System.out.printf(
            "== counts page for %d recipients (%d loads, %d chars): p50 %.0f ms, p99 %.0f ms (target ≤ 200 ms)%n",
            recipients,
            counts.size(),
            size,
            ms(percentile(counts, 50)),
            ms(percentile(counts, 99)));
        System.out.printf(
            "  CPU per load: Payara %.1f ms, MariaDB %.1f ms (load average then: %s)%n",
            (BenchKit.cpuTicks(app.process().pid()) - payaraC0) * 10.0 / Math.max(1, resultRuns),
            (BenchKit.cpuTicks(mariadbPid) - dbC0) * 10.0 / Math.max(1, resultRuns),
            java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
        if (counts.size() < resultRuns || ms(percentile(counts, 99)) > 200) {
          missed.add("counts page p99 " + ms(percentile(counts, 99)) + " ms");
        }
      }
    }
    if (!missed.isEmpty()) {
      System.out.println("MISSED: " + String.join("; ", missed));
      System.exit(1);
    }
    System.out.println("all targets met");
  }

  private static void execute(EmbeddedMariaDb db, String sql) throws Exception {
    try (Connection c = db.appConnection("workbench");
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  /** A counsellor of the data set (staff): the sender. */
  private static String firstCounsellor(EmbeddedMariaDb db) throws Exception {
    try (Connection c = db.appConnection("workbench");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT counsellor_account FROM school_class WHERE counsellor_account IS NOT NULL"
                    + " ORDER BY counsellor_account LIMIT 1")) {
      if (!rs.next()) {
        throw new IllegalStateException("no counsellor in the directory");
      }
      return rs.getString(1);
    }
  }

  /** A draft as the compose page keeps it, to the whole school (department 000 and below). */
  private static long draft(EmbeddedMariaDb db, String owner) throws Exception {
    try (Connection c = db.appConnection("workbench")) {
      long id;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO notice (title, body_html, body_source, status, owner_account, owner_name,"
                  + " needs_confirm, created_at, saved_at)"
                  + " SELECT '全校通知（压测）', '', '', 'DRAFT', account, name, TRUE, NOW(3), NOW(3)"
                  + " FROM person WHERE account = ?",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, owner);
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO notice_audience (notice_id, kind, value) VALUES ("
                + id
                + ", 'DEPARTMENT', '000')");
      }
      return id;
    }
  }

  /** {@code n} students of the data set, spread over every class. */
  private static List<String> students(EmbeddedMariaDb db, int n) throws Exception {
    List<String> all = new ArrayList<>();
    try (Connection c = db.appConnection("workbench");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT account FROM person WHERE kind = 'STUDENT' AND status = 'ACTIVE'"
                    + " ORDER BY account")) {
      while (rs.next()) {
        all.add(rs.getString(1));
      }
    }
    List<String> out = new ArrayList<>();
    int step = Math.max(1, all.size() / Math.max(1, n));
    for (int i = 0; i < all.size() && out.size() < n; i += step) {
      out.add(all.get(i));
    }
    return out;
  }

  private static List<Client> signIn(String base, List<String> accounts) throws Exception {
    // The first CAS sign-in alone: pac4j sets its CAS client up on first use, and several first
    // sign-ins at once (the app just started) met it half set up (a 500 from
    // IndirectClient.getRedirectionAction, ajaxRequestResolver null).
    List<Client> out = new ArrayList<>();
    out.add(sessionWith(devSignIn(base, accounts.get(0))));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Client>> f = new ArrayList<>();
      for (String a : accounts.subList(1, accounts.size())) {
        f.add(pool.submit(() -> sessionWith(devSignIn(base, a))));
      }
      for (Future<Client> s : f) {
        out.add(s.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }
}
