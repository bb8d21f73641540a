package cn.edu.ntvu.workbench.bench;

import static cn.edu.ntvu.workbench.bench.BenchKit.count;
import static cn.edu.ntvu.workbench.bench.BenchKit.devSignIn;
import static cn.edu.ntvu.workbench.bench.BenchKit.required;
import static cn.edu.ntvu.workbench.bench.BenchKit.sessionWith;

import cn.edu.ntvu.workbench.testsupport.EmbeddedMariaDb;
import cn.edu.ntvu.workbench.testsupport.PayaraMicro;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 18's speed benchmark, started by {@code bench/approvals.sh}. The packaged WAR in
 * development mode seeded with the school-shaped data set ({@code generate.py --students 15000}),
 * the school clock at Wednesday 2026-11-25 10:20; requests, steps and seats seeded in SQL:
 *
 * <ol>
 *   <li><b>待我审批 with 500 waiting</b>: the counsellor with the most classes has 500 pending requests
 *       of their students waiting (one open step each); {@code CONNECTIONS} (20) of their sessions
 *       in wrk for 30 s on {@code /leave/approvals.xhtml}: p50/p99 (target p99 ≤ 150 ms) and the
 *       statements per page;
 *   <li><b>batch approve 100</b>: the page's own 批量同意 with the first 100 ticked, one post: its time
 *       (target ≤ 3 s), and every card queued exactly once — per request one notice to the student
 *       ({@code :decided}) and one settled card ({@code :card-settled}), counted in the outbox;
 *   <li><b>escalation over 20,000 open steps</b>: 20,000 more pending requests of students all over
 *       the school, their step opened Friday 11-20 10:00 (≈ 30 working hours before the clock: due
 *       for stage 1, not stage 2), committed at once; the next scheduled run of the job (every 5
 *       minutes) escalates them: its own time from the log line (target ≤ 5 s), each step's stage
 *       recorded once, one message per step.
 * </ol>
 *
 * Exits non-zero when a target is missed.
 */
public final class ApprovalsBench {
  private static final String CLOCK = "2026-11-25T10:20";
  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
  private static final Pattern TICK =
      Pattern.compile("<input[^>]*type=\"checkbox\"[^>]*name=\"([^\"]+)\"[^>]*class=\"tick\"");
  private static final Pattern TICK2 =
      Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*type=\"checkbox\"[^>]*class=\"tick\"");
  private static final Pattern ESCALATION_LOG =
      Pattern.compile(
          "leave escalation: (\\d+) step\\(s\\) to stage 1, (\\d+) to stage 2 in (\\d+) ms"
              + "(?: \\((\\d+) ms CPU)?");

  /** Payara's and MariaDB's processes, for the CPU each part costs. */
  private static long payaraPid;

  private static long mariadbPid;

  private ApprovalsBench() {}

  private static long mariadbPid(Path work) {
    return ProcessHandle.allProcesses()
        .filter(
            ph -> ph.info().commandLine().orElse("").contains(work.resolve("mariadb").toString()))
        .filter(ph -> ph.info().command().orElse("").endsWith("mariadbd"))
        .map(ProcessHandle::pid)
        .findFirst()
        .orElse(-1L);
  }

  public static void main(String[] args) throws Exception {
    Path work = Path.of(required("bench.work")).toAbsolutePath();
    int port = Integer.parseInt(System.getProperty("bench.port", "18586"));
    int connections = BenchKit.env("CONNECTIONS", 20);
    int waiting = BenchKit.env("WAITING", 500);
    int batch = BenchKit.env("BATCH", 100);
    int open = BenchKit.env("OPEN_STEPS", 20_000);
    String base = "http://localhost:" + port;
    List<String> missed = new ArrayList<>();
    System.out.println("load average at start: " + loadAverage());
    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(work.resolve("mariadb"), 0)) {
      Map<String, String> env = new LinkedHashMap<>();
      // The outbox sender stays off: the figures are the app's, not the stand-in's deliveries, and
      // the rows stay countable.
      env.put("WECOM_OUTBOX_WORKER_ENABLED", "false");
      long boot = System.nanoTime();
      try (PayaraMicro app =
          BenchKit.startSeeded(db, work, port, CLOCK, work.resolve("data"), env)) {
        System.out.printf(
            "app ready in %.1f s, seeded with the school-shaped data set: %d active people, %d classes%n",
            (System.nanoTime() - boot) / 1e9,
            count(db, "SELECT COUNT(*) FROM person WHERE status = 'ACTIVE'"),
            count(db, "SELECT COUNT(*) FROM school_class"));
        String approver = mostClasses(db);
        List<String[]> students = studentsOf(db, approver);
        List<Long> ids = seedWaiting(db, approver, students, waiting);
        System.out.printf(
            "== 待我审批: counsellor %s, %d students, %d requests waiting%n",
            approver, students.size(), ids.size());

        // ---- 1. the page at 20 connections
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
          sessions.add(devSignIn(base, approver));
        }
        String url = base + "/leave/approvals.xhtml";
        HttpResponse<String> page = sessionWith(sessions.get(0)).get(url);
        int rows = countOf(page.body(), "class=\"lv-approval\"");
        // The page lists the oldest ones (LeaveQueries.waitingFor's limit), the badge counts all.
        if (page.statusCode() != 200 || rows < Math.min(batch, ids.size())) {
          throw new IllegalStateException(
              "待我审批 did not list the waiting: " + page.statusCode() + ", " + rows);
        }
        System.out.printf(
            "  the page lists %d of the %d (oldest first), %d KB of HTML%n",
            rows, ids.size(), page.body().length() / 1024);
        double statements = BenchKit.queriesPerRequest(db, url, sessions);
        Path cookieFile = BenchKit.writeCookieFile(work, sessions);
        BenchKit.wrk(cookieFile, url, connections, 10); // warm-up
        payaraPid = app.process().pid();
        mariadbPid = mariadbPid(work);
        long payara0 = BenchKit.cpuTicks(payaraPid);
        long db0 = BenchKit.cpuTicks(mariadbPid);
        String figures = BenchKit.wrk(cookieFile, url, connections, 30);
        double served;
        try {
          served = Double.parseDouble(BenchKit.field(figures, "^(\\S+) req/s")) * 30;
        } catch (NumberFormatException e) {
          served = Double.NaN;
        }
        // CPU per page: what the figures would be on a machine of our own (load-independent).
        System.out.printf(
            "  CPU per page: Payara %.1f ms, MariaDB %.1f ms%n",
            (BenchKit.cpuTicks(payaraPid) - payara0) * 10.0 / served,
            (BenchKit.cpuTicks(mariadbPid) - db0) * 10.0 / served);
        double p99 = AttendanceBench.wrkMillis(BenchKit.field(figures, "p99 ([^,]+)"));
        System.out.printf(
            "  待我审批 with %d waiting, %d connections, 30 s: %s; %.1f statements per page"
                + " (target p99 ≤ 150 ms)%n",
            rows, connections, figures, statements);
        if (!(p99 <= 150) || !figures.contains("non-200 0")) {
          missed.add("待我审批 p99 " + p99 + " ms");
        }

        // ---- 2. batch approve 100
        batchApprove(db, base, approver, ids, batch, missed);

        // ---- 3. escalation over 20,000 open steps (OPEN_STEPS=0: not run)
        if (open > 0) {
          escalation(db, work, open, missed);
        }
      }
    }
    System.out.println("load average at the end: " + loadAverage());
    if (!missed.isEmpty()) {
      System.out.println("MISSED: " + String.join("; ", missed));
      System.exit(1);
    }
    System.out.println("every target met");
  }

  private static void jcmd(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("jcmd", String.valueOf(payaraPid)));
    cmd.addAll(List.of(args));
    new ProcessBuilder(cmd).inheritIO().start().waitFor();
  }

  private static void batchApprove(
      EmbeddedMariaDb db, String base, String approver, List<Long> ids, int n, List<String> missed)
      throws Exception {
    String cookie = devSignIn(base, approver);
    String url = base + "/leave/approvals.xhtml";
    HttpResponse<String> page = sessionWith(cookie).get(url);
    cookie = BenchKit.cookies(page, cookie);
    Matcher vs = VIEW_STATE.matcher(page.body());
    if (!vs.find()) {
      throw new IllegalStateException("no view state on 待我审批");
    }
    List<String> ticks = new ArrayList<>();
    for (Pattern p : List.of(TICK, TICK2)) {
      Matcher m = p.matcher(page.body());
      while (m.find()) {
        if (!ticks.contains(m.group(1))) {
          ticks.add(m.group(1));
        }
      }
    }
    List<Long> shown = new ArrayList<>();
    Matcher d = Pattern.compile("class=\"lv-approval\" data-id=\"(\\d+)\"").matcher(page.body());
    while (d.find()) {
      shown.add(Long.parseLong(d.group(1)));
    }
    if (ticks.size() != shown.size() || ticks.size() < n) {
      throw new IllegalStateException(
          "待我审批: " + ticks.size() + " ticks for " + shown.size() + " rows");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("approvals", "approvals");
    for (int i = 0; i < n; i++) {
      form.put(ticks.get(i), "on");
    }
    form.put("approve-ticked", "批量同意");
    form.put("jakarta.faces.ViewState", vs.group(1));
    long queued0 = count(db, "SELECT COUNT(*) FROM wecom_outbox");
    long payara0 = BenchKit.cpuTicks(payaraPid);
    long db0 = BenchKit.cpuTicks(mariadbPid);
    // BENCH_JFR=<file>: a flight recording of Payara over the batch post alone
    String jfr = System.getenv("BENCH_JFR");
    if (jfr != null && !jfr.isBlank()) {
      jcmd("JFR.start", "name=batch", "settings=profile");
    }
    long t0 = System.nanoTime();
    HttpResponse<String> r = sessionWith(cookie).post(url, form);
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (jfr != null && !jfr.isBlank()) {
      jcmd("JFR.dump", "name=batch", "filename=" + jfr);
      jcmd("JFR.stop", "name=batch");
    }
    System.out.printf(
        "  CPU of the batch post: Payara %.0f ms, MariaDB %.0f ms%n",
        (BenchKit.cpuTicks(payaraPid) - payara0) * 10.0,
        (BenchKit.cpuTicks(mariadbPid) - db0) * 10.0);
    List<Long> approvedIds = shown.subList(0, n);
    String in = approvedIds.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("0");
    long approved =
        count(
            db,
            "SELECT COUNT(*) FROM leave_request WHERE status = 'APPROVED' AND id IN (" + in + ")");
    long decided = keys(db, approvedIds, ":step:1:decided");
    long settled = keys(db, approvedIds, ":step:1:card-settled");
    long perRequestMax =
        count(
            db,
            "SELECT COALESCE(MAX(c), 0) FROM (SELECT COUNT(*) c FROM wecom_outbox WHERE topic IN ("
                + approvedIds.stream()
                    .map(i -> "'leave:" + i + "'")
                    .reduce((a, b) -> a + "," + b)
                    .orElse("''")
                + ") AND (message_key LIKE '%:decided' OR message_key LIKE '%:card-settled')"
                + " GROUP BY message_key) x");
    long queued = count(db, "SELECT COUNT(*) FROM wecom_outbox") - queued0;
    System.out.printf(
        "== batch approve %d: %.2f s (status %d); %d approved; outbox: %d student notices, %d settled"
            + " cards (each key at most %d time), %d rows queued in all (course teachers' notices"
            + " included) (target ≤ 3 s, every card once)%n",
        n, seconds, r.statusCode(), approved, decided, settled, perRequestMax, queued);
    if (!(seconds <= 3.0)) {
      missed.add(String.format("batch approve %.2f s", seconds));
    }
    if (approved != n || decided != n || settled != n || perRequestMax != 1) {
      missed.add(
          "batch approve: "
              + approved
              + " approved, "
              + decided
              + " notices, "
              + settled
              + " cards");
    }
  }

  private static long keys(EmbeddedMariaDb db, List<Long> ids, String suffix) throws Exception {
    String in =
        ids.stream()
            .map(i -> "'leave:" + i + suffix + "'")
            .reduce((a, b) -> a + "," + b)
            .orElse("''");
    return count(db, "SELECT COUNT(*) FROM wecom_outbox WHERE message_key IN (" + in + ")");
  }

  private static void escalation(EmbeddedMariaDb db, Path work, int n, List<String> missed)
      throws Exception {
    long before = count(db, "SELECT COUNT(*) FROM leave_step_escalation");
    List<String[]> all = new ArrayList<>();
    try (Connection c = db.appConnection("workbench");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT p.account, p.name, sc.code, sc.counsellor_account FROM person p"
                    + " JOIN school_class sc ON sc.id = p.class_id"
                    + " WHERE p.kind = 'STUDENT' AND p.status = 'ACTIVE' AND sc.counsellor_account IS NOT NULL"
                    + " ORDER BY p.account")) {
      while (rs.next()) {
        all.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
      }
    }
    long t0 = System.nanoTime();
    List<Long> ids = seed(db, all, n, LocalDateTime.parse("2026-11-20T10:00"), 2_000_000L, "esc");
    System.out.printf(
        "== escalation: %d open steps seeded (opened 11-20 10:00) in %.1f s, committed at once;"
            + " waiting for the job's next run (every 5 minutes)%n",
        ids.size(), (System.nanoTime() - t0) / 1e9);
    Path log = work.resolve("payara.log");
    long waitStart = System.nanoTime();
    String[] found = null;
    while (System.nanoTime() - waitStart < Duration.ofMinutes(7).toNanos()) {
      Thread.sleep(2000);
      String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      Matcher m = ESCALATION_LOG.matcher(text);
      while (m.find()) {
        if (Integer.parseInt(m.group(1)) >= n) {
          found = new String[] {m.group(1), m.group(2), m.group(3), m.group(4)};
        }
      }
      if (found != null) {
        break;
      }
    }
    if (found == null) {
      missed.add("escalation: no run escalated " + n + " steps within 7 minutes");
      return;
    }
    long ms = Long.parseLong(found[2]);
    long stages = count(db, "SELECT COUNT(*) FROM leave_step_escalation") - before;
    long mine =
        count(
            db,
            "SELECT COUNT(*) FROM leave_step_escalation WHERE stage = 1 AND request_id >= 2000000");
    long messages =
        count(
            db,
            "SELECT COUNT(*) FROM wecom_outbox WHERE message_key LIKE 'leave:2%:step:1:escalated:1'"
                + " AND topic >= 'leave:2000000'");
    long events =
        count(
            db,
            "SELECT COUNT(*) FROM leave_event WHERE action = 'ESCALATED' AND request_id >= 2000000");
    System.out.printf(
        "  the run: %s step(s) to stage 1, %s to stage 2 in %d ms, %s ms CPU of the job's thread"
            + " (target ≤ 5000 ms); %d stage rows"
            + " (%d of the seeded steps), %d messages, %d timeline lines%n",
        found[0], found[1], ms, found[3], stages, mine, messages, events);
    if (ms > 5000) {
      missed.add("escalation " + ms + " ms");
    }
    if (mine != n || messages != n || events != n) {
      missed.add(
          "escalation: " + mine + " stages, " + messages + " messages, " + events + " lines");
    }
  }

  /** The counsellor of the most classes (ties: the first account). */
  private static String mostClasses(EmbeddedMariaDb db) throws Exception {
    try (Connection c = db.appConnection("workbench");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT counsellor_account FROM school_class WHERE counsellor_account IS NOT NULL"
                    + " GROUP BY counsellor_account ORDER BY COUNT(*) DESC, counsellor_account LIMIT 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static List<String[]> studentsOf(EmbeddedMariaDb db, String counsellor) throws Exception {
    List<String[]> out = new ArrayList<>();
    try (Connection c = db.appConnection("workbench");
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT p.account, p.name, sc.code, sc.counsellor_account FROM person p"
                    + " JOIN school_class sc ON sc.id = p.class_id WHERE sc.counsellor_account = ?"
                    + " AND p.kind = 'STUDENT' AND p.status = 'ACTIVE' ORDER BY p.account")) {
      ps.setString(1, counsellor);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
        }
      }
    }
    return out;
  }

  private static List<Long> seedWaiting(
      EmbeddedMariaDb db, String approver, List<String[]> students, int n) throws Exception {
    // Opened this morning: not due for escalation during the run.
    return seed(db, students, n, LocalDateTime.parse("2026-11-25T08:30"), 1_000_000L, "wait");
  }

  /**
   * {@code n} pending one-step requests of {@code students} in turn (personal leave on a day of
   * December, 08:00–12:00), each step open since {@code opened} with the class's counsellor seated;
   * ids from {@code firstId}. One transaction.
   */
  private static List<Long> seed(
      EmbeddedMariaDb db,
      List<String[]> students,
      int n,
      LocalDateTime opened,
      long firstId,
      String tag)
      throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = db.appConnection("workbench")) {
      c.setAutoCommit(false);
      try (PreparedStatement req =
              c.prepareStatement(
                  "INSERT INTO leave_request (id, student_account, student_name, class_code, type_code,"
                      + " starts_at, ends_at, duration_minutes, duration_days, reason, off_campus, status,"
                      + " current_step, step_count, submit_token, submitted_at)"
                      + " VALUES (?, ?, ?, ?, 'PERSONAL', ?, ?, 240, 0.5, ?, FALSE, 'PENDING', 1, 1, ?, ?)");
          PreparedStatement step =
              c.prepareStatement(
                  "INSERT INTO leave_step (id, request_id, step_no, approver_role, status, opened_at)"
                      + " VALUES (?, ?, 1, 'COUNSELLOR', 'OPEN', ?)");
          PreparedStatement seat =
              c.prepareStatement(
                  "INSERT INTO leave_step_approver (step_id, account, request_id) VALUES (?, ?, ?)")) {
        for (int i = 0; i < n; i++) {
          String[] s = students.get(i % students.size());
          long id = firstId + i;
          LocalDateTime day =
              LocalDateTime.parse("2026-12-01T08:00").plusDays(i / students.size() % 25);
          req.setLong(1, id);
          req.setString(2, s[0]);
          req.setString(3, s[1]);
          req.setString(4, s[2]);
          req.setTimestamp(5, Timestamp.valueOf(day));
          req.setTimestamp(6, Timestamp.valueOf(day.plusHours(4)));
          req.setString(7, "压测 " + tag + " " + i);
          req.setString(8, tag + "-" + i);
          req.setTimestamp(9, Timestamp.valueOf(opened.minusMinutes(1)));
          req.addBatch();
          step.setLong(1, id);
          step.setLong(2, id);
          step.setTimestamp(3, Timestamp.valueOf(opened));
          step.addBatch();
          seat.setLong(1, id);
          seat.setString(2, s[3]);
          seat.setLong(3, id);
          seat.addBatch();
          ids.add(id);
          if (i % 1000 == 999) {
            req.executeBatch();
            step.executeBatch();
            seat.executeBatch();
          }
        }
        req.executeBatch();
        step.executeBatch();
        seat.executeBatch();
      }
      c.commit();
    }
    return ids;
  }

  private static int countOf(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip()
          + " ("
          + Runtime.getRuntime().availableProcessors()
          + " cores)";
    } catch (Exception e) {
      return "?";
    }
  }
}
