package cn.edu.ntvu.workbench.bench;

import cn.edu.ntvu.workbench.testsupport.LocalCluster;
import cn.edu.ntvu.workbench.testsupport.LocalCluster.Node;
import cn.edu.ntvu.workbench.testsupport.WeComGate;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The fault drills of issue 17, started by {@code bench/resilience.sh}: the local cluster ({@link
 * LocalCluster}: three nodes, HAProxy, MariaDB, the WeCom gate), signed-in WeCom students and
 * counsellors driven by wrk with {@code bench/cluster-mix.lua} (home, week view, leave requests,
 * 收集表 answers, approvals from the page) plus card-button approvals through the stand-in's callback,
 * and five faults in order: a node killed and restarted two minutes later, a rolling restart on a
 * new copy of the WAR, MariaDB stopped for 30 s, WeCom answering -1 / hanging / refusing for five
 * minutes, one node frozen (SIGSTOP) for 20 s. After each drill the database and the gate's record
 * of WeCom calls are checked against every response the load driver recorded, and one line of the
 * table is printed.
 */
public final class ResilienceBench {
  private static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");
  private static final List<String> COUNSELLORS = List.of("10001", "10002", "10003", "10069");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final LocalCluster cluster;
  private final Path work;
  private final String run;
  private final Path sessions;
  private final Map<String, String> signedIn = new LinkedHashMap<>();
  private final List<Long> forms;
  private final int formsPerDrill;
  private int drillNo;
  private final List<String> table = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final String standIn;

  private ResilienceBench(LocalCluster cluster, Path work, List<Long> forms, int formsPerDrill) {
    this.cluster = cluster;
    this.work = work;
    this.run = "r" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    this.sessions = work.resolve("sessions.tsv");
    this.forms = forms;
    this.formsPerDrill = formsPerDrill;
    String s = System.getenv("WECOM_STANDIN_URL");
    this.standIn = s == null || s.isBlank() ? cluster.baseUrl() + "/wecom-standin" : s;
  }

  public static void main(String[] args) throws Exception {
    Path work = Path.of(BenchKit.required("bench.work")).toAbsolutePath();
    Files.createDirectories(work);
    int students = BenchKit.env("STUDENTS", 24);
    List<String> drills =
        List.of(env("DRILLS", "node-kill,rolling-restart,database,wecom,pause").split(","));
    int formsPerDrill = BenchKit.env("FORMS_PER_DRILL", 12);
    Map<String, String> nodeEnv = new LinkedHashMap<>(ClusterMain.passedEnv());
    try (LocalCluster cluster =
        LocalCluster.options()
            .microJar(Path.of(BenchKit.required("bench.microJar")))
            .war(Path.of(BenchKit.required("bench.war")))
            .work(work.resolve("cluster"))
            .ports(
                LocalCluster.Ports.from(BenchKit.env("BASE_PORT", 18280), BenchKit.env("NODES", 3)))
            .standIn(Path.of(BenchKit.required("bench.standinWar")))
            .seedDir(Path.of(BenchKit.required("bench.demoDir")))
            .env(nodeEnv)
            .start()) {
      List<String> accounts = BenchKit.addStudents(cluster.database(), students);
      List<Long> forms = forms(cluster, formsPerDrill * drills.size());
      closingForms(cluster, BenchKit.env("CLOSING_FORMS", 30));
      ResilienceBench bench = new ResilienceBench(cluster, work, forms, formsPerDrill);
      bench.signInAll(accounts);
      System.out.printf(
          "== %d students and %d counsellors signed in through the WeCom stand-in; run %s%n",
          accounts.size(), COUNSELLORS.size(), bench.run);
      int capacitySeconds = BenchKit.env("CAPACITY_SECONDS", 20);
      if (capacitySeconds > 0) {
        bench.capacity(accounts, capacitySeconds);
      }
      for (String d : drills) {
        bench.drill(d.strip());
      }
      bench.print();
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v.strip();
  }

  private static int seconds(String name, int fallback) {
    return BenchKit.env(name, fallback);
  }

  // ---- set-up

  /** Forms of one text question to every generated student, open all day. */
  private static List<Long> forms(LocalCluster cluster, int n) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = cluster.database().appConnection(cluster.schema())) {
      for (int i = 0; i < n; i++) {
        ids.add(form(c, "演练收集表 " + i, LocalDateTime.now(SCHOOL).plusDays(30)));
      }
    }
    return ids;
  }

  /**
   * Forms closing one a minute from now on: the closing job must close each once, whatever the
   * drills do.
   */
  private static void closingForms(LocalCluster cluster, int n) throws SQLException {
    try (Connection c = cluster.database().appConnection(cluster.schema())) {
      for (int i = 1; i <= n; i++) {
        form(c, "到点关闭 " + i, LocalDateTime.now(SCHOOL).plusMinutes(i));
      }
    }
  }

  private static long form(Connection c, String title, LocalDateTime deadline) throws SQLException {
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO form (title, status, owner_account, owner_name,"
                + " deadline, created_at, published_at) VALUES (?, 'PUBLISHED', '10001', '演练', ?, NOW(3), NOW(3))",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, title);
      ps.setObject(2, deadline);
      ps.executeUpdate();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    try (Statement st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO form_question (form_id, position, type, title, required) VALUES ("
              + id
              + ", 1, 'TEXT', '今天的情况', TRUE)");
      st.executeUpdate(
          "INSERT INTO form_recipient (form_id, account, name, unit_name) SELECT "
              + id
              + ", p.account, p.name, c.name FROM person p JOIN school_class c ON c.id = p.class_id"
              + " WHERE p.account LIKE '2999%'");
    }
    return id;
  }

  private void signInAll(List<String> students) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Map<String, Future<String>> f = new LinkedHashMap<>();
      for (String a : students) {
        f.put("student\t" + a, pool.submit(() -> signInCookie(a)));
      }
      for (String a : COUNSELLORS) {
        f.put("counsellor\t" + a, pool.submit(() -> signInCookie(a)));
      }
      for (Map.Entry<String, Future<String>> e : f.entrySet()) {
        signedIn.put(e.getKey(), e.getValue().get());
      }
    } finally {
      pool.shutdown();
    }
    writeSessions();
  }

  private String signInCookie(String account) {
    WebSession web = cluster.signIn(account, "/");
    return LocalCluster.cookieHeader(web);
  }

  private void writeSessions() throws IOException {
    List<String> lines = new ArrayList<>();
    signedIn.forEach((who, cookie) -> lines.add(who + "\t" + cookie));
    Files.write(sessions, lines, StandardCharsets.UTF_8);
  }

  /**
   * The cookies as wrk left them; people a drill signed out are signed in again for the next drill.
   */
  private void readSessionsBack() throws IOException {
    Path after = Path.of(sessions + ".after");
    if (!Files.exists(after)) {
      return;
    }
    for (String line : Files.readAllLines(after, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      if (f.length < 4) {
        continue;
      }
      String key = f[0] + "\t" + f[1];
      signedIn.put(key, f[3].equals("ok") ? f[2] : signInCookie(f[1]));
    }
    writeSessions();
  }

  // ---- capacity: what the cluster serves flat out, the figure server-config/README.md's sizing is
  // based on

  private void capacity(List<String> accounts, int seconds) throws Exception {
    List<String> cookies = new ArrayList<>();
    for (String a : accounts) {
      cookies.add(signInCookie(a));
    }
    Path file = work.resolve("capacity-sessions.txt");
    Files.write(file, cookies, StandardCharsets.UTF_8);
    String lb = "http://127.0.0.1:" + cluster.balancer().port();
    System.out.printf(
        "== capacity (load average %s), %d connections, %d s each, through HAProxy to %d nodes%n",
        loadAverage(), cookies.size(), seconds, cluster.nodes().size());
    for (String path : List.of("/", "/timetable/week.xhtml")) {
      BenchKit.wrk(file, lb + path, cookies.size(), 5); // warm-up
      String line = path + ": " + BenchKit.wrk(file, lb + path, cookies.size(), seconds);
      System.out.println("  " + line);
      notes.add("capacity " + line + " (load average " + loadAverage() + ")");
    }
  }

  // ---- one drill

  /** A moment of a drill's timeline. */
  private record Window(long from, long to) {
    boolean contains(long t) {
      return t >= from && t <= to;
    }
  }

  private final class Timeline {
    long start = System.currentTimeMillis();
    long faultFrom;
    long faultTo;
    long recoveredFrom;
    long restartFrom;
    final List<String> events = new ArrayList<>();

    void event(String what) {
      events.add(String.format("%+6.1f s %s", (System.currentTimeMillis() - start) / 1000.0, what));
      System.out.printf("   %+6.1f s %s%n", (System.currentTimeMillis() - start) / 1000.0, what);
    }
  }

  private void drill(String name) throws Exception {
    drillNo++;
    Path records = work.resolve("records").resolve(drillNo + "-" + name);
    Files.createDirectories(records);
    System.out.printf("%n== drill %d: %s (load average %s)%n", drillNo, name, loadAverage());
    Counts before = counts();
    int gateBefore = cluster.gate().calls().size();
    Timeline tl = new Timeline();
    int steady = seconds("STEADY", 60);
    int after = seconds("AFTER", 60);
    Consumer<Timeline> fault =
        switch (name) {
          case "node-kill" -> t -> nodeKill(t, cluster.node("node2"), seconds("KILL_DOWN", 120));
          case "rolling-restart" -> this::rollingRestart;
          case "database" -> t -> databaseOutage(t, seconds("DB_DOWN", 30));
          case "wecom" -> t -> wecomOutage(t, seconds("WECOM_DOWN", 300));
          case "pause" -> t -> pause(t, cluster.node("node3"), seconds("PAUSE", 20));
          default -> throw new IllegalArgumentException("unknown drill " + name);
        };
    AtomicBoolean loadOn = new AtomicBoolean(true);
    Thread cards =
        new Thread(() -> cardApprovals(records.resolve("cards.tsv"), loadOn), "card-approvals");
    Process wrk = startWrk(records, 24 * 3600);
    cards.start();
    sleep(steady * 1000L);
    fault.accept(tl);
    sleep(after * 1000L);
    tl.event("load stops");
    // SIGINT: wrk stops, and its done() writes the sessions' cookies back for the next drill.
    new ProcessBuilder("kill", "-INT", String.valueOf(wrk.pid())).start().waitFor();
    loadOn.set(false);
    cards.join();
    wrk.waitFor();
    readSessionsBack();
    long drained = awaitOutboxDrained(Duration.ofSeconds(seconds("DRAIN_WAIT", 180)));
    if (name.equals("wecom")) {
      tl.recoveredFrom = drained;
    }
    List<Rec> recs = Rec.readAll(records);
    Files.write(records.resolve("timeline.txt"), tl.events);
    table.add(
        row(
            name,
            tl,
            recs,
            before,
            cluster.gate().calls().subList(gateBefore, cluster.gate().calls().size())));
    System.out.println(table.get(table.size() - 1));
  }

  private Process startWrk(Path records, int seconds) throws IOException {
    int connections = signedIn.size();
    List<String> cmd =
        List.of(
            "wrk",
            "-t" + connections,
            "-c" + connections,
            "-d" + seconds + "s",
            "--timeout",
            "60s",
            "-s",
            "bench/cluster-mix.lua",
            "http://127.0.0.1:" + cluster.balancer().port());
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(records.resolve("wrk.out").toFile());
    Map<String, String> env = pb.environment();
    env.put("SESSIONS", sessions.toString());
    env.put("RECORDS_DIR", records.toString());
    env.put("RUN", run + "d" + drillNo);
    env.put("DAY0", LocalDate.now(SCHOOL).plusDays(1 + 40L * (drillNo - 1)).toString());
    env.put(
        "FORMS",
        forms.subList(formsPerDrill * (drillNo - 1), formsPerDrill * drillNo).stream()
            .map(String::valueOf)
            .collect(Collectors.joining(",")));
    env.put("THINK_MS", env("THINK_MS", "1500"));
    env.put("SUBMIT_EVERY", env("SUBMIT_EVERY", "3"));
    return pb.start();
  }

  // ---- the faults

  private void nodeKill(Timeline t, Node node, int down) {
    t.faultFrom = System.currentTimeMillis();
    t.event("kill -9 " + node.name() + " (pid " + node.pid() + ")");
    cluster.killNode(node);
    t.recoveredFrom = t.faultFrom;
    sleep(down * 1000L);
    t.restartFrom = System.currentTimeMillis();
    t.event("restarting " + node.name());
    cluster.startNode(node);
    cluster.balancer().awaitState(node.name(), "UP", Duration.ofSeconds(60));
    t.event(node.name() + " UP in HAProxy");
    t.faultTo = System.currentTimeMillis();
  }

  private void rollingRestart(Timeline t) {
    t.faultFrom = System.currentTimeMillis();
    for (Node node : cluster.nodes()) {
      t.event("drain " + node.name());
      cluster.balancer().drain(node.name());
      sleep(seconds("DRAIN_SECONDS", 5) * 1000L);
      t.event("stop " + node.name());
      cluster.stopNode(node);
      t.event("start " + node.name() + " on a new copy of the WAR");
      cluster.startNode(node);
      cluster.balancer().ready(node.name());
      cluster.balancer().awaitState(node.name(), "UP", Duration.ofSeconds(60));
      t.event(node.name() + " UP in HAProxy");
      // The data grid moves partitions back to the new member; the next node stops only after that.
      sleep(seconds("SETTLE_SECONDS", 20) * 1000L);
    }
    t.faultTo = System.currentTimeMillis();
    t.recoveredFrom = t.faultTo;
  }

  private void databaseOutage(Timeline t, int down) {
    t.faultFrom = System.currentTimeMillis();
    t.event("MariaDB stopped");
    cluster.stopDatabase();
    long deadline = System.currentTimeMillis() + down * 1000L;
    boolean sawDown = false;
    while (System.currentTimeMillis() < deadline) {
      sawDown |= status(cluster.nodes().get(0).directUrl() + "/health/ready") == 503;
      sleep(1000);
    }
    notes.add(
        "database: /health/ready of node1 during the outage "
            + (sawDown ? "DOWN (503)" : "never DOWN"));
    cluster.startDatabase();
    t.faultTo = System.currentTimeMillis();
    t.recoveredFrom = t.faultTo;
    t.event("MariaDB started");
    long upAt = 0;
    while (System.currentTimeMillis() < t.faultTo + 60_000) {
      if (cluster.nodes().stream().allMatch(n -> status(n.directUrl() + "/health/ready") == 200)) {
        upAt = System.currentTimeMillis();
        break;
      }
      sleep(250);
    }
    t.event(
        upAt == 0
            ? "a node still DOWN after 60 s"
            : "every node's /health/ready UP after " + (upAt - t.faultTo) / 1000.0 + " s");
  }

  private void wecomOutage(Timeline t, int seconds) {
    t.faultFrom = System.currentTimeMillis();
    int third = seconds / 3;
    t.event("WeCom answers -1");
    cluster.gate().mode(WeComGate.Mode.BUSY);
    sleep(third * 1000L);
    t.event("WeCom hangs (read timeouts)");
    cluster.gate().mode(WeComGate.Mode.HANG);
    sleep(third * 1000L);
    t.event("WeCom refuses connections");
    cluster.gate().mode(WeComGate.Mode.REFUSE);
    sleep((seconds - 2L * third) * 1000L);
    cluster.gate().mode(WeComGate.Mode.PASS);
    t.faultTo = System.currentTimeMillis();
    t.event("WeCom back");
  }

  private void pause(Timeline t, Node node, int seconds) {
    t.faultFrom = System.currentTimeMillis();
    t.event("SIGSTOP " + node.name());
    cluster.pauseNode(node);
    sleep(seconds * 1000L);
    cluster.resumeNode(node);
    t.faultTo = System.currentTimeMillis();
    t.recoveredFrom = t.faultTo;
    t.event("SIGCONT " + node.name());
  }

  // ---- card-button approvals (the stand-in posts an encrypted template-card event to our
  // callback)

  private void cardApprovals(Path out, AtomicBoolean on) {
    List<String> lines = new ArrayList<>();
    int every = BenchKit.env("CARD_EVERY_MS", 3000);
    while (on.get()) {
      sleep(every);
      long requestId;
      int step;
      String counsellor;
      try (Connection c = cluster.database().appConnection(cluster.schema());
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT s.request_id, a.account, s.step_no FROM leave_step s"
                      + " JOIN leave_step_approver a"
                      + " ON a.step_id = s.id WHERE s.status = 'OPEN' AND a.account IN ('10001','10002','10003','10069')"
                      + " ORDER BY RAND() LIMIT 1")) {
        if (!rs.next()) {
          continue;
        }
        requestId = rs.getLong(1);
        counsellor = rs.getString(2);
        step = rs.getInt(3);
      } catch (SQLException e) {
        continue; // the database drill
      }
      // The card's buttons as LeaveMessages writes them: event key approve:<request>:<step>, task
      // id leave-<r>-<s>.
      String body =
          "{\"templateCardEvent\":{\"fromUser\":\""
              + counsellor
              + "\",\"eventKey\":\"approve:"
              + requestId
              + ":"
              + step
              + "\",\"taskId\":\"leave-"
              + requestId
              + "-"
              + step
              + "\"}}";
      long t0 = System.nanoTime();
      int status;
      String note;
      try {
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(standIn + "/_callback"))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        status = r.statusCode();
        note =
            r.body().contains("\"status\":200")
                ? "callback 200"
                : "callback " + r.body().replaceAll("\\s+", " ");
      } catch (IOException e) {
        status = 0;
        note = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      double ms = (System.nanoTime() - t0) / 1e6;
      lines.add(
          String.format(
              "%d\t0\t%s\tcard-approve\t%d\t%.1f\tcard-%d\t%s",
              System.currentTimeMillis(),
              counsellor,
              status,
              ms,
              requestId,
              note.length() > 200 ? note.substring(0, 200) : note));
    }
    try {
      Files.write(out, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- checks

  /** One recorded response. */
  record Rec(
      long at,
      int thread,
      String account,
      String kind,
      int status,
      double ms,
      String marker,
      String note) {
    static List<Rec> readAll(Path dir) throws IOException {
      List<Rec> out = new ArrayList<>();
      try (var files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
          for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String[] x = line.split("\t", -1);
            if (x.length < 8) {
              continue;
            }
            out.add(
                new Rec(
                    Long.parseLong(x[0]),
                    Integer.parseInt(x[1]),
                    x[2],
                    x[3],
                    Integer.parseInt(x[4]),
                    Double.parseDouble(x[5]),
                    x[6],
                    x[7]));
          }
        }
      }
      return out;
    }

    long sentAt() {
      return at - Math.round(ms);
    }

    boolean overlaps(Window w) {
      return sentAt() <= w.to() && at >= w.from();
    }

    /** A response a person sees as a failure. */
    boolean failed() {
      return status == 0 || status >= 400;
    }

    /** A request that went out (not the driver's own bookkeeping lines). */
    boolean isRequest() {
      return !kind.endsWith("-decided") && !kind.endsWith("-gave-up") && !kind.endsWith("-reopen");
    }
  }

  /** Totals that only grow, read before and after a drill. */
  private record Counts(
      long sentTwice,
      long decidedTwice,
      long overdueTwice,
      long closedTwice,
      long closed,
      long resent) {}

  private Counts counts() throws SQLException {
    return new Counts(
        // Delivered twice: the same content reached the same person twice. A repeat WeCom's
        // duplicate check dropped
        // (outcome DUPLICATE) reached nobody; it is reported as "re-sent" in the notes.
        q(
            "SELECT COUNT(*) - COUNT(DISTINCT api, content_hash, touser) FROM "
                + cluster.standInSchema()
                + ".wecom_message"
                + " WHERE outcome = 'DELIVERED'"),
        q(
            "SELECT COUNT(*) FROM (SELECT request_id, step_no FROM leave_event WHERE action IN ('APPROVED','REJECTED')"
                + " GROUP BY request_id, step_no HAVING COUNT(*) > 1) d"),
        q(
            "SELECT COUNT(*) FROM (SELECT request_id FROM leave_event WHERE action = 'OVERDUE' GROUP BY request_id"
                + " HAVING COUNT(*) > 1) d"),
        q(
            "SELECT COUNT(*) FROM (SELECT object_id FROM audit_entry WHERE action = 'FORM_CLOSE' GROUP BY object_id"
                + " HAVING COUNT(*) > 1) d"),
        q("SELECT COUNT(*) FROM form WHERE status = 'CLOSED'"),
        q(
            "SELECT COUNT(*) FROM "
                + cluster.standInSchema()
                + ".wecom_message WHERE outcome = 'DUPLICATE'"));
  }

  private long q(String sql) throws SQLException {
    for (int attempt = 0; ; attempt++) {
      try (Connection c = cluster.database().appConnection(cluster.schema());
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      } catch (SQLException e) {
        if (attempt > 20) {
          throw e;
        }
        sleep(500);
      }
    }
  }

  private Map<String, Integer> markerCounts(String sql) throws SQLException {
    Map<String, Integer> out = new HashMap<>();
    try (Connection c = cluster.database().appConnection(cluster.schema());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    }
    return out;
  }

  private String row(
      String name, Timeline t, List<Rec> recs, Counts before, List<WeComGate.Call> wecom)
      throws SQLException {
    String prefix = run + "d" + drillNo + "-";
    Window fault = new Window(t.faultFrom, t.faultTo + 10_000);
    // A request belongs to the fault when its time on the wire overlaps the fault window.
    long requests = recs.stream().filter(Rec::isRequest).count();
    // By when the request was sent: one sent during the fault and answered after it belongs to the
    // fault.
    long errIn =
        recs.stream().filter(r -> r.isRequest() && r.failed() && r.overlaps(fault)).count();
    long errOut =
        recs.stream().filter(r -> r.isRequest() && r.failed() && !r.overlaps(fault)).count();
    recs.stream()
        .filter(r -> r.isRequest() && r.failed() && !r.overlaps(fault))
        .limit(5)
        .forEach(r -> notes.add(name + ": error outside the fault: " + r));
    Map<Integer, Long> statuses =
        recs.stream()
            .filter(r -> r.isRequest() && r.failed())
            .collect(Collectors.groupingBy(Rec::status, TreeMap::new, Collectors.counting()));
    long signOuts = recs.stream().filter(r -> r.kind.equals("signout")).count();

    // Acknowledged writes and what the database holds.
    Set<String> ackedLeave =
        recs.stream()
            .filter(
                r ->
                    r.kind.equals("leave-submit")
                        && r.status == 302
                        && r.note.contains("request.xhtml"))
            .map(Rec::marker)
            .collect(Collectors.toSet());
    Set<String> ackedForms =
        recs.stream()
            .filter(
                r -> r.kind.equals("form-submit") && r.status == 302 && r.note.contains("done=1"))
            .map(Rec::marker)
            .collect(Collectors.toSet());
    Set<Long> ackedApprovals = new java.util.HashSet<>();
    recs.stream()
        .filter(r -> r.kind.equals("approve-decided"))
        .forEach(r -> ackedApprovals.add(Long.parseLong(r.note.replaceAll("\\D", ""))));
    recs.stream()
        .filter(
            r -> r.kind.equals("card-approve") && r.status == 200 && r.note.equals("callback 200"))
        .forEach(r -> ackedApprovals.add(Long.parseLong(r.marker.replaceAll("\\D", ""))));
    Map<String, Integer> leaveRows =
        markerCounts(
            "SELECT SUBSTRING(reason, 4), COUNT(*) FROM leave_request"
                + " WHERE reason LIKE '压测 "
                + prefix
                + "%' GROUP BY reason");
    Map<String, Integer> formRows =
        markerCounts(
            "SELECT SUBSTRING(text_value, 4), COUNT(*) FROM form_answer"
                + " WHERE text_value LIKE '答案 "
                + prefix
                + "%' GROUP BY text_value");
    List<String> lostItems = new ArrayList<>();
    ackedLeave.stream()
        .filter(m -> !leaveRows.containsKey(m))
        .forEach(m -> lostItems.add("leave " + m));
    ackedForms.stream()
        .filter(m -> !formRows.containsKey(m))
        .forEach(m -> lostItems.add("form " + m));
    for (long id : ackedApprovals) {
      if (q("SELECT COUNT(*) FROM leave_step WHERE request_id = " + id + " AND status = 'APPROVED'")
          == 0) {
        lostItems.add("approval of request " + id);
      }
    }
    long lost = lostItems.size();
    if (!lostItems.isEmpty()) {
      notes.add(name + ": LOST " + lostItems);
    }
    Counts now = counts();
    long duplicated =
        leaveRows.values().stream().filter(n -> n > 1).count()
            + formRows.values().stream().filter(n -> n > 1).count()
            + (now.decidedTwice - before.decidedTwice)
            + (now.overdueTwice - before.overdueTwice)
            + (now.closedTwice - before.closedTwice);
    long sentTwice = now.sentTwice - before.sentTwice;
    long gettoken = wecom.stream().filter(WeComGate.Call::isGetToken).count();

    // Recovery: from the end of the fault until the last failed request (0: none after it).
    long lastFailure =
        recs.stream()
            .filter(r -> r.isRequest() && r.failed() && r.at >= t.faultFrom)
            .mapToLong(Rec::at)
            .max()
            .orElse(0);
    double recovery =
        name.equals("wecom")
            ? (t.recoveredFrom - t.faultTo) / 1000.0
            : Math.max(0, lastFailure - t.recoveredFrom) / 1000.0;

    if (name.equals("node-kill")) {
      // The node's own restart (a JVM booting on the same two cores as the others) is not the kill:
      // reported apart.
      Window steady = new Window(t.start + 10_000, t.faultFrom);
      Window dead = new Window(t.faultFrom, t.restartFrom);
      Window restart = new Window(t.restartFrom, t.faultTo + 30_000);
      notes.add(
          String.format(
              "node-kill: p99 home %s ms steady, %s ms with node2 dead, %s ms while it restarts;"
                  + " week view %s / %s / %s ms",
              p99(recs, "home", steady),
              p99(recs, "home", dead),
              p99(recs, "home", restart),
              p99(recs, "week", steady),
              p99(recs, "week", dead),
              p99(recs, "week", restart)));
    }
    notes.add(
        name
            + ": failed responses by status "
            + statuses
            + "; re-sent to WeCom and dropped by its duplicate"
            + " check "
            + (now.resent - before.resent)
            + "; WeCom gettoken calls "
            + gettoken
            + "; forms closed by the job so far "
            + now.closed
            + "; timeline in records/"
            + drillNo
            + "-"
            + name);
    return String.format(
        "| %-15s | %8d | %6d | %7d | %5d+%-5d+%-4d | %4d | %10d | %11d | %9d | %8.1f |",
        name,
        requests,
        errIn,
        errOut,
        ackedLeave.size(),
        ackedForms.size(),
        ackedApprovals.size(),
        lost,
        duplicated,
        sentTwice,
        signOuts,
        recovery);
  }

  private static String p99(List<Rec> recs, String kind, Window w) {
    List<Long> ms =
        recs.stream()
            .filter(r -> r.kind.equals(kind) && r.status == 200 && w.contains(r.at))
            .map(r -> Math.round(r.ms))
            .toList();
    return ms.isEmpty() ? "-" : String.valueOf(BenchKit.percentile(ms, 99));
  }

  /** Waits until no message is waiting to be sent; when that happened (now if at once). */
  private long awaitOutboxDrained(Duration max) {
    long deadline = System.currentTimeMillis() + max.toMillis();
    while (System.currentTimeMillis() < deadline) {
      try {
        if (q("SELECT COUNT(*) FROM wecom_outbox WHERE status = 'PENDING'") == 0) {
          return System.currentTimeMillis();
        }
      } catch (SQLException e) {
        // retried below
      }
      sleep(1000);
    }
    notes.add("outbox: messages still pending " + max.toSeconds() + " s after the drill");
    return System.currentTimeMillis();
  }

  private void print() throws IOException {
    List<String> out = new ArrayList<>();
    out.add("");
    out.add("Load average at the end: " + loadAverage());
    out.add(
        "| drill           | requests | err in | err out | acked l+f+a       | lost | duplicated | sent twice  | sign-outs | recovery |");
    out.add(
        "|-----------------|----------|--------|---------|-------------------|------|------------|-------------|-----------|----------|");
    out.addAll(table);
    out.add("");
    out.addAll(notes);
    out.forEach(System.out::println);
    Files.write(work.resolve("table.txt"), out, StandardCharsets.UTF_8);
  }

  private static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 4).length > 3
          ? String.join(
              " ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3))
          : "?";
    } catch (IOException e) {
      return "?";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
