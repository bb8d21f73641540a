package cn.edu.ntvu.workbench.bench;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.EmbeddedMariaDb;
import cn.edu.ntvu.workbench.testsupport.PayaraMicro;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Timetable benchmark (issue 4), started by {@code bench/timetable.sh}. With the school-shaped data set of 15,000
 * students in the database (imported through the admin pages, as a school would): the full-term timetable import
 * (time, peak RSS of Payara), the week view under load at 20 and 100 connections with many signed-in students, and the
 * SQL statements per week-view request (MariaDB's own counter, minus a page that reads nothing).
 * Load comes from {@link LoadRun}: connections that behave like browsers.
 */
public final class TimetableBench {
  /** A Wednesday in week 12 of the term the data set describes: figures do not depend on the day they are taken. */
  private static final String CLOCK = "2026-11-25T09:40";

  private static final int STUDENTS = 200;

  private TimetableBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(required("bench.work")).toAbsolutePath();
    Path data = work.resolve("data");
    Path war = Path.of(required("bench.war"));
    int port = Integer.parseInt(System.getProperty("bench.port", "18580"));
    String base = "http://localhost:" + port;

    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(work.resolve("mariadb"), 0)) {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("APP_MODE", "dev");
      env.put("APP_PUBLIC_BASE_URL", base);
      env.put("DB_URL", db.jdbcUrl("workbench"));
      env.put("DB_USER", EmbeddedMariaDb.APP_USER);
      env.put("DB_PASSWORD", EmbeddedMariaDb.APP_PASSWORD);
      env.put("DEV_CLOCK", CLOCK);
      try (PayaraMicro app =
              PayaraMicro.options()
                  .microJar(Path.of(required("bench.microJar")))
                  .war(war)
                  .port(port)
                  .preBootCommands(Path.of("server-config/pre-boot-commands.asadmin"))
                  .logFile(work.resolve("payara.log"))
                  .env(env)
                  .start();
          Browser browser = Browser.mobile()) {
        System.out.printf("app ready in %.1f s (dev mode, demo data loaded)%n", app.readyTime().toMillis() / 1000.0);
        ChromeDriver driver = browser.driver();
        signIn(driver, base, "10857");

        System.out.println("== directory: 15,000 students through the admin import page");
        for (String[] f : List.of(
            new String[] {"DEPARTMENTS", "departments.csv"},
            new String[] {"CLASSES", "classes.csv"},
            new String[] {"PEOPLE", "people.csv"})) {
          long t0 = System.nanoTime();
          directoryImport(driver, base, f[0], data.resolve(f[1]));
          System.out.printf("  %-16s %6.1f s%n", f[1], (System.nanoTime() - t0) / 1e9);
        }
        System.out.println("  people in the directory: " + count(db, "SELECT COUNT(*) FROM person"));

        System.out.println("== full-term timetable import (正方 + 金智 files, preview and confirm)");
        RssSampler rss = new RssSampler(app.process().pid());
        rss.start();
        long t0 = System.nanoTime();
        for (String[] f : List.of(
            new String[] {"TERM", "term.csv"},
            new String[] {"CALENDAR", "calendar.csv"},
            new String[] {"PERIOD_TIMES", "period-times.csv"},
            new String[] {"TIMETABLE_ZF", "timetable-zf.csv"},
            new String[] {"TIMETABLE_WISEDU", "timetable-wisedu.csv"})) {
          long t1 = System.nanoTime();
          TimetableImportPage.importFile(driver, base, f[0], data.resolve(f[1]));
          System.out.printf("  %-22s %6.1f s%n", f[1], (System.nanoTime() - t1) / 1e9);
        }
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        rss.stop();
        System.out.printf(
            "full-term import: %.1f s (target ≤ 30 s); Payara RSS %d MB before, peak %d MB during (-Xmx512m)%n",
            importSeconds, rss.firstMb(), rss.peakMb());
        System.out.println(
            "  meetings: "
                + count(db, "SELECT COUNT(*) FROM course_meeting")
                + ", class links: "
                + count(db, "SELECT COUNT(*) FROM course_meeting_class"));

        List<String> accounts = studentAccounts(data.resolve("people.csv"), STUDENTS);
        List<String> cookies = new ArrayList<>();
        for (String account : accounts) {
          cookies.add(devSignIn(base, account));
        }
        System.out.println("== signed in " + cookies.size() + " students (every 75th student of the data set)");

        String week = base + "/timetable/week.xhtml";
        Client probe = sessionWith(cookies.get(0));
        HttpResponse<String> sample = probe.get(week);
        if (sample.statusCode() != 200 || !sample.body().contains("12")) {
          throw new IllegalStateException(
              "week view did not answer as expected: " + sample.statusCode() + " " + WebSession.location(sample));
        }
        System.out.println("week view sample: " + sample.body().length() + " chars of HTML");

        System.out.println("== SQL statements per request (MariaDB 'Questions', " + STUDENTS + " sequential requests)");
        double homeQueries = queriesPerRequest(db, base + "/", cookies);
        double firstWeek = queriesPerRequest(db, week, cookies);
        double warmWeek = queriesPerRequest(db, week, cookies);
        System.out.printf(
            "  home page %.2f; week view %.2f on each student's first visit after start (their class's meetings"
                + " not yet cached on this server), %.2f after that (target ≤ 4)%n",
            homeQueries, firstWeek, warmWeek);
        showStatements(db, probe, week);

        System.out.println(
            "== load (wrk): week view; each connection is one signed-in student whose browser keeps the cookies each"
                + " response sets (Payara's session version changes with every request)");
        Path sessions = writeCookieFile(work, cookies);
        wrk(sessions, week, 20, 10); // warm-up
        long mariadbPid =
            ProcessHandle.allProcesses()
                .filter(ph -> ph.info().commandLine().orElse("").contains(work.resolve("mariadb").toString()))
                .filter(ph -> ph.info().command().orElse("").endsWith("mariadbd"))
                .map(ProcessHandle::pid)
                .findFirst()
                .orElse(-1L);
        for (String[] page : new String[][] {{"week view", week}, {"home page (baseline)", base + "/"}}) {
          for (int c : new int[] {20, 100}) {
            long payara0 = cpuTicks(app.process().pid());
            long db0 = cpuTicks(mariadbPid);
            long self0 = cpuTicks(ProcessHandle.current().pid());
            String figures = wrk(sessions, page[1], c, 30);
            System.out.printf(
                "  %s c=%d: %s; CPU s: Payara %.1f, MariaDB %.1f, load generator %.1f%n",
                page[0], c, figures,
                (cpuTicks(app.process().pid()) - payara0) / 100.0,
                (cpuTicks(mariadbPid) - db0) / 100.0,
                (cpuTicks(ProcessHandle.current().pid()) - self0) / 100.0);
          }
        }
      }
    }
  }

  private static void signIn(ChromeDriver driver, String base, String account) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    driver.get(base + "/dev/signin.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account"))).sendKeys(account);
    driver.findElement(By.id("submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hello")));
  }

  private static void directoryImport(ChromeDriver driver, String base, String kind, Path file) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofMinutes(5));
    driver.get(base + "/admin/directory/import.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload:file")));
    driver.findElement(By.cssSelector("input[name='upload:kind'][value='" + kind + "']")).click();
    driver.findElement(By.id("upload:file")).sendKeys(file.toString());
    driver.findElement(By.id("upload:previewButton")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview:confirm"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result .dir-ok")));
  }

  /**
   * Signs in through the development sign-in form over HTTP; returns the Cookie header value of the signed-in session
   * (WBSESSION and Payara's JSESSIONIDVERSION, which a replicated session needs too).
   */
  private static String devSignIn(String base, String account) {
    HttpResponse<String> page = sessionWith("").get(base + "/dev/signin.xhtml");
    String cookies = cookies(page, "");
    Matcher vs = Pattern.compile("ViewState:0\" value=\"([^\"]*)\"").matcher(page.body());
    if (!vs.find()) {
      throw new IllegalStateException("no view state on the dev sign-in page");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("dev", "dev");
    form.put("account", account);
    form.put("submit", "x");
    form.put("jakarta.faces.ViewState", vs.group(1));
    HttpResponse<String> signedIn = sessionWith(cookies).post(base + "/dev/signin.xhtml", form);
    String location = WebSession.location(signedIn);
    if (signedIn.statusCode() != 302 || location.contains("/dev/signin")) {
      throw new IllegalStateException("sign-in of " + account + " failed: " + signedIn.statusCode() + " " + location);
    }
    return cookies(signedIn, cookies);
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
  private static final java.net.http.HttpClient HTTP =
      java.net.http.HttpClient.newBuilder()
          .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** A client that sends exactly these cookies (none if empty). */
  private static Client sessionWith(String cookie) {
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
        return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static List<String> studentAccounts(Path people, int n) throws IOException {
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

  private static double queriesPerRequest(EmbeddedMariaDb db, String url, List<String> cookies) throws SQLException {
    for (int i = 0; i < 10; i++) {
      cookies.set(i, cookies(sessionWith(cookies.get(i)).get(url), cookies.get(i))); // warm-up
    }
    long before = questions(db);
    for (int i = 0; i < cookies.size(); i++) {
      HttpResponse<String> r = sessionWith(cookies.get(i)).get(url);
      if (r.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + r.statusCode() + " " + WebSession.location(r));
      }
      cookies.set(i, cookies(r, cookies.get(i)));
    }
    long after = questions(db);
    // Our own SHOW STATUS counts once.
    return (after - before - 1) / (double) cookies.size();
  }

  /** The statements of one week-view request, from MariaDB's general log. */
  private static void showStatements(EmbeddedMariaDb db, Client probe, String url) throws SQLException {
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
        System.out.println("  statements of one week-view request:");
        while (rs.next()) {
          String sql = rs.getString(2).replaceAll("\\s+", " ");
          System.out.println("    " + (sql.length() > 110 ? sql.substring(0, 110) + " …" : sql));
        }
      }
    }
  }

  private static long questions(EmbeddedMariaDb db) throws SQLException {
    try (Connection c = db.adminConnection("mysql");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  private static long count(EmbeddedMariaDb db, String sql) throws SQLException {
    try (Connection c = db.adminConnection("workbench");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The sessions' Cookie headers, one per line, for bench/browser-sessions.lua. */
  private static Path writeCookieFile(Path work, List<String> cookies) throws IOException {
    Path file = work.resolve("sessions.txt");
    Files.write(file, cookies);
    return file;
  }

  /** wrk with bench/browser-sessions.lua: one thread per connection, each one student's browser session. */
  private static String wrk(Path sessions, String url, int connections, int seconds)
      throws IOException, InterruptedException {
    List<String> cmd =
        List.of(
            "wrk", "-t" + connections, "-c" + connections, "-d" + seconds + "s", "--latency", "-s",
            "bench/browser-sessions.lua", url);
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

  private static String field(String text, String regex, String... dflt) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1).trim() : dflt.length > 0 ? dflt[0] : "?";
  }

  /** utime + stime of a process, in clock ticks (1/100 s). */
  private static long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static String required(String property) {
    String v = System.getProperty(property);
    if (v == null) {
      throw new IllegalStateException("-D" + property + " is required (bench/timetable.sh sets it)");
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
}
