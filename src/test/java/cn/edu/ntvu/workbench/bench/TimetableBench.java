package cn.edu.ntvu.workbench.bench;

import static cn.edu.ntvu.workbench.bench.BenchKit.*;

import cn.edu.ntvu.workbench.bench.BenchKit.Client;
import cn.edu.ntvu.workbench.bench.BenchKit.RssSampler;
import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.EmbeddedMariaDb;
import cn.edu.ntvu.workbench.testsupport.PayaraMicro;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    int port = Integer.parseInt(System.getProperty("bench.port", "18580"));
    String base = "http://localhost:" + port;

    try (EmbeddedMariaDb db = EmbeddedMariaDb.start(work.resolve("mariadb"), 0)) {
      try (PayaraMicro app = startApp(db, work, port, CLOCK);
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
                + " response sets (with SESSION_REPLICATION=true Payara changes a session's version cookie on every request)");
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
    WebDriverWait wait = Browser.waitFor(driver, Duration.ofSeconds(30));
    driver.get(base + "/dev/signin.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account"))).sendKeys(account);
    driver.findElement(By.id("submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hello")));
  }

  private static void directoryImport(ChromeDriver driver, String base, String kind, Path file) {
    WebDriverWait wait = Browser.waitFor(driver, Duration.ofMinutes(5));
    driver.get(base + "/admin/directory/import.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload:file")));
    driver.findElement(By.cssSelector("input[name='upload:kind'][value='" + kind + "']")).click();
    driver.findElement(By.id("upload:file")).sendKeys(file.toString());
    driver.findElement(By.id("upload:previewButton")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview:confirm"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result .dir-ok")));
  }

}
