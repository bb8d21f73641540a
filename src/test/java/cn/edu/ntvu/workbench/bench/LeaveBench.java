package cn.edu.ntvu.workbench.bench;

import static cn.edu.ntvu.workbench.bench.BenchKit.addStudents;
import static cn.edu.ntvu.workbench.bench.BenchKit.count;
import static cn.edu.ntvu.workbench.bench.BenchKit.env;
import static cn.edu.ntvu.workbench.bench.BenchKit.ms;
import static cn.edu.ntvu.workbench.bench.BenchKit.percentile;

import cn.edu.ntvu.workbench.testsupport.EmbeddedMariaDb;
import cn.edu.ntvu.workbench.testsupport.PayaraMicro;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Student leave benchmark (issue 3), started by {@code bench/leave.sh}. On the packaged WAR in
 * development mode with the demo directory plus {@code STUDENTS} generated students spread over
 * four classes:
 *
 * <ol>
 *   <li>every student submits one request, the submits spread evenly over {@code SPAN} seconds: how
 *       many were stored, p50/p99 latency of the submit post;
 *   <li>a counsellor's 待我审批 list with ~students/4 pending requests: p50/p99 page time over {@code
 *       LIST_RUNS} loads (4 at a time);
 *   <li>the outbox: {@code MESSAGES} messages queued, then the time until the sender marked them
 *       all sent and how many were sent more than once (attempts &gt; 1 with status SENT is not a
 *       duplicate; two SENT rows for one key cannot exist: message_key is unique). Skipped when no
 *       sender runs (the count stays at 0).
 * </ol>
 */
public final class LeaveBench {
  private static final String CLOCK = "2026-11-25T10:20";
  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
  private static final List<String> CLASSES = BenchKit.DEMO_CLASSES;

  private LeaveBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(BenchKit.required("bench.work")).toAbsolutePath();
    int port = Integer.parseInt(System.getProperty("bench.port", "18581"));
    int students = env("STUDENTS", 2000);
    int seconds = env("SPAN", 60);
    int listRuns = env("LIST_RUNS", 200);
    int warmup = env("WARMUP", 200);
    // The outbox has its own benchmark (bench/outbox.sh: 10,000 messages to the directory's people
    // through the
    // stand-in); MESSAGES > 0 adds a run here on the leave benchmark's server.
    int messages = env("MESSAGES", 0);
    String base = "http://localhost:" + port;
    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(work.resolve("mariadb"), 0)) {
      try (PayaraMicro app = BenchKit.startApp(db, work, port, CLOCK)) {
        System.out.printf("app ready in %.1f s%n", app.readyTime().toMillis() / 1000.0);
        List<String> accounts = addStudents(db, students + warmup);
        System.out.printf(
            "== %d students signing in through the WeCom stand-in (not timed)%n",
            students + warmup);
        List<WebSession> sessions = signIn(base, accounts);

        // A server that has just started compiles the form and submit paths during its first
        // requests; the figure is
        // the steady state, so other students submit first at the same pace (not timed, not
        // counted).
        int warmSeconds =
            Math.max(1, (int) Math.round((double) seconds * warmup / Math.max(1, students)));
        System.out.printf(
            "== warm-up: %d other students submit over %d s (not timed)%n", warmup, warmSeconds);
        submitAll(base, sessions.subList(0, warmup), warmSeconds);
        long warmStored =
            count(db, "SELECT COUNT(*) FROM leave_request WHERE student_account LIKE '2999%'");
        System.out.printf("== %d submits spread over %d s%n", students, seconds);
        List<Long> submitNanos =
            submitAll(base, sessions.subList(warmup, sessions.size()), seconds);
        long stored =
            count(db, "SELECT COUNT(*) FROM leave_request WHERE student_account LIKE '2999%'")
                - warmStored;
        System.out.printf(
            "  stored %d of %d; submit p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
            stored,
            students,
            ms(percentile(submitNanos, 50)),
            ms(percentile(submitNanos, 99)),
            ms(percentile(submitNanos, 100)));

        long pending =
            count(
                db,
                "SELECT COUNT(*) FROM leave_step_approver a JOIN leave_step s ON s.id = a.step_id"
                    + " AND s.status = 'OPEN' WHERE a.account = '10001'");
        System.out.printf(
            "== 待我审批 of counsellor 10001 with %d pending, %d loads%n", pending, listRuns);
        WebSession counsellor =
            WeComStandInScreen.signedIn(base + "/leave/approvals.xhtml", "10001");
        List<Long> listNanos = loadList(base, counsellor, listRuns);
        System.out.printf(
            "  list p50 %.0f ms, p99 %.0f ms%n",
            ms(percentile(listNanos, 50)), ms(percentile(listNanos, 99)));

        if (messages > 0) {
          System.out.printf("== outbox: %d messages queued%n", messages);
          outbox(db, messages);
        } else {
          System.out.println("== outbox: see bench/outbox.sh");
        }
      }
    }
  }

  private static List<WebSession> signIn(String base, List<String> accounts) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<WebSession>> f = new ArrayList<>();
      for (String a : accounts) {
        f.add(pool.submit(() -> WeComStandInScreen.signedIn(base + "/leave/apply.xhtml", a)));
      }
      List<WebSession> out = new ArrayList<>();
      for (Future<WebSession> s : f) {
        out.add(s.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Each session opens the form (not timed) and posts it (timed), started at an even pace over
   * {@code seconds}.
   */
  private static List<Long> submitAll(String base, List<WebSession> sessions, int seconds)
      throws Exception {
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    ExecutorService pool = Executors.newFixedThreadPool(64);
    long stepNanos = TimeUnit.SECONDS.toNanos(seconds) / Math.max(1, sessions.size());
    List<Future<?>> done = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < sessions.size(); i++) {
      WebSession web = sessions.get(i);
      int day = 1 + (i / CLASSES.size()) % 20;
      clock.schedule(
          () ->
              done.add(
                  pool.submit(
                      () -> {
                        HttpResponse<String> page = web.get(base + "/leave/apply.xhtml");
                        Matcher m = VIEW_STATE.matcher(page.body());
                        if (!m.find()) {
                          return;
                        }
                        Map<String, String> form = new LinkedHashMap<>();
                        form.put("apply", "apply");
                        form.put("type", "PERSONAL");
                        form.put("start", String.format("2026-12-%02dT08:00", day));
                        form.put("end", String.format("2026-12-%02dT12:00", day));
                        form.put("reason", "压测");
                        form.put("submit", "submit");
                        form.put("jakarta.faces.ViewState", m.group(1));
                        long t0 = System.nanoTime();
                        HttpResponse<String> r =
                            web.postMultipart(base + "/leave/apply.xhtml", form);
                        long t = System.nanoTime() - t0;
                        if (r.statusCode() == 302) {
                          nanos.add(t);
                        }
                      })),
          i * stepNanos,
          TimeUnit.NANOSECONDS);
    }
    clock.shutdown();
    clock.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    synchronized (done) {
      for (Future<?> f : new ArrayList<>(done)) {
        f.get();
      }
    }
    pool.shutdown();
    return new ArrayList<>(nanos);
  }

  private static List<Long> loadList(String base, WebSession web, int runs) throws Exception {
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    web.get(base + "/leave/approvals.xhtml");
    // One session, loads one after another: Payara's replicated session wants each request to carry
    // the version the
    // last one set.
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = web.get(base + "/leave/approvals.xhtml");
      if (r.statusCode() == 200) {
        nanos.add(System.nanoTime() - t0);
      }
    }
    return new ArrayList<>(nanos);
  }

  private static void outbox(EmbeddedMariaDb db, int n) throws Exception {
    long before = count(db, "SELECT COUNT(*) FROM wecom_outbox WHERE status = 'SENT'");
    try (Connection c = db.appConnection("workbench")) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO wecom_outbox (message_key, kind, to_users, body, topic, status, attempts, created_at,"
                  + " next_attempt_at) VALUES (?, 'SEND', ?, ?, 'bench', 'PENDING', 0, NOW(3), '2000-01-01')")) {
        for (int i = 0; i < n; i++) {
          ps.setString(1, "bench:" + i);
          ps.setString(2, String.format("20240100%03d", 1 + i % 40)); // the demo class 2401000
          ps.setString(3, "{\"msgtype\":\"text\",\"text\":{\"content\":\"bench " + i + "\"}}");
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
    long t0 = System.nanoTime();
    long sent = 0;
    int wait = env("OUTBOX_WAIT", 120);
    while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(wait)) {
      sent =
          count(db, "SELECT COUNT(*) FROM wecom_outbox WHERE topic = 'bench' AND status = 'SENT'");
      if (sent >= n) {
        break;
      }
      Thread.sleep(500);
    }
    if (sent == 0 && before == 0) {
      System.out.println(
          "  no outbox sender delivered anything in "
              + wait
              + " s: skipped (the sender is not in this build)");
      return;
    }
    System.out.printf(
        "  %d of %d sent in %.1f s; rows sent with more than one attempt: %d%n",
        sent,
        n,
        (System.nanoTime() - t0) / 1e9,
        count(
            db,
            "SELECT COUNT(*) FROM wecom_outbox WHERE topic = 'bench' AND status = 'SENT' AND attempts > 1"));
  }
}
