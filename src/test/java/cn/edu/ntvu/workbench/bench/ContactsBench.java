package cn.edu.ntvu.workbench.bench;

import cn.edu.ntvu.workbench.contacts.domain.ContactsDiff;
import cn.edu.ntvu.workbench.contacts.domain.ContactsPlan;
import cn.edu.ntvu.workbench.contacts.domain.DirectoryDepartment;
import cn.edu.ntvu.workbench.contacts.domain.DirectoryMember;
import cn.edu.ntvu.workbench.testsupport.EmbeddedMariaDb;
import cn.edu.ntvu.workbench.testsupport.PayaraMicro;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contacts sync benchmark (issue 6), started by {@code bench/contacts.sh}: the demo directory plus
 * {@code bench.people} (default 20,000) people in {@code bench.departments} (default 500)
 * departments. Prints the dry-run diff's time and heap (in this JVM, the same pure code as the
 * app's), then, through the admin page of the packaged WAR against the WeCom stand-in: the full
 * reconcile (batch route) from an empty WeCom, and an incremental run with 200 changed mobile
 * numbers. Targets: diff ≤ 10 s, full reconcile ≤ 2 min, incremental ≤ 30 s.
 */
public final class ContactsBench {
  private static final String CLOCK = "2026-11-25T09:40";
  private static final Pattern VIEW_STATE = Pattern.compile("ViewState:0\" value=\"([^\"]*)\"");
  private static final Pattern RUN = Pattern.compile("[?&]run=(\\d+)");

  private ContactsBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(BenchKit.required("bench.work")).toAbsolutePath();
    int port = Integer.parseInt(System.getProperty("bench.port", "18780"));
    int people = Integer.parseInt(System.getProperty("bench.people", "20000"));
    int departments = Integer.parseInt(System.getProperty("bench.departments", "500"));
    String base = "http://localhost:" + port;
    boolean ok = true;

    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(work.resolve("mariadb"), 0);
        PayaraMicro app =
            BenchKit.startApp(db, work, port, CLOCK, Map.of("CONTACTS_LEASE_SECONDS", "600"))) {
      System.out.printf(
          "app ready in %.1f s (dev mode, demo data)%n", app.readyTime().toMillis() / 1000.0);
      waitForDemo(db);
      long t = System.nanoTime();
      addPeople(db, people, departments);
      System.out.printf(
          "added %d people in %d departments in %.1f s; directory now %d people%n",
          people, departments, secs(t), BenchKit.count(db, "SELECT COUNT(*) FROM person"));

      // 1. The diff itself, as the dry run computes it, against an empty WeCom.
      List<DirectoryDepartment> depts = new ArrayList<>();
      List<DirectoryMember> members = new ArrayList<>();
      readDirectory(db, depts, members);
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long heapBefore = rt.totalMemory() - rt.freeMemory();
      t = System.nanoTime();
      ContactsPlan plan =
          ContactsDiff.plan(
              depts,
              members,
              new ContactsDiff.WeComState(Map.of(1L, 0L), Map.of()),
              ContactsDiff.Memory.empty());
      double diff = secs(t);
      long heapAfter = rt.totalMemory() - rt.freeMemory();
      System.out.printf(
          "diff: %d departments, %d people → %d changes, %d conflicts in %.2f s (target ≤ 10 s);"
              + " heap +%d MB while planning%n",
          depts.size(),
          members.size(),
          plan.changes().size(),
          plan.conflicts().size(),
          diff,
          Math.max(0, heapAfter - heapBefore) / (1024 * 1024));
      ok &= diff <= 10;

      String cookies = BenchKit.devSignIn(base, "10857");
      String[] session = {cookies};

      // 2. Full reconcile through the batch route, from an empty WeCom.
      t = System.nanoTime();
      long full =
          post(base, session, "/admin/wecom/contacts.xhtml", "contacts", "full-reconcile", null);
      double planned = secs(t);
      post(
          base,
          session,
          "/admin/wecom/contacts.xhtml?run=" + full,
          "confirm-form",
          "confirm-run",
          full);
      double fullSecs = planned + awaitDone(db, full);
      long inWeCom = new cn.edu.ntvu.workbench.testsupport.StandIn(app.standInUrl()).memberCount();
      long failed = BenchKit.count(db, "SELECT failed FROM contacts_sync_run WHERE id = " + full);
      System.out.printf(
          "full reconcile #%d: planned in %.1f s, done in %.1f s in all (target ≤ 120 s);"
              + " WeCom holds %d members, %d lines refused%n",
          full, planned, fullSecs, inWeCom, failed);
      ok &= fullSecs <= 120;

      // 3. Incremental with 200 changes (new mobile numbers).
      try (Connection c = db.adminConnection("workbench");
          Statement s = c.createStatement()) {
        s.executeUpdate(
            "UPDATE person SET mobile = CONCAT('196', LPAD(id, 8, '0'))"
                + " WHERE account LIKE 'b%' ORDER BY account LIMIT 200");
      }
      t = System.nanoTime();
      long incremental =
          post(base, session, "/admin/wecom/contacts.xhtml", "contacts", "dry-run", null);
      double dry = secs(t);
      long changes =
          BenchKit.count(db, "SELECT total FROM contacts_sync_run WHERE id = " + incremental);
      post(
          base,
          session,
          "/admin/wecom/contacts.xhtml?run=" + incremental,
          "confirm-form",
          "confirm-run",
          incremental);
      double incSecs = dry + awaitDone(db, incremental);
      long incFailed =
          BenchKit.count(db, "SELECT failed FROM contacts_sync_run WHERE id = " + incremental);
      System.out.printf(
          "incremental #%d: dry run (read WeCom, diff, store) %.1f s, %d changes, %d failed,"
              + " done in %.1f s in all (target ≤ 30 s)%n",
          incremental, dry, changes, incFailed, incSecs);
      ok &= incSecs <= 30 && changes == 200 && incFailed == 0;
    }
    if (!ok) {
      System.out.println("FAILED: a target was missed (see above)");
      System.exit(1);
    }
  }

  /** Presses a button of a Faces form on an admin page; returns the run id the redirect names. */
  private static long post(
      String base, String[] session, String page, String form, String button, Long runId) {
    BenchKit.Client client = BenchKit.sessionWith(session[0]);
    HttpResponse<String> get = client.get(base + page);
    session[0] = BenchKit.cookies(get, session[0]);
    Matcher vs = VIEW_STATE.matcher(get.body());
    if (get.statusCode() != 200 || !vs.find()) {
      throw new IllegalStateException(page + " answered " + get.statusCode());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(form, form);
    fields.put(button, "x");
    if (runId != null) {
      fields.put("runId", String.valueOf(runId));
    }
    fields.put("jakarta.faces.ViewState", vs.group(1));
    if (WebSession.nonceOf(get) != null) {
      fields.put("primefaces.nonce", WebSession.nonceOf(get));
    }
    HttpResponse<String> posted =
        BenchKit.sessionWith(session[0]).post(base + page.replaceAll("\\?.*", ""), fields);
    session[0] = BenchKit.cookies(posted, session[0]);
    String location = WebSession.location(posted);
    Matcher run = RUN.matcher(location == null ? "" : location);
    if (posted.statusCode() != 302
        || !run.find()
        || location.contains("refused")
        || location.contains("failed")) {
      throw new IllegalStateException(button + " failed: " + posted.statusCode() + " " + location);
    }
    return Long.parseLong(run.group(1));
  }

  private static double awaitDone(EmbeddedMariaDb db, long run) throws Exception {
    long t = System.nanoTime();
    long last = t;
    while (BenchKit.count(
            db, "SELECT COUNT(*) FROM contacts_sync_run WHERE id = " + run + " AND status = 'DONE'")
        == 0) {
      Thread.sleep(250);
      if (System.nanoTime() - last > 10_000_000_000L) {
        last = System.nanoTime();
        System.out.printf(
            "  %5.1f s: %d of %d%n",
            secs(t),
            BenchKit.count(db, "SELECT done + failed FROM contacts_sync_run WHERE id = " + run),
            BenchKit.count(db, "SELECT total FROM contacts_sync_run WHERE id = " + run));
      }
      if (secs(t) > 900) {
        throw new IllegalStateException("run " + run + " not done in 15 minutes");
      }
    }
    return secs(t);
  }

  private static void waitForDemo(EmbeddedMariaDb db) throws Exception {
    for (int i = 0; i < 240 && BenchKit.count(db, "SELECT COUNT(*) FROM person") < 1000; i++) {
      Thread.sleep(500);
    }
  }

  private static void addPeople(EmbeddedMariaDb db, int people, int departments) throws Exception {
    try (Connection c = db.adminConnection("workbench")) {
      c.setAutoCommit(false);
      long root;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id FROM department WHERE code = '000'")) {
        rs.next();
        root = rs.getLong(1);
      }
      try (PreparedStatement d =
          c.prepareStatement(
              "INSERT INTO department (code, name, parent_id)" + " VALUES (?, ?, ?)")) {
        for (int i = 0; i < departments; i++) {
          d.setString(1, "bd" + i);
          d.setString(2, "压测部门" + i);
          d.setLong(3, root);
          d.addBatch();
        }
        d.executeBatch();
      }
      Map<String, Long> ids = new LinkedHashMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT code, id FROM department WHERE code LIKE 'bd%'")) {
        while (rs.next()) {
          ids.put(rs.getString(1), rs.getLong(2));
        }
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO person (account, name, kind, mobile, department_id,"
                  + " position, status) VALUES (?, ?, 'STUDENT', ?, ?, '学生', 'ACTIVE')")) {
        for (int i = 0; i < people; i++) {
          p.setString(1, String.format("b%06d", i));
          p.setString(2, "压测" + i);
          p.setString(3, String.format("197%08d", i));
          p.setLong(4, ids.get("bd" + (i % departments)));
          p.addBatch();
          if (i % 1000 == 999) {
            p.executeBatch();
          }
        }
        p.executeBatch();
      }
      c.commit();
    }
  }

  /** The directory as DirectoryForSync reads it (classes as sub-departments). */
  private static void readDirectory(
      EmbeddedMariaDb db, List<DirectoryDepartment> depts, List<DirectoryMember> members)
      throws Exception {
    try (Connection c = db.adminConnection("workbench");
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT d.code, d.name, p.code FROM department d"
                  + " LEFT JOIN department p ON p.id = d.parent_id")) {
        while (rs.next()) {
          depts.add(new DirectoryDepartment(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT c.code, c.name, d.code FROM school_class c"
                  + " JOIN department d ON d.id = c.department_id")) {
        while (rs.next()) {
          depts.add(
              new DirectoryDepartment(
                  "class:" + rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT p.account, p.name, p.mobile, d.code, sc.code, p.position, p.status"
                  + " FROM person p LEFT JOIN department d ON d.id = p.department_id"
                  + " LEFT JOIN school_class sc ON sc.id = p.class_id")) {
        while (rs.next()) {
          String place = rs.getString(5) != null ? "class:" + rs.getString(5) : rs.getString(4);
          members.add(
              new DirectoryMember(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  place,
                  rs.getString(6),
                  DirectoryMember.State.valueOf(rs.getString(7))));
        }
      }
    }
  }

  private static double secs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
