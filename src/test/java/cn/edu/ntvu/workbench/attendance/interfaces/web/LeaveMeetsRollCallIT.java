package cn.edu.ntvu.workbench.attendance.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.leave.domain.CardAction;
import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.StandIn;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19's walk from end to end, on the real parts (the packaged WAR, the WeCom stand-in, one
 * Chromium at 360×640 with WeCom's user agent), at the school clock of Wednesday 2026-11-25 (week
 * 12, even): class 机械制造241班 (2401000) has 管理学基础 (彭欣, 10057) in periods 5–6 and 体育 (张伟怡, 10010, even
 * weeks) in 7–8 this afternoon.
 *
 * <ol>
 *   <li>杨涵英 (20240100030) asks for 事假 按节: today, 第5–8节; the page says "将缺 2 门课 4 节" and lists both;
 *   <li>her counsellor 毛敏 (10001) approves with the 同意 button of the card the stand-in received
 *       (WeCom's encrypted callback, through the stand-in's {@code /_callback});
 *   <li>彭欣's message is in the stand-in: "杨涵英（机械制造241班）事假已批准：11月25日 第5–6节 管理学基础";
 *   <li>彭欣 opens 点名 from 查课表's 今天: 杨涵英 is already 请假 (事假); with the network cut (DevTools offline)
 *       she taps 潘东志 (20240100028) 缺勤 and 提交考勤; restored, the page sends it — stored once;
 *   <li>毛敏 opens 考勤统计 from 查课表: 潘东志 缺勤 2/2 节 (past the threshold, first, red), 杨涵英 请假 2 节.
 * </ol>
 */
class LeaveMeetsRollCallIT {
  @RegisterExtension static Browser browser = Browser.weCom().windowSize(360, 640);

  private static final String STUDENT = "20240100030";
  private static final String STUDENT_NAME = "杨涵英";
  private static final String ABSENT = "20240100028";
  private static final String ABSENT_NAME = "潘东志";
  private static final String TEACHER = "10057";
  private static final String PE_TEACHER = "10010";
  private static final String COUNSELLOR = TestUsers.COUNSELLOR.account();
  private static final String DATE = "2026-11-25";

  private static String app;
  private static String meetingSource;
  private static String meetingNo;

  @BeforeAll
  static void setUp() throws Exception {
    app = TestServers.appUrl();
    String meeting =
        query(
            "SELECT CONCAT(m.source, ' ', m.meeting_no) FROM course_meeting m"
                + " JOIN term t ON t.id = m.term_id"
                + " WHERE m.course_code = 'K00004' AND m.weekday = 3 ORDER BY t.id DESC LIMIT 1");
    assertThat(meeting).as("管理学基础 on Wednesdays in the demo timetable").isNotNull();
    meetingSource = meeting.split(" ")[0];
    meetingNo = meeting.split(" ")[1];
    cleanUp();
  }

  /** Leaves the other tests this day and these people as they found them. */
  @AfterAll
  static void cleanUp() throws Exception {
    exec(
        "UPDATE leave_request SET status = 'WITHDRAWN' WHERE student_account = ?"
            + " AND status IN ('PENDING', 'APPROVED')",
        STUDENT);
    exec(
        "DELETE FROM wecom_outbox WHERE message_key LIKE ?", "attendance:alert:%:K00004:" + ABSENT);
    for (String t :
        List.of("attendance_mark", "attendance_change", "attendance_batch", "attendance_session")) {
      exec(
          "DELETE FROM " + t + " WHERE meeting_date = ? AND source = ? AND meeting_no = ?",
          DATE,
          meetingSource,
          meetingNo);
    }
  }

  @Test
  void aLeaveByPeriodsApprovedFromTheCardReachesTheTeacherTheRollCallAndTheStatistics()
      throws Exception {
    ChromeDriver d = browser.driver();
    d.manage().window().setSize(new Dimension(360, 640));
    WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(30));
    StandIn standIn = TestServers.standIn();

    // ---- 1. The student asks for leave by class periods and sees what she would miss.
    browser.signInThroughWeCom(app + "/leave/apply.xhtml", STUDENT);
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("by-periods")));
    new Select(d.findElement(By.id("type"))).selectByValue("PERSONAL");
    d.findElement(By.id("reason")).sendKeys("下午去医院复诊");
    Browser.click(d, "by-periods");
    Browser.setValue(d, "periodDate", DATE);
    change(d, "periodDate");
    // Each pick waits for its Ajax answer: an answer still on its way re-renders the selects.
    w.until(
        x ->
            !x.findElements(By.id("missed-total")).isEmpty()
                || !x.findElements(By.id("error-periods")).isEmpty());
    select(d, w, "lastPeriod", "8");
    // 第1–8节 today: 数据库技术 (3–4), 管理学基础, 体育
    w.until(ExpectedConditions.textToBePresentInElementLocated(By.id("missed-total"), "3 门课 6 节"));
    select(d, w, "firstPeriod", "5");
    w.until(ExpectedConditions.textToBePresentInElementLocated(By.id("missed-total"), "2 门课 4 节"));
    assertThat(d.findElement(By.id("missed-total")).getText()).isEqualTo("将缺 2 门课 4 节");
    // Read in one go once the Ajax answers have settled (an answer may still replace the list).
    String missed =
        w.until(
            x -> {
              WebElement list = x.findElement(By.id("missed"));
              List<String> days =
                  list.findElements(By.cssSelector(".lv-missed-day")).stream()
                      .map(e -> e.getAttribute("data-date"))
                      .toList();
              String text = list.getText();
              return days.equals(List.of(DATE)) && text.contains("第7–8节") ? text : null;
            });
    assertThat(missed).contains("11月25日", "第5–6节", "管理学基础", "彭欣", "第7–8节", "体育", "张伟怡");
    assertThat(d.findElement(By.id("duration")).getText()).contains("4 节");
    d.executeScript("document.getElementById('missed').scrollIntoView({block: 'center'});");
    browser.screenshot("walk-1-apply-by-periods");
    Browser.click(d, "submit");
    w.until(ExpectedConditions.urlContains("/leave/request.xhtml"));
    long id =
        Long.parseLong(WeComStandInScreen.query(java.net.URI.create(d.getCurrentUrl())).get("id"));
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
    assertThat(d.findElement(By.id("status")).getText()).isEqualTo("审批中");
    browser.screenshot("walk-2-request-pending");

    // ---- 2. The counsellor's card reaches WeCom (the stand-in); she taps 同意 on it.
    String open = "leave:" + id + ":step:1:open";
    awaitOutbox(open, "SENT");
    assertThat(standIn.messagesTo(COUNSELLOR))
        // the stand-in keeps its messages across runs: this run's card links this app
        .filteredOn(m -> m.body().contains("\"task_id\":\"leave-" + id + "-1\""))
        .filteredOn(m -> m.body().contains(app + "/leave/request.xhtml?id=" + id + "\""))
        .singleElement()
        .satisfies(m -> assertThat(m.body()).contains(STUDENT_NAME, "缺课", "2 门课 4 节"));
    d.manage().deleteAllCookies();
    d.get(standIn.base() + "/inbox?user=" + COUNSELLOR);
    inboxTop(d, w);
    browser.screenshot("walk-3-counsellor-card-in-wecom");
    // What the teachers had from this student before (the stand-in keeps earlier runs' messages).
    List<StandIn.Message> before = toldAbout(standIn, TEACHER);
    int peBefore = toldAbout(standIn, PE_TEACHER).size();
    long now = System.currentTimeMillis() / 1000;
    assertThat(
            standIn
                .cardClick(COUNSELLOR, CardAction.approveKey(id, 1), CardAction.taskId(id, 1), now)
                .getInt("status"))
        .isEqualTo(200);
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("APPROVED");
    assertThat(
            count(
                "SELECT COUNT(*) FROM leave_event WHERE request_id = ? AND action = 'APPROVED'"
                    + " AND via = 'CARD_BUTTON' AND actor_account = ?",
                id,
                COUNSELLOR))
        .isEqualTo(1);

    // ---- 3. Each course teacher is told once, through the outbox, in WeCom (the stand-in).
    String toTeacher = "leave:" + id + ":teachers:FINALLY_APPROVED:" + TEACHER;
    awaitOutbox(toTeacher, "SENT");
    awaitOutbox("leave:" + id + ":teachers:FINALLY_APPROVED:" + PE_TEACHER, "SENT");
    List<StandIn.Message> told = toldAbout(standIn, TEACHER);
    assertThat(told).as("one message to 彭欣").hasSize(before.size() + 1);
    // newest first
    assertThat(told.get(0).body())
        .contains(STUDENT_NAME + "（机械制造241班）事假已批准", "11月25日", "第5–6节", "管理学基础")
        .doesNotContain("体育");
    List<StandIn.Message> pe = toldAbout(standIn, PE_TEACHER);
    assertThat(pe).as("one message to 张伟怡").hasSize(peBefore + 1);
    assertThat(pe.get(0).body()).contains("第7–8节", "体育").doesNotContain("管理学基础");
    d.get(standIn.base() + "/inbox?user=" + TEACHER);
    inboxTop(d, w);
    browser.screenshot("walk-4-teacher-message-in-wecom");

    // ---- 4. The teacher opens the roster from 查课表 (今天): the student is already 请假.
    browser.signInThroughWeCom(app + "/timetable/index.xhtml", TEACHER);
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("classes")));
    WebElement link =
        d.findElements(By.cssSelector("a.tt-roll-link")).stream()
            .filter(
                a ->
                    a.getAttribute("href").contains("src=" + meetingSource + "&no=" + meetingNo)
                        && a.getAttribute("href").contains("date=" + DATE))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no 点名 link for 管理学基础 on 今天"));
    assertThat(link.getSize().getHeight()).isGreaterThanOrEqualTo(44);
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
    browser.screenshot("walk-5-teacher-today");
    link.click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("roster")));
    assertThat(d.findElement(By.id("roll-title")).getText()).isEqualTo("管理学基础");
    assertThat(d.findElement(By.id("roll-subtitle")).getText()).contains("第5–6节");
    WebElement excused = row(d, STUDENT);
    assertThat(excused.getAttribute("data-mark")).isEqualTo("EXCUSED");
    assertThat(excused.getText()).contains(STUDENT_NAME, "请假", "事假");
    assertThat(row(d, ABSENT).getAttribute("data-mark")).isEqualTo("PRESENT");
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", excused);
    browser.screenshot("walk-6-roster-excused");

    // The network drops in the classroom: the tap and 提交考勤 are kept in the page.
    network(d, true);
    tap(d, row(d, ABSENT));
    assertThat(row(d, ABSENT).getAttribute("data-mark")).isEqualTo("ABSENT");
    d.findElement(By.cssSelector("input.att-submit")).click();
    w.until(x -> x.findElement(By.id("roll-status")).getText().contains("网络已断开"));
    browser.screenshot("walk-7-roster-offline");
    assertThat(marks(ABSENT, "ABSENT")).isZero();

    // Back online: sent by the page itself, stored once.
    network(d, false);
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("roll-saved")));
    assertThat(d.findElement(By.id("roll-saved")).getText()).contains("考勤已保存");
    browser.screenshot("walk-8-roster-saved");
    assertThat(marks(ABSENT, "ABSENT")).isEqualTo(1);
    assertThat(changes(ABSENT, "ABSENT")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM attendance_batch WHERE " + occurrence(), args()))
        .isEqualTo(1);
    assertThat(marks(STUDENT, "EXCUSED")).isEqualTo(1);
    assertThat(
            query(
                "SELECT leave_request_id FROM attendance_mark WHERE "
                    + occurrence()
                    + " AND student_account = ?",
                DATE,
                meetingSource,
                meetingNo,
                STUDENT))
        .isEqualTo(String.valueOf(id));

    // ---- 5. The counsellor sees both in 考勤统计 (from 查课表).
    browser.signInThroughWeCom(app + "/timetable/index.xhtml", COUNSELLOR);
    WebElement stats = d.findElement(By.id("attendance-stats-link"));
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", stats);
    stats.click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("students")));
    assertThat(d.findElement(By.id("class-name")).getText()).isEqualTo("机械制造241班");
    WebElement absent = student(d, ABSENT);
    assertThat(absent.getAttribute("class")).contains("ats-alert");
    assertThat(course(absent).getText()).contains("管理学基础", "缺勤 2/2 节");
    WebElement onLeave = student(d, STUDENT);
    assertThat(onLeave.getAttribute("class")).doesNotContain("ats-alert");
    assertThat(course(onLeave).getText()).contains("管理学基础", "缺勤 0/2 节", "请假 2 节");
    d.executeScript("arguments[0].scrollIntoView({block: 'start'});", absent);
    browser.screenshot("walk-9-stats-absent");
    d.executeScript("arguments[0].scrollIntoView({block: 'start'});", onLeave);
    browser.screenshot("walk-10-stats-excused");
    Object fits =
        d.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
    assertThat(fits).as("no sideways scrolling at 360 px").isEqualTo(true);
  }

  /** The messages WeCom (the stand-in) delivered to a teacher about the student, newest first. */
  private static List<StandIn.Message> toldAbout(StandIn standIn, String teacher) {
    return standIn.messagesTo(teacher).stream()
        .filter(m -> m.api().equals("SEND") && m.body().contains(STUDENT_NAME + "（"))
        .toList();
  }

  /** The stand-in's inbox with its newest message at the top of the screen. */
  private static void inboxTop(ChromeDriver d, WebDriverWait w) {
    WebElement newest =
        w.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox-rows > li")));
    d.executeScript("arguments[0].scrollIntoView({block: 'start'});", newest);
  }

  private static String occurrence() {
    return "meeting_date = ? AND source = ? AND meeting_no = ?";
  }

  private static Object[] args() {
    return new Object[] {DATE, meetingSource, meetingNo};
  }

  private static long marks(String student, String mark) throws Exception {
    return count(
        "SELECT COUNT(*) FROM attendance_mark WHERE "
            + occurrence()
            + " AND student_account = ? AND mark = ?",
        DATE,
        meetingSource,
        meetingNo,
        student,
        mark);
  }

  private static long changes(String student, String mark) throws Exception {
    return count(
        "SELECT COUNT(*) FROM attendance_change WHERE "
            + occurrence()
            + " AND student_account = ? AND mark = ?",
        DATE,
        meetingSource,
        meetingNo,
        student,
        mark);
  }

  private static WebElement row(ChromeDriver d, String account) {
    return d.findElement(By.cssSelector(".att-row[data-account='" + account + "']"));
  }

  private static WebElement student(ChromeDriver d, String account) {
    return d.findElement(By.cssSelector("#students > li[data-account='" + account + "']"));
  }

  private static WebElement course(WebElement student) {
    return student.findElement(By.cssSelector("li[data-course='K00004']"));
  }

  /** A thumb's tap: the row scrolled to the middle of the screen first, as a person would. */
  private static void tap(ChromeDriver d, WebElement e) {
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
    e.click();
  }

  /** DevTools' network emulation: offline, or back to normal. */
  private static void network(ChromeDriver d, boolean offline) {
    d.executeCdpCommand("Network.enable", Map.of());
    d.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  private static void change(ChromeDriver d, String id) {
    d.executeScript(
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        d.findElement(By.id(id)));
  }

  /** Picks a period once the selects (re-rendered with the day) offer it. */
  private static void select(ChromeDriver d, WebDriverWait w, String id, String value) {
    w.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            x -> {
              new Select(d.findElement(By.id(id))).selectByValue(value);
              return value.equals(d.findElement(By.id(id)).getAttribute("value"));
            });
  }

  private static void awaitOutbox(String key, String status) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String now = null;
    while (System.nanoTime() < until) {
      now = query("SELECT status FROM wecom_outbox WHERE message_key = ?", key);
      if (status.equals(now)) {
        return;
      }
      Thread.sleep(250);
    }
    assertThat(now).as("status of outbox message " + key).isEqualTo(status);
  }
}
