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
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 收集表 benchmark (issue 5), started by {@code bench/forms.sh}. On the packaged WAR in development
 * mode with the demo directory plus {@code STUDENTS} generated students:
 *
 * <ol>
 *   <li>a published form of 20 questions (10 numbers, 5 single choices, 5 texts) asking every
 *       generated student; {@code SUBMITS} of them open it (not timed) and submit (timed), evenly
 *       over {@code SPAN} seconds: how many stored, p50/p99 of the submit post;
 *   <li>the other students' answers added in the database, so the form has {@code STUDENTS}
 *       responses × 20 answers; the owner's results page: RESULT_RUNS/5 loads with one response
 *       removed or added back before each (the statistics counted anew every time, as while a
 *       collection runs), then {@code RESULT_RUNS} loads one after another with nothing changed:
 *       p50/p99 of each;
 *   <li>the XLSX export of all responses: time, size, and the app's heap in use sampled by {@code
 *       jstat} every 100 ms during it (peak minus the level before).
 * </ol>
 */
public final class FormsBench {
  private static final String CLOCK = "2026-11-25T10:20";
  private static final String OWNER = "10001";
  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
  private static final Pattern TEXT_INPUT =
      Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*data-q=\"(\\d+)\"");
  private static final Pattern RADIO =
      Pattern.compile("<input type=\"radio\" name=\"(c\\d+)\" value=\"(o\\d+)\"");
  private static final List<String> CLASSES = BenchKit.DEMO_CLASSES;

  private static final java.util.concurrent.atomic.AtomicReference<String> FIRST_FAILURE =
      new java.util.concurrent.atomic.AtomicReference<>();

  private FormsBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(BenchKit.required("bench.work")).toAbsolutePath();
    int port = Integer.parseInt(System.getProperty("bench.port", "18582"));
    int students = env("STUDENTS", 15000);
    int submits = Math.min(students, env("SUBMITS", 1500));
    int seconds = env("SPAN", 60);
    int resultRuns = env("RESULT_RUNS", 100);
    String base = "http://localhost:" + port;
    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(work.resolve("mariadb"), 0)) {
      try (PayaraMicro app = BenchKit.startApp(db, work, port, CLOCK)) {
        System.out.printf("app ready in %.1f s%n", app.readyTime().toMillis() / 1000.0);
        long t0 = System.nanoTime();
        List<String> accounts = addStudents(db, students);
        long formId = form(db, students);
        System.out.printf(
            "== %d students and a form of 20 questions asking them (set up in %.0f s)%n",
            students, (System.nanoTime() - t0) / 1e9);

        System.out.printf("== %d signing in through the WeCom stand-in (not timed)%n", submits);
        List<WebSession> sessions = signIn(base, accounts.subList(0, submits), formId);
        System.out.printf("== %d submits spread over %d s%n", submits, seconds);
        List<Long> nanos = submitAll(base, sessions, formId, seconds);
        long stored = count(db, "SELECT COUNT(*) FROM form_response WHERE form_id = " + formId);
        System.out.printf(
            "  stored %d of %d; submit p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
            stored,
            submits,
            ms(percentile(nanos, 50)),
            ms(percentile(nanos, 99)),
            ms(percentile(nanos, 100)));

        t0 = System.nanoTime();
        addAnswers(db, formId, accounts.subList(submits, accounts.size()));
        System.out.printf(
            "== %d responses × 20 answers in the database (rest added in %.0f s)%n",
            count(db, "SELECT COUNT(*) FROM form_response WHERE form_id = " + formId),
            (System.nanoTime() - t0) / 1e9);
        WebSession owner = WeComStandInScreen.signedIn(base + "/forms/", OWNER);
        String results = base + "/forms/results.xhtml?id=" + formId;
        owner.get(results);
        // While a collection runs every load finds a new response and counts all answers again:
        // between two loads one
        // response is taken away or added back (the server reuses its statistics only while the
        // count is unchanged).
        String moving = accounts.get(accounts.size() - 1);
        List<Long> counted = new ArrayList<>();
        for (int i = 0; i < Math.max(10, resultRuns / 5); i++) {
          if (i % 2 == 0) {
            try (Connection c = db.appConnection("workbench");
                PreparedStatement d =
                    c.prepareStatement(
                        "DELETE FROM form_response WHERE form_id = ? AND respondent_account = ?")) {
              d.setLong(1, formId);
              d.setString(2, moving);
              d.executeUpdate();
            }
          } else {
            addAnswers(db, formId, List.of(moving));
          }
          long s = System.nanoTime();
          HttpResponse<String> r = owner.get(results);
          if (r.statusCode() == 200) {
            counted.add(System.nanoTime() - s);
          }
        }
        System.out.printf(
            "  results page, statistics counted anew each load (%d loads) p50 %.0f ms, p99 %.0f ms%n",
            counted.size(), ms(percentile(counted, 50)), ms(percentile(counted, 99)));
        List<Long> pages = new ArrayList<>();
        for (int i = 0; i < resultRuns; i++) {
          long s = System.nanoTime();
          HttpResponse<String> r = owner.get(results);
          if (r.statusCode() == 200) {
            pages.add(System.nanoTime() - s);
          }
        }
        System.out.printf(
            "  results page, no new response between loads (%d loads) p50 %.0f ms, p99 %.0f ms%n",
            pages.size(), ms(percentile(pages, 50)), ms(percentile(pages, 99)));

        System.out.println("== XLSX export");
        long pid = app.process().pid();
        HeapSampler heap = new HeapSampler(pid);
        // A full collection first, so the level before is what is live, not the garbage of the page
        // loads above.
        new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run")
            .redirectErrorStream(true)
            .start()
            .waitFor();
        Thread.sleep(1500);
        long before = heap.latest();
        long oldBefore = heap.latestOld();
        long s = System.nanoTime();
        HttpResponse<String> xlsx = owner.get(base + "/forms/export.xlsx?id=" + formId);
        double took = (System.nanoTime() - s) / 1e9;
        Thread.sleep(300);
        heap.stop();
        System.out.printf(
            "  HTTP %d, %.1f MB in %.1f s; heap in use before %.0f MB, peak %.0f MB (growth %.0f MB,"
                + " garbage included); retained (survivors + old generation) growth %.0f MB%n",
            xlsx.statusCode(),
            xlsx.body().length() / 1e6,
            took,
            before / 1e6,
            heap.peak() / 1e6,
            Math.max(0, heap.peak() - before) / 1e6,
            Math.max(0, heap.peakOld() - oldBefore) / 1e6);
      }
    }
  }

  /**
   * The form as the builder would publish it: 20 questions, the generated students as its
   * recipients.
   */
  private static long form(EmbeddedMariaDb db, int students) throws SQLException {
    try (Connection c = db.appConnection("workbench")) {
      long id;
      try (Statement st = c.createStatement()) {
        st.executeUpdate(
            "INSERT INTO form (title, status, owner_account, owner_name, deadline, created_at,"
                + " published_at) VALUES ('压测收集表', 'PUBLISHED', '"
                + OWNER
                + "', '毛敏', '2026-12-31 18:00:00',"
                + " NOW(3), NOW(3))",
            Statement.RETURN_GENERATED_KEYS);
        try (ResultSet rs = st.getGeneratedKeys()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO form_question (form_id, position, type, title,"
                  + " required, min_number, max_number, decimals, options) VALUES (?, ?, ?, ?, TRUE, ?, ?, ?, ?)")) {
        for (int p = 1; p <= 20; p++) {
          String type = p <= 10 ? "NUMBER" : p <= 15 ? "SINGLE" : "TEXT";
          ps.setLong(1, id);
          ps.setInt(2, p);
          ps.setString(3, type);
          ps.setString(4, "第" + p + "题");
          ps.setObject(5, type.equals("NUMBER") ? 0 : null);
          ps.setObject(6, type.equals("NUMBER") ? 1000 : null);
          ps.setObject(7, type.equals("NUMBER") ? 1 : null);
          ps.setString(
              8,
              type.equals("SINGLE")
                  ? "[{\"id\":\"o1\",\"label\":\"是\"},{\"id\":\"o2\",\"label\":\"否\"},{\"id\":\"o3\",\"label\":\"不确定\"}]"
                  : null);
          ps.executeUpdate();
        }
      }
      try (Statement st = c.createStatement()) {
        st.executeUpdate(
            "INSERT INTO form_recipient (form_id, account, name, unit_name) SELECT "
                + id
                + ", p.account, p.name, c.name FROM person p JOIN school_class c ON c.id = p.class_id"
                + " WHERE p.account LIKE '2999%'");
      }
      return id;
    }
  }

  private static List<WebSession> signIn(String base, List<String> accounts, long formId)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<WebSession>> f = new ArrayList<>();
      for (String a : accounts) {
        f.add(
            pool.submit(
                () -> WeComStandInScreen.signedIn(base + "/forms/fill.xhtml?id=" + formId, a)));
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

  private static List<Long> submitAll(
      String base, List<WebSession> sessions, long formId, int seconds) throws Exception {
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    ExecutorService pool = Executors.newFixedThreadPool(64);
    long step = TimeUnit.SECONDS.toNanos(seconds) / Math.max(1, sessions.size());
    String url = base + "/forms/fill.xhtml?id=" + formId;
    List<Future<?>> done = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < sessions.size(); i++) {
      WebSession web = sessions.get(i);
      int n = i;
      clock.schedule(
          () ->
              done.add(
                  pool.submit(
                      () -> {
                        HttpResponse<String> page = web.get(url);
                        Matcher vs = VIEW_STATE.matcher(page.body());
                        Matcher token =
                            Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"")
                                .matcher(page.body());
                        if (!vs.find() || !token.find()) {
                          return;
                        }
                        Map<String, String> form = new LinkedHashMap<>();
                        form.put("fill", "fill");
                        Matcher in = TEXT_INPUT.matcher(page.body());
                        while (in.find()) {
                          int q = Integer.parseInt(in.group(2));
                          form.put(
                              in.group(1),
                              q <= 10 ? String.valueOf(150 + (n + q) % 50) : "压测答案 " + n);
                        }
                        Matcher radio = RADIO.matcher(page.body());
                        while (radio.find()) {
                          form.putIfAbsent(radio.group(1), radio.group(2));
                        }
                        form.put("token", token.group(1));
                        form.put("submit", "submit");
                        form.put(
                            "jakarta.faces.ViewState",
                            vs.group(1).replace("&#58;", ":").replace("&amp;", "&"));
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = web.post(url, form);
                        long t = System.nanoTime() - t0;
                        if (r.statusCode() == 302) {
                          nanos.add(t);
                        } else if (FIRST_FAILURE.compareAndSet(null, "")) {
                          Matcher why =
                              Pattern.compile("(?s)<ul id=\"messages\"[^>]*>(.*?)</ul>")
                                  .matcher(r.body());
                          String said =
                              why.find()
                                  ? why.group(1).replaceAll("<[^>]+>", " ").strip()
                                  : "(no message)";
                          System.out.println(
                              "  first refused submit: HTTP "
                                  + r.statusCode()
                                  + " "
                                  + said
                                  + " fields "
                                  + form.keySet());
                        }
                      })),
          i * step,
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

  /**
   * Responses of the students who did not submit through the page, as the page would have stored
   * them.
   */
  private static void addAnswers(EmbeddedMariaDb db, long formId, List<String> accounts)
      throws SQLException {
    List<Long> questions = new ArrayList<>();
    try (Connection c = db.appConnection("workbench")) {
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT id FROM form_question WHERE form_id = "
                      + formId
                      + " ORDER BY position")) {
        while (rs.next()) {
          questions.add(rs.getLong(1));
        }
      }
      c.setAutoCommit(false);
      try (PreparedStatement r =
              c.prepareStatement(
                  "INSERT INTO form_response (form_id, respondent_key,"
                      + " respondent_account, respondent_name, unit_name, single_key, submit_token, submitted_at)"
                      + " VALUES (?, SHA2(?, 256), ?, ?, '压测班', SHA2(?, 256), UUID(), NOW(3))",
                  Statement.RETURN_GENERATED_KEYS);
          PreparedStatement a =
              c.prepareStatement(
                  "INSERT INTO form_answer (response_id, question_id, form_id,"
                      + " text_value, number_value, choice_ids) VALUES (?, ?, ?, ?, ?, ?)")) {
        int i = 0;
        for (String account : accounts) {
          r.setLong(1, formId);
          r.setString(2, account);
          r.setString(3, account);
          r.setString(4, "压测" + account.substring(4));
          r.setString(5, account);
          r.executeUpdate();
          long responseId;
          try (ResultSet rs = r.getGeneratedKeys()) {
            rs.next();
            responseId = rs.getLong(1);
          }
          for (int q = 0; q < questions.size(); q++) {
            a.setLong(1, responseId);
            a.setLong(2, questions.get(q));
            a.setLong(3, formId);
            a.setString(4, q >= 15 ? "压测答案 " + i : null);
            a.setObject(5, q < 10 ? 150 + (i + q) % 50 : null);
            a.setString(6, q >= 10 && q < 15 ? "o" + (1 + (i + q) % 3) : null);
            a.addBatch();
          }
          if (++i % 500 == 0) {
            a.executeBatch();
            c.commit();
          }
        }
        a.executeBatch();
        c.commit();
      }
      try (Statement st = c.createStatement()) {
        st.executeUpdate("UPDATE form_recipient SET filled = TRUE WHERE form_id = " + formId);
      }
      c.commit();
    }
  }

  /**
   * Heap in use of a JVM (eden + survivors + old, from {@code jstat -gc}), sampled every 100 ms.
   */
  private static final class HeapSampler {
    private final Process jstat;
    private final AtomicLong latest = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong latestOld = new AtomicLong();
    private final AtomicLong peakOld = new AtomicLong();

    HeapSampler(long pid) throws Exception {
      jstat =
          new ProcessBuilder("jstat", "-gc", String.valueOf(pid), "100")
              .redirectErrorStream(true)
              .start();
      Thread t =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                  String header = in.readLine();
                  if (header == null) {
                    return;
                  }
                  List<String> cols = List.of(header.trim().split("\\s+"));
                  String line;
                  while ((line = in.readLine()) != null) {
                    String[] v = line.trim().split("\\s+");
                    if (v.length != cols.size() || v[0].startsWith("S0C")) {
                      continue;
                    }
                    double kb = 0;
                    for (String c : List.of("S0U", "S1U", "EU", "OU")) {
                      kb += Double.parseDouble(v[cols.indexOf(c)]);
                    }
                    long bytes = (long) (kb * 1024);
                    // What outlived a young collection: survivors and old generation (eden is
                    // mostly garbage not yet collected).
                    long old =
                        (long)
                            ((Double.parseDouble(v[cols.indexOf("S0U")])
                                    + Double.parseDouble(v[cols.indexOf("S1U")])
                                    + Double.parseDouble(v[cols.indexOf("OU")]))
                                * 1024);
                    latest.set(bytes);
                    latestOld.set(old);
                    peak.accumulateAndGet(bytes, Math::max);
                    peakOld.accumulateAndGet(old, Math::max);
                  }
                } catch (Exception e) {
                  // jstat ended
                }
              });
      t.setDaemon(true);
      t.start();
    }

    /** Starts the peaks from now; returns the heap in use now. */
    long latest() {
      peak.set(latest.get());
      peakOld.set(latestOld.get());
      return latest.get();
    }

    long latestOld() {
      return latestOld.get();
    }

    long peakOld() {
      return peakOld.get();
    }

    long peak() {
      return peak.get();
    }

    void stop() {
      jstat.destroy();
    }
  }
}
