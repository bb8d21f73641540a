package cn.edu.ntvu.workbench.attendance.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.CasWebSession;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 点名 on a phone in WeCom (360×640), against the demo timetable at the school clock (Wednesday
 * 2026-11-25): 袁洋 (10754) teaches 形势与政策 to 机械制造241班 (2401000) on Mondays, periods 1–2. On Monday
 * 2026-11-23 韩芬秀 is on approved sick leave (made here in SQL, as an approver would leave it); 夏佳建
 * is marked absent while the phone is offline, and the mark arrives once when it is back.
 */
class RollCallIT {
  @RegisterExtension static Browser browser = Browser.weCom().windowSize(360, 640);

  private static final String TEACHER = "10754";
  private static final String ON_LEAVE = "20240100038";
  private static final String ABSENT = "20240100040";
  private static final String DATE = "2026-11-23";
  private static final String TOKEN = "rollcall-it-leave";

  private static String app;
  private static String meeting;
  private static String rollPath;

  @BeforeAll
  static void setUp() throws Exception {
    app = TestServers.appUrl();
    meeting =
        query(
            "SELECT CONCAT('term=', t.code, '&src=', m.source, '&no=', m.meeting_no)"
                + " FROM course_meeting m JOIN term t ON t.id = m.term_id"
                + " WHERE m.course_code = 'K00002' AND m.weekday = 1 ORDER BY t.id DESC LIMIT 1");
    assertThat(meeting).as("形势与政策 on Mondays in the demo timetable").isNotNull();
    rollPath = "/attendance/roll.xhtml?" + meeting + "&date=" + DATE;
    cleanUp();
    exec(
        "INSERT INTO leave_request (student_account, student_name, class_code, type_code, starts_at,"
            + " ends_at, duration_minutes, duration_days, reason, off_campus, status, current_step,"
            + " step_count, submit_token, submitted_at, closed_at)"
            + " VALUES (?, '韩芬秀', '2401000', 'SICK', '2026-11-23 08:00:00', '2026-11-23 12:00:00',"
            + " 240, 0.5, '发烧', FALSE, 'APPROVED', 1, 1, ?, '2026-11-22 20:00:00',"
            + " '2026-11-22 21:00:00')",
        ON_LEAVE,
        TOKEN);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    exec("DELETE FROM leave_request WHERE submit_token = ?", TOKEN);
    exec(
        "DELETE FROM wecom_outbox WHERE message_key LIKE ?", "attendance:alert:%:K00002:" + ABSENT);
    for (String t :
        List.of("attendance_mark", "attendance_change", "attendance_batch", "attendance_session")) {
      exec("DELETE FROM " + t + " WHERE meeting_date = ?", DATE);
    }
  }

  private static long marks(String student, String mark) throws Exception {
    return count(
        "SELECT COUNT(*) FROM attendance_mark WHERE meeting_date = ? AND student_account = ?"
            + " AND mark = ?",
        DATE,
        student,
        mark);
  }

  private static long changes(String student, String mark) throws Exception {
    return count(
        "SELECT COUNT(*) FROM attendance_change WHERE meeting_date = ? AND student_account = ?"
            + " AND mark = ?",
        DATE,
        student,
        mark);
  }

  private static void network(ChromeDriver d, boolean offline) {
    d.executeCdpCommand("Network.enable", Map.of());
    d.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  /** A thumb's tap: the row scrolled to the middle of the screen first, as a person would. */
  private static void tap(ChromeDriver d, WebElement e) {
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
    e.click();
  }

  private static WebElement row(ChromeDriver d, String account) {
    return d.findElement(By.cssSelector(".att-row[data-account='" + account + "']"));
  }

  private static long alerts() throws Exception {
    return count(
        "SELECT COUNT(*) FROM wecom_outbox WHERE message_key LIKE ? AND to_users LIKE ?",
        "attendance:alert:%:K00002:" + ABSENT,
        "%10001%");
  }

  private static long audited() throws Exception {
    return count(
        "SELECT COUNT(*) FROM audit_entry WHERE action = 'ATTENDANCE_MARK' AND object_id LIKE ?",
        "%/" + DATE + "/" + ABSENT);
  }

  @Test
  void aTeacherTakesRollCallWithAnExcusedStudentAndAMarkMadeOffline() throws Exception {
    long auditedBefore = audited();
    ChromeDriver d = browser.driver();
    d.manage().deleteAllCookies();
    d.manage().window().setSize(new Dimension(360, 640));
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    d.get(app + "/timetable/index.xhtml?date=" + DATE);
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    d.findElement(By.id("account")).sendKeys(TEACHER);
    d.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("classes")));

    // From 今天 (the Monday): the class's 点名 link opens the roster of that occurrence.
    WebElement link = d.findElement(By.cssSelector("a.tt-roll-link"));
    assertThat(link.getAttribute("href")).contains("date=" + DATE);
    assertThat(link.getSize().getHeight()).isGreaterThanOrEqualTo(44);
    link.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("roster")));
    assertThat(d.findElement(By.id("roll-title")).getText()).isEqualTo("形势与政策");
    assertThat(d.findElement(By.id("roll-subtitle")).getText()).contains("第1–2节");

    // 韩芬秀 is already 请假 (病假); everyone else 出勤.
    WebElement excused = row(d, ON_LEAVE);
    assertThat(excused.getAttribute("data-mark")).isEqualTo("EXCUSED");
    assertThat(excused.getText()).contains("韩芬秀").contains("请假").contains("病假");
    // under the 请假 row, its own ≥ 44 px link to the request that excuses it
    WebElement leaveLink =
        d.findElement(By.cssSelector("a.att-leave-link[data-leave='" + leaveId() + "']"));
    assertThat(leaveLink.getAttribute("href")).endsWith("/leave/request.xhtml?id=" + leaveId());
    assertThat(leaveLink.getText()).contains("病假");
    assertThat(leaveLink.getSize().getHeight()).isGreaterThanOrEqualTo(44);
    assertThat(row(d, ABSENT).getAttribute("data-mark")).isEqualTo("PRESENT");
    assertThat(row(d, ABSENT).getSize().getHeight()).isGreaterThanOrEqualTo(44);
    assertThat(d.findElements(By.cssSelector(".att-row"))).hasSizeGreaterThan(10);
    Object fits =
        d.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
    assertThat(fits).as("no sideways scrolling at 360 px").isEqualTo(true);
    browser.screenshot("attendance-roll-360");

    // The network drops: one tap marks 夏佳建 缺勤, 提交考勤 keeps it in the page.
    network(d, true);
    tap(d, row(d, ABSENT));
    assertThat(row(d, ABSENT).getAttribute("data-mark")).isEqualTo("ABSENT");
    assertThat(row(d, ABSENT).getText()).contains("缺勤");
    d.findElement(By.cssSelector("input.att-submit")).click();
    wait.until(x -> x.findElement(By.id("roll-status")).getText().contains("网络已断开"));
    browser.screenshot("attendance-roll-offline");
    assertThat(marks(ABSENT, "ABSENT")).isZero();
    Object kept =
        d.executeScript(
            "return localStorage.getItem('wb-roll:' + document.getElementById('roll')"
                + ".getAttribute('data-key'))");
    assertThat(String.valueOf(kept)).contains(ABSENT).contains("ABSENT").contains("batch");

    // Back online: the page sends it by itself, once.
    network(d, false);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("roll-saved")));
    assertThat(d.findElement(By.id("roll-saved")).getText()).contains("考勤已保存");
    browser.screenshot("attendance-roll-saved");
    assertThat(marks(ABSENT, "ABSENT")).isEqualTo(1);
    assertThat(changes(ABSENT, "ABSENT")).isEqualTo(1);
    assertThat(marks(ON_LEAVE, "EXCUSED")).isEqualTo(1);
    assertThat(
            query(
                "SELECT leave_request_id FROM attendance_mark WHERE meeting_date = ?"
                    + " AND student_account = ?",
                DATE,
                ON_LEAVE))
        .isEqualTo(query("SELECT id FROM leave_request WHERE submit_token = ?", TOKEN));
    long roster = d.findElements(By.cssSelector(".att-row")).size();
    assertThat(count("SELECT COUNT(*) FROM attendance_mark WHERE meeting_date = ?", DATE))
        .isEqualTo(roster);
    assertThat(row(d, ABSENT).getAttribute("data-mark")).isEqualTo("ABSENT");
    assertThat(
            d.executeScript(
                "return localStorage.getItem('wb-roll:' + document.getElementById('roll')"
                    + ".getAttribute('data-key'))"))
        .isNull();
    assertThat(audited()).as("the change 出勤 → 缺勤 audited once").isEqualTo(auditedBefore + 1);
    // 缺勤 on the only roll call of 形势与政策 this term (2 of 2 periods, past 1/3): his counsellor
    // 毛敏 (10001) is told once through the outbox
    assertThat(alerts()).as("the counsellor's alert, queued by the submit").isEqualTo(1);

    // The same batch posted twice (a retry after a lost answer) is stored once.
    List<?> twice = post(d, ABSENT + ":LATE:" + System.currentTimeMillis(), "retry-batch-0001", 2);
    assertThat(twice).hasSize(2);
    assertThat(String.valueOf(twice.get(0))).contains("考勤已保存");
    assertThat(String.valueOf(twice.get(1))).contains("考勤已保存");
    assertThat(changes(ABSENT, "LATE")).isEqualTo(1);
    assertThat(alerts()).as("still one alert").isEqualTo(1);
    assertThat(marks(ABSENT, "LATE")).isEqualTo(1);

    // A mark for a student not in the class is refused, nothing saved.
    List<?> stranger = post(d, "20250100041:ABSENT:", "stranger-batch-01", 1);
    assertThat(String.valueOf(stranger.get(0))).contains("不在本次课的名单中");
    assertThat(changes("20250100041", "ABSENT")).isZero();

    // A stale page: someone else changed marks after it loaded — it says whose, and keeps ours.
    List<?> stale = postSeen(d, ON_LEAVE + ":PRESENT:" + System.currentTimeMillis(), "0");
    assertThat(String.valueOf(stale.get(0))).contains("他人修改了").contains("夏佳建");
    assertThat(marks(ON_LEAVE, "PRESENT")).isEqualTo(1);

    // A day the meeting does not take place (Tuesday): a clear message, no roster.
    d.get(app + "/attendance/roll.xhtml?" + meeting + "&date=2026-11-24");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
    assertThat(d.findElement(By.id("problem")).getText()).contains("2026-11-24").contains("没有上课");
    assertThat(d.findElements(By.id("roster"))).isEmpty();
  }

  /**
   * Posts the page's form {@code times} times from the page itself, with these marks and batch; the
   * texts of #roll-saved / #roll-error of the answers.
   */
  private static List<?> post(ChromeDriver d, String marks, String batch, int times) {
    return (List<?>)
        d.executeAsyncScript(
            "var done = arguments[arguments.length - 1], marks = arguments[0], batch = arguments[1],"
                + " n = arguments[2], out = [];"
                + "function once() {"
                + "  var f = document.getElementById('rollForm');"
                + "  var data = new FormData(f); data.set('marks', marks); data.set('batch', batch);"
                + "  var b = f.querySelector('input[type=submit]'); data.append(b.name, b.value);"
                + "  return fetch(f.action, {method: 'POST', body: data}).then(r => r.text()).then(h => {"
                + "    var doc = new DOMParser().parseFromString(h, 'text/html');"
                + "    var m = doc.getElementById('roll-saved') || doc.getElementById('roll-error');"
                + "    var p = doc.getElementById('problem');"
                + "    out.push(m ? m.textContent : (p ? p.textContent : h.slice(0, 2000)));"
                // the next post carries this answer's view state and nonce, as the page does
                + "    var vs = doc.querySelector('input[name=\"jakarta.faces.ViewState\"]');"
                + "    if (vs) { f.querySelector('input[name=\"jakarta.faces.ViewState\"]').value = vs.value; }"
                + "    var sc = doc.querySelector('script[nonce]'), nf = f.querySelector('input[name=\"primefaces.nonce\"]');"
                + "    if (sc && nf) { nf.value = sc.getAttribute('nonce'); }"
                + "  });"
                + "}"
                + "var p = Promise.resolve(); for (var i = 0; i < n; i++) { p = p.then(once); }"
                + "p.then(() => done(out), e => done(['failed ' + e]));",
            marks,
            batch,
            times);
  }

  private static List<?> postSeen(ChromeDriver d, String marks, String seen) {
    d.executeScript("document.getElementById('roll-seen').value = arguments[0];", seen);
    return post(d, marks, "stale-batch-" + System.nanoTime(), 1);
  }

  @Test
  void anotherTeacherAndAStudentCannotOpenOrPostTheRollCall() throws Exception {
    long before = count("SELECT COUNT(*) FROM attendance_change WHERE meeting_date = ?", DATE);
    Map<String, String> form = new LinkedHashMap<>();
    String[] parts = meeting.split("&");
    for (String p : parts) {
      String[] kv = p.split("=", 2);
      form.put(kv[0], kv[1]);
    }
    form.put("date", DATE);
    form.put("marks", ABSENT + ":EARLY:");
    form.put("batch", "forged-batch-0001");
    form.put("rollForm", "rollForm");
    form.put("rollForm:submit", "提交考勤");
    form.put("jakarta.faces.ViewState", "-1:-1");

    // 刘敏秀 (10004) teaches no 形势与政策: one sentence, 403, no roster; her post changes nothing.
    WebSession other = CasWebSession.signedIn(app, TestUsers.TEACHER);
    HttpResponse<String> page = other.get(app + rollPath);
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("只有“形势与政策”的任课教师才能为这次课点名。");
    assertThat(page.body()).doesNotContain("id=\"roster\"").doesNotContain(ABSENT);
    HttpResponse<String> forged = other.post(app + "/attendance/roll.xhtml", form);
    assertThat(forged.statusCode()).isNotEqualTo(200);
    assertThat(forged.body()).doesNotContain("考勤已保存");

    // A student: 403 at the door, for the page and the post.
    WebSession student = CasWebSession.signedIn(app, TestUsers.STUDENT);
    assertThat(student.get(app + rollPath).statusCode()).isEqualTo(403);
    HttpResponse<String> studentPost = student.post(app + "/attendance/roll.xhtml", form);
    assertThat(studentPost.statusCode()).isEqualTo(403);

    assertThat(count("SELECT COUNT(*) FROM attendance_change WHERE meeting_date = ?", DATE))
        .isEqualTo(before);
    assertThat(count("SELECT COUNT(*) FROM attendance_batch WHERE batch_id = 'forged-batch-0001'"))
        .isZero();
  }

  @Test
  void aPostWithoutTheSessionsTokenSavesNothing() throws Exception {
    // The page is a stateless view: its view state no longer keeps a post from another site out;
    // the form's session token does. The course teacher's own post without it: 400, a clear
    // sentence, nothing stored.
    WebSession teacher =
        cn.edu.ntvu.workbench.testsupport.WeComStandInScreen.signedIn(app + "/", TEACHER);
    HttpResponse<String> page = teacher.get(app + rollPath);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("name=\"token\"").contains("value=\"stateless\"");
    Map<String, String> form = new LinkedHashMap<>();
    for (String p : meeting.split("&")) {
      String[] kv = p.split("=", 2);
      form.put(kv[0], kv[1]);
    }
    form.put("date", DATE);
    form.put("marks", ABSENT + ":EARLY:");
    form.put("batch", "tokenless-batch-0001");
    form.put("rollForm", "rollForm");
    form.put("rollForm:submit", "提交考勤");
    form.put("jakarta.faces.ViewState", "stateless");
    form.put("primefaces.nonce", java.util.Objects.toString(WebSession.nonceOf(page), ""));
    long before = count("SELECT COUNT(*) FROM attendance_change WHERE meeting_date = ?", DATE);
    HttpResponse<String> forged = teacher.post(app + "/attendance/roll.xhtml", form);
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("页面已过期").doesNotContain("考勤已保存");
    assertThat(count("SELECT COUNT(*) FROM attendance_change WHERE meeting_date = ?", DATE))
        .isEqualTo(before);
    assertThat(
            count("SELECT COUNT(*) FROM attendance_batch WHERE batch_id = 'tokenless-batch-0001'"))
        .isZero();
  }

  private static String leaveId() throws Exception {
    return query("SELECT id FROM leave_request WHERE submit_token = ?", TOKEN);
  }

  @Test
  void theCourseTeacherReadsTheExcusingRequestAndAnUnrelatedTeacherIsRefused() throws Exception {
    String id = leaveId();
    String requestPath = "/leave/request.xhtml?id=" + id;
    // 袁洋 teaches the 形势与政策 the leave misses: the roster links the request, he reads it,
    // with no action of an approver, a student or a counsellor, and no attachment
    WebSession teacher =
        cn.edu.ntvu.workbench.testsupport.WeComStandInScreen.signedIn(app + "/", TEACHER);
    assertThat(teacher.get(app + rollPath).body()).contains(requestPath);
    HttpResponse<String> request = teacher.get(app + requestPath);
    assertThat(request.statusCode()).isEqualTo(200);
    assertThat(request.body())
        .contains("韩芬秀")
        .contains("病假")
        .doesNotContain("id=\"approve\"")
        .doesNotContain("id=\"reject\"")
        .doesNotContain("id=\"withdraw\"")
        .doesNotContain("id=\"confirm-return\"");

    // 刘敏秀 (10004) teaches none of the classes it misses: 403, nothing of the request
    WebSession other = CasWebSession.signedIn(app, TestUsers.TEACHER);
    HttpResponse<String> refused = other.get(app + requestPath);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("韩芬秀").doesNotContain("发烧");
    // her forged post of an action on it changes nothing
    Map<String, String> form = new LinkedHashMap<>();
    form.put("id", id);
    form.put("actions", "actions");
    form.put("actions:withdraw", "撤回");
    form.put("jakarta.faces.ViewState", "-1:-1");
    long events = count("SELECT COUNT(*) FROM leave_event WHERE request_id = ?", id);
    HttpResponse<String> forged = other.post(app + requestPath, form);
    assertThat(forged.body()).doesNotContain("韩芬秀");
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("APPROVED");
    assertThat(count("SELECT COUNT(*) FROM leave_event WHERE request_id = ?", id))
        .isEqualTo(events);
  }
}
