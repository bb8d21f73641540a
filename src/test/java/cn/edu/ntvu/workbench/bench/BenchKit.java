package cn.edu.ntvu.workbench.bench;

import cn.edu.ntvu.workbench.testsupport.EmbeddedMariaDb;
import cn.edu.ntvu.workbench.testsupport.PayaraMicro;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmarks share: signing in over HTTP as a browser would (keeping every cookie a
 * response sets), counting MariaDB's statements per request, running wrk with {@code
 * bench/browser-sessions.lua}, CPU and RSS of processes.
 */
final class BenchKit {
  private BenchKit() {}

  /**
   * The packaged app in development mode on {@code db}, the demo school as its first data and the
   * development stand-in beside it (WeCom and CAS), with the school clock fixed at {@code clock}.
   */
  static PayaraMicro startApp(EmbeddedMariaDb db, Path work, int port, String clock)
      throws Exception {
    return startApp(db, work, port, clock, Map.of());
  }

  /**
   * As {@link #startApp(EmbeddedMariaDb, Path, int, String)}, with more environment (e.g. worker
   * settings).
   */
  static PayaraMicro startApp(
      EmbeddedMariaDb db, Path work, int port, String clock, Map<String, String> more)
      throws Exception {
    return start(db, work, port, clock, Path.of(required("bench.demoDir")), more, null);
  }

  /**
   * The packaged app seeded from {@code seedDir} (the school-shaped data set {@code generate.py}
   * wrote: 15,871 people, the whole term's timetable), with {@code more} environment and 15 minutes
   * of grace after boot for the seeding — the start every school-sized bench shares.
   */
  static PayaraMicro startSeeded(
      EmbeddedMariaDb db, Path work, int port, String clock, Path seedDir, Map<String, String> more)
      throws Exception {
    return start(db, work, port, clock, seedDir, more, Duration.ofMinutes(15));
  }

  private static PayaraMicro start(
      EmbeddedMariaDb db,
      Path work,
      int port,
      String clock,
      Path seedDir,
      Map<String, String> more,
      Duration grace)
      throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("APP_MODE", "dev");
    env.put("APP_PUBLIC_BASE_URL", "http://localhost:" + port);
    env.put("DB_URL", db.jdbcUrl("workbench"));
    env.put("DB_USER", EmbeddedMariaDb.APP_USER);
    env.put("DB_PASSWORD", EmbeddedMariaDb.APP_PASSWORD);
    env.put("DEV_CLOCK", clock);
    env.put("APP_SEED_DIR", seedDir.toAbsolutePath().toString());
    env.putAll(more);
    PayaraMicro.Options options =
        PayaraMicro.options()
            .microJar(Path.of(required("bench.microJar")))
            .war(Path.of(required("bench.war")))
            .standIn(Path.of(required("bench.standinWar")))
            .port(port)
            .preBootCommands(Path.of("server-config/pre-boot-commands.asadmin"))
            .logFile(work.resolve("payara.log"))
            .env(env);
    return (grace == null ? options : options.graceAfterBoot(grace)).start();
  }

  /**
   * Signs in as a browser outside WeCom does in development: the app sends it to CAS — the stand-in
   * beside it —, the demo person is chosen there, and the ticket comes back to the app. Returns the
   * Cookie header value of the signed-in session (WBSESSION and Payara's JSESSIONIDVERSION, which a
   * replicated session needs too).
   */
  static String devSignIn(String base, String account) {
    String cookies = "";
    String url = base + "/login/cas?target=%2F";
    for (int hop = 0; hop < 10; hop++) {
      if (url.startsWith(base + PayaraMicro.STANDIN_PATH + "/cas/login")) {
        String service =
            java.net.URLDecoder.decode(
                url.substring(url.indexOf("service=") + 8).split("&")[0], StandardCharsets.UTF_8);
        HttpResponse<String> chosen =
            sessionWith("")
                .post(
                    base + PayaraMicro.STANDIN_PATH + "/cas/login",
                    Map.of("service", service, "as", account));
        if (chosen.statusCode() != 302) {
          throw new IllegalStateException(
              "the CAS stand-in refused " + account + ": " + chosen.statusCode());
        }
        url = WebSession.location(chosen);
        continue;
      }
      HttpResponse<String> r = sessionWith(cookies).get(url);
      cookies = cookies(r, cookies);
      if (r.statusCode() != 302) {
        throw new IllegalStateException(
            "sign-in of " + account + " stopped at " + url + ": " + r.statusCode());
      }
      url = WebSession.location(r);
      if (url.equals(base + "/")) {
        return cookies;
      }
    }
    throw new IllegalStateException(
        "sign-in of " + account + " did not end at the home page: " + url);
  }

  /** The cookies a response sets, over those sent before (name=value; …). */
  static String cookies(HttpResponse<?> response, String before) {
    Map<String, String> jar = new LinkedHashMap<>();
    for (String pair : before.split(";\\s*")) {
      if (pair.contains("=")) {
        jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    for (String set : response.headers().allValues("Set-Cookie")) {
      String pair = set.contains(";") ? set.substring(0, set.indexOf(';')) : set;
      jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    return jar.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /** No cookie store: each request carries exactly the session cookie it is given. */
  static final java.net.http.HttpClient HTTP =
      java.net.http.HttpClient.newBuilder()
          .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** A client that sends exactly these cookies (none if empty). */
  static Client sessionWith(String cookie) {
    return new Client(cookie);
  }

  record Client(String cookie) {
    HttpResponse<String> get(String url) {
      return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET());
    }

    HttpResponse<String> post(String url, Map<String, String> form) {
      String body =
          form.entrySet().stream()
              .map(e -> WebSession.enc(e.getKey()) + "=" + WebSession.enc(e.getValue()))
              .collect(java.util.stream.Collectors.joining("&"));
      return send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(java.net.http.HttpRequest.Builder b) {
      if (!cookie.isEmpty()) {
        b.header("Cookie", cookie);
      }
      try {
        return HTTP.send(
            b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  static List<String> studentAccounts(Path people, int n) throws IOException {
    List<String> students = new ArrayList<>();
    for (String line : Files.readAllLines(people, StandardCharsets.UTF_8)) {
      String[] f = line.split(",", -1);
      if (f.length > 2 && f[2].equals("student")) {
        students.add(f[0]);
      }
    }
    List<String> out = new ArrayList<>();
    int step = Math.max(1, students.size() / n);
    for (int i = 0; i < students.size() && out.size() < n; i += step) {
      out.add(students.get(i));
    }
    return out;
  }

  static double queriesPerRequest(EmbeddedMariaDb db, String url, List<String> cookies)
      throws SQLException {
    for (int i = 0; i < 10; i++) {
      cookies.set(i, cookies(sessionWith(cookies.get(i)).get(url), cookies.get(i))); // warm-up
    }
    long before = questions(db);
    for (int i = 0; i < cookies.size(); i++) {
      HttpResponse<String> r = sessionWith(cookies.get(i)).get(url);
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            url + " answered " + r.statusCode() + " " + WebSession.location(r));
      }
      cookies.set(i, cookies(r, cookies.get(i)));
    }
    long after = questions(db);
    // Our own SHOW STATUS counts once.
    return (after - before - 1) / (double) cookies.size();
  }

  /**
   * {@link #queriesPerRequest} with MariaDB's general log on: also prints every statement of that
   * pass (the app's background work included, as 'Questions' counts it) grouped by its first words,
   * most frequent first — where the statements per request come from.
   */
  static double queriesPerRequestTallied(EmbeddedMariaDb db, String url, List<String> cookies)
      throws SQLException {
    try (Connection c = db.adminConnection("mysql");
        Statement s = c.createStatement()) {
      s.execute("SET GLOBAL log_output = 'TABLE'");
      s.execute("TRUNCATE TABLE mysql.general_log");
      s.execute("SET GLOBAL general_log = 1");
      long t0 = System.nanoTime();
      double perRequest = queriesPerRequest(db, url, cookies);
      double seconds = (System.nanoTime() - t0) / 1e9;
      s.execute("SET GLOBAL general_log = 0");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT LEFT(REGEXP_REPLACE(CONVERT(argument USING utf8mb4), '[[:space:]]+', ' '),"
                  + " 80) AS k, command_type, COUNT(*) FROM mysql.general_log"
                  + " WHERE command_type NOT IN ('Connect', 'Quit')"
                  + " AND argument NOT LIKE '%general_log%' GROUP BY k, command_type"
                  + " ORDER BY COUNT(*) DESC LIMIT 30")) {
        System.out.printf(
            "  every statement of that pass (%.1f s, warm-up of 10 included), by kind:%n", seconds);
        while (rs.next()) {
          System.out.printf("    %5d  %-8s %s%n", rs.getLong(3), rs.getString(2), rs.getString(1));
        }
      }
      return perRequest;
    }
  }

  /** The statements of one request, from MariaDB's general log. */
  static void showStatements(EmbeddedMariaDb db, Client probe, String url) throws SQLException {
    try (Connection c = db.adminConnection("mysql");
        Statement s = c.createStatement()) {
      s.execute("SET GLOBAL log_output = 'TABLE'");
      s.execute("TRUNCATE TABLE mysql.general_log");
      s.execute("SET GLOBAL general_log = 1");
      probe.get(url);
      s.execute("SET GLOBAL general_log = 0");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT command_type, CONVERT(argument USING utf8mb4) FROM mysql.general_log"
                  + " WHERE command_type IN ('Query', 'Execute') AND argument NOT LIKE '%general_log%'")) {
        System.out.println("  statements of one request to " + url + ":");
        while (rs.next()) {
          String sql = rs.getString(2).replaceAll("\\s+", " ");
          System.out.println("    " + (sql.length() > 110 ? sql.substring(0, 110) + " …" : sql));
        }
      }
    }
  }

  static long questions(EmbeddedMariaDb db) throws SQLException {
    try (Connection c = db.adminConnection("mysql");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  static long count(EmbeddedMariaDb db, String sql) throws SQLException {
    try (Connection c = db.adminConnection("workbench");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The sessions' Cookie headers, one per line, for bench/browser-sessions.lua. */
  static Path writeCookieFile(Path work, List<String> cookies) throws IOException {
    Path file = work.resolve("sessions.txt");
    Files.write(file, cookies);
    return file;
  }

  /**
   * wrk with bench/browser-sessions.lua: one thread per connection, each one student's browser
   * session.
   */
  static String wrk(Path sessions, String url, int connections, int seconds)
      throws IOException, InterruptedException {
    List<String> cmd =
        List.of(
            "wrk",
            "-t" + connections,
            "-c" + connections,
            "-d" + seconds + "s",
            "--latency",
            "-s",
            "bench/browser-sessions.lua",
            url);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("COOKIE_FILE", sessions.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return String.format(
        "%s req/s, p50 %s, p99 %s, non-200 %s, socket errors %s",
        field(out, "Requests/sec:\\s+(\\S+)"),
        field(out, "\\n\\s+50%\\s+(\\S+)"),
        field(out, "\\n\\s+99%\\s+(\\S+)"),
        field(out, "non-200: (\\d+)"),
        field(out, "Socket errors:([^\\n]*)", "none"));
  }

  static String field(String text, String regex, String... dflt) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1).trim() : dflt.length > 0 ? dflt[0] : "?";
  }

  /** utime + stime of a process, in clock ticks (1/100 s). */
  static long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * utime + stime of the JIT compiler threads of a JVM ("C1/C2 CompilerThread…"), in clock ticks:
   * the part of {@link #cpuTicks} that is the JVM still compiling the app, not serving it. Right
   * after start-up on a busy machine it is a large share of every request's figure.
   */
  static long compilerTicks(long pid) {
    long sum = 0;
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path t : tasks.toList()) {
        try {
          if (Files.readString(t.resolve("comm")).contains("CompilerThre")) {
            String stat = Files.readString(t.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          }
        } catch (IOException | RuntimeException e) {
          // a thread that ended meanwhile
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return sum;
  }

  static String required(String property) {
    String v = System.getProperty(property);
    if (v == null) {
      throw new IllegalStateException(
          "-D" + property + " is required (the bench/*.sh script sets it)");
    }
    return v;
  }

  /** Samples a process's resident set every 100 ms. */
  static final class RssSampler {
    private final long pid;
    private final AtomicLong first = new AtomicLong(-1);
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    RssSampler(long pid) {
      this.pid = pid;
    }

    void start() {
      thread =
          new Thread(
              () -> {
                while (running) {
                  long kb = rssKb();
                  first.compareAndSet(-1, kb);
                  peak.accumulateAndGet(kb, Math::max);
                  try {
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "rss-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }

    long firstMb() {
      return first.get() / 1024;
    }

    long peakMb() {
      return peak.get() / 1024;
    }

    private long rssKb() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("\\D", ""));
          }
        }
      } catch (IOException | NumberFormatException e) {
        return 0;
      }
      return 0;
    }
  }

  /** The {@code p}-th percentile (nearest rank) of {@code values}; 0 for none. */
  static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** A size from the environment (the bench script passes it on), else {@code fallback}. */
  static int env(String name, int fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
  }

  /**
   * Four demo classes with a counsellor each (10001, 10002, 10003, 10069), which the generated
   * students fill in turn.
   */
  static final List<String> DEMO_CLASSES = List.of("2401000", "2501001", "2601002", "2402003");

  /**
   * Adds {@code n} students 2999000000… named 压测i, spread over {@link #DEMO_CLASSES}; their
   * accounts in order.
   */
  static List<String> addStudents(EmbeddedMariaDb db, int n) throws SQLException {
    List<String> accounts = new ArrayList<>();
    try (Connection c = db.appConnection("workbench")) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO person (account, name, kind, department_id, class_id, status)"
                  + " SELECT ?, ?, 'STUDENT', department_id, id, 'ACTIVE' FROM school_class WHERE code = ?")) {
        for (int i = 0; i < n; i++) {
          String account = String.format("2999%07d", i);
          accounts.add(account);
          ps.setString(1, account);
          ps.setString(2, "压测" + i);
          ps.setString(3, DEMO_CLASSES.get(i % DEMO_CLASSES.size()));
          // One by one: MariaDB's bulk protocol does not take INSERT … SELECT.
          ps.executeUpdate();
        }
      }
      c.commit();
    }
    return accounts;
  }
}
