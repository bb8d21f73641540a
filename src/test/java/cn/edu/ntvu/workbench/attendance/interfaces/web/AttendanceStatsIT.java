package cn.edu.ntvu.workbench.attendance.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.CasWebSession;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 考勤统计 and 我的考勤 (issue 19, item 5) against the packaged WAR (school clock 2026-11-25). Four roll
 * calls of a course made here in SQL (source ITSTATS, course "=HYPERLINK(…)" to prove the export
 * formula-safe) for class 2401000: 杨梓 (20240100026) absent twice of four (4 of 8 periods, past
 * 1/3), 陆晨建 (20240100027) always present, 田芬 (20240100001) absent once and excused once by an
 * approved 病假. The counsellor 毛敏 at 360×640 in WeCom: from 查课表 to the statistics, 杨梓 first and red,
 * no sideways scroll, the XLSX; the dean 叶轩 at 1366×768; 田芬 her own page with the leave; forged: a
 * student and another class's counsellor (曾强, 10069) get 403 for page and file.
 */
class AttendanceStatsIT {
  @RegisterExtension static Browser browser = Browser.weCom().windowSize(360, 640);

  private static final String SOURCE = "ITSTATS";
  private static final String COURSE = "=HYPERLINK(\"http://x\")统计课";
  private static final String PAST = "20240100026";
  private static final String PRESENT = "20240100027";
  private static final String TOKEN = "attendance-stats-it";
  private static final List<String> DATES =
      List.of("2026-11-02", "2026-11-09", "2026-11-16", "2026-10-26");

  private static String app;
  private static String term;

  @BeforeAll
  static void setUp() throws Exception {
    app = TestServers.appUrl();
    term =
        query(
            "SELECT t.id FROM course_meeting m JOIN term t ON t.id = m.term_id"
                + " WHERE m.course_code = 'K00002' ORDER BY t.id DESC LIMIT 1");
    assertThat(term).isNotNull();
    cleanUp();
    exec(
        "INSERT INTO leave_request (student_account, student_name, class_code, type_code, starts_at,"
            + " ends_at, duration_minutes, duration_days, reason, off_campus, status, current_step,"
            + " step_count, submit_token, submitted_at, closed_at)"
            + " VALUES ('20240100001', '田芬', '2401000', 'SICK', '2026-11-09 08:00:00',"
            + " '2026-11-09 12:00:00', 240, 0.5, '发烧', FALSE, 'APPROVED', 1, 1, ?,"
            + " '2026-11-08 20:00:00', '2026-11-08 21:00:00')",
        TOKEN);
    String leave = query("SELECT id FROM leave_request WHERE submit_token = ?", TOKEN);
    String[][] marks = {
      {PAST, "ABSENT", PRESENT, "PRESENT", TestUsers.STUDENT.account(), "ABSENT"},
      {PAST, "ABSENT", PRESENT, "PRESENT", TestUsers.STUDENT.account(), "EXCUSED"},
      {PAST, "PRESENT", PRESENT, "PRESENT", TestUsers.STUDENT.account(), "PRESENT"},
      {PAST, "PRESENT", PRESENT, "PRESENT", TestUsers.STUDENT.account(), "PRESENT"}
    };
    for (int i = 0; i < DATES.size(); i++) {
      String date = DATES.get(i);
      exec(
          "INSERT INTO attendance_session (term_id, source, meeting_no, meeting_date, course_code,"
              + " course_name, first_period, period_count, first_by, first_at)"
              + " VALUES (?, ?, 1, ?, 'ZZSTATS', ?, 1, 2, '10754', ?)",
          term,
          SOURCE,
          date,
          COURSE,
          date + " 08:05:00");
      for (int j = 0; j < marks[i].length; j += 2) {
        exec(
            "INSERT INTO attendance_mark (term_id, source, meeting_no, meeting_date,"
                + " student_account, mark, leave_request_id, marked_by, tapped_at, change_id)"
                + " VALUES (?, ?, 1, ?, ?, ?, ?, '10754', ?, 0)",
            term,
            SOURCE,
            date,
            marks[i][j],
            marks[i][j + 1],
            "EXCUSED".equals(marks[i][j + 1]) ? leave : null,
            date + " 08:05:00");
      }
    }
  }

  @AfterAll
  static void cleanUp() throws Exception {
    exec("DELETE FROM leave_request WHERE submit_token = ?", TOKEN);
    exec("DELETE FROM attendance_mark WHERE source = ?", SOURCE);
    exec("DELETE FROM attendance_session WHERE source = ?", SOURCE);
  }

  private static void noSidewaysScroll(ChromeDriver d) {
    Object wide =
        d.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    assertThat(wide).as("horizontal scroll").isEqualTo(Boolean.FALSE);
  }

  @Test
  void theCounsellorSeesTheClassWithTheStudentPastTheThresholdFirstAndExportsIt() throws Exception {
    ChromeDriver d = browser.driver();
    d.manage().window().setSize(new Dimension(360, 640));
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    browser.signInThroughWeCom(app + "/timetable/index.xhtml", TestUsers.COUNSELLOR.account());
    WebElement link = d.findElement(By.id("attendance-stats-link"));
    assertThat(link.getSize().getHeight()).isGreaterThanOrEqualTo(44);
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
    link.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("students")));
    assertThat(d.findElement(By.id("class-name")).getText()).isEqualTo("机械制造241班");
    assertThat(d.findElement(By.id("threshold")).getText()).contains("1/3");
    List<WebElement> students = d.findElements(By.cssSelector("#students > li"));
    assertThat(students).hasSize(40);
    WebElement first = students.get(0);
    assertThat(first.getAttribute("data-account")).isEqualTo(PAST);
    assertThat(first.getAttribute("class")).contains("ats-alert");
    assertThat(first.getText()).contains("杨梓").contains("缺勤预警").contains("缺勤 4/8 节");
    WebElement present =
        d.findElement(By.cssSelector("#students > li[data-account='" + PRESENT + "']"));
    assertThat(present.getAttribute("class")).doesNotContain("ats-alert");
    assertThat(present.getText()).contains("缺勤 0/8 节");
    WebElement tian =
        d.findElement(
            By.cssSelector("#students > li[data-account='" + TestUsers.STUDENT.account() + "']"));
    assertThat(tian.getText()).contains("缺勤 2/8 节").contains("请假 2 节");
    assertThat(tian.getAttribute("class")).doesNotContain("ats-alert");
    assertThat(d.findElement(By.id("export")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
    noSidewaysScroll(d);
    browser.screenshot("attendance-stats-counsellor-360");

    // The export: the same figures, every cell text, the course name quote-prefixed (no formula).
    WebSession counsellor = CasWebSession.signedIn(app, TestUsers.COUNSELLOR);
    HttpResponse<byte[]> file = counsellor.getBytes(app + "/attendance/stats.xlsx?class=2401000");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attendance-2401000");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("学号");
      Row past = null;
      for (Row r : sheet) {
        if (PAST.equals(r.getCell(0).getStringCellValue())
            && r.getCell(3).getStringCellValue().contains("统计课")) {
          past = r;
        }
      }
      assertThat(past).isNotNull();
      Cell course = past.getCell(3);
      assertThat(course.getCellType()).isEqualTo(CellType.STRING);
      assertThat(course.getStringCellValue()).isEqualTo(COURSE);
      assertThat(course.getCellStyle().getQuotePrefixed()).isTrue();
      assertThat(past.getCell(4).getStringCellValue()).isEqualTo("8");
      assertThat(past.getCell(5).getStringCellValue()).isEqualTo("4");
      assertThat(past.getCell(9).getStringCellValue()).isEqualTo("是");
    }
  }

  @Test
  void theDeanSeesTheDepartmentsClassesAtDesktopWidth() throws Exception {
    ChromeDriver d = browser.driver();
    d.manage().window().setSize(new Dimension(1366, 768));
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    browser.signInThroughWeCom(
        app + "/attendance/stats.xhtml?class=2401000", TestUsers.DEAN.account());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("students")));
    assertThat(d.findElements(By.cssSelector("#classes a")).size()).isGreaterThan(1);
    assertThat(d.findElement(By.cssSelector("#classes a[aria-current='page']")).getText())
        .isEqualTo("机械制造241班");
    assertThat(d.findElement(By.cssSelector("#students > li")).getAttribute("data-account"))
        .isEqualTo(PAST);
    noSidewaysScroll(d);
    browser.screenshot("attendance-stats-dean-1366");
    d.manage().window().setSize(new Dimension(360, 640));
  }

  @Test
  void aStudentSeesTheirOwnAttendanceWithTheLeaveThatExcusedIt() throws Exception {
    ChromeDriver d = browser.driver();
    d.manage().window().setSize(new Dimension(360, 640));
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    browser.signInThroughWeCom(app + "/timetable/index.xhtml", TestUsers.STUDENT.account());
    WebElement link = d.findElement(By.id("my-attendance-link"));
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
    link.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("courses")));
    WebElement course = d.findElement(By.cssSelector("#courses > li[data-course='ZZSTATS']"));
    assertThat(course.getText())
        .contains("缺勤 2/8 节")
        .contains("11月2日 第1–2节 缺勤")
        .contains("11月9日 第1–2节 请假（病假）")
        .doesNotContain("11月16日")
        .doesNotContain("10月26日");
    WebElement leave = course.findElement(By.cssSelector("a[href*='/leave/request.xhtml?id=']"));
    assertThat(leave.getSize().getHeight()).isGreaterThanOrEqualTo(44);
    noSidewaysScroll(d);
    browser.screenshot("attendance-mine-student-360");
  }

  @Test
  void aStudentAndAnotherClasssCounsellorAreRefused() throws Exception {
    WebSession student = CasWebSession.signedIn(app, TestUsers.STUDENT);
    HttpResponse<String> page = student.get(app + "/attendance/stats.xhtml?class=2401000");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).doesNotContain(PAST);
    assertThat(student.getBytes(app + "/attendance/stats.xlsx?class=2401000").statusCode())
        .isEqualTo(403);
    WebSession counsellor = CasWebSession.signedIn(app, TestUsers.COUNSELLOR);
    assertThat(counsellor.get(app + "/attendance/mine.xhtml").statusCode()).isEqualTo(403);

    // 曾强 (10069) counsels classes of department 02, not 2401000: the page says so, 403.
    ChromeDriver d = browser.driver();
    d.manage().window().setSize(new Dimension(360, 640));
    browser.signInThroughWeCom(app + "/attendance/stats.xhtml?class=2401000", "10069");
    assertThat(d.findElement(By.id("problem")).getText()).isEqualTo("这不是您负责的班级，无法查看它的考勤。");
    assertThat(d.findElements(By.id("students"))).isEmpty();
    assertThat(d.getPageSource()).doesNotContain(PAST);
    Object statuses =
        ((org.openqa.selenium.JavascriptExecutor) d)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "Promise.all(['stats.xhtml?class=2401000', 'stats.xlsx?class=2401000']"
                    + ".map(u => fetch(u).then(r => r.status))).then(done, e => done(String(e)));");
    assertThat(statuses).isEqualTo(List.of(403L, 403L));
  }
}
