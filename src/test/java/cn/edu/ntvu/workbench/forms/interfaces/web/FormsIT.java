package cn.edu.ntvu.workbench.forms.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.db;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.StandIn;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 收集表 end to end on the packaged WAR (school clock Wed 2026-11-25 10:20). In Chromium at 390×844
 * with WeCom's user agent the counsellor 毛敏 builds a form for the students of her class (40, demo
 * class 2401000), previews and publishes it (a textcard to the 40 in the outbox), a student fills
 * it (per-question messages, full-width digits, a script tag kept as text), the counsellor sees
 * 1/40 and reminds the other 39 (exactly them, once an hour). Over HTTP: one response per person, a
 * double tap, a non-member's post, the deadline, anonymity and the exports.
 */
class FormsIT {
  @RegisterExtension static Browser teacher = Browser.weCom();
  @RegisterExtension static Browser student = Browser.weCom();

  private static final String COUNSELLOR = TestUsers.COUNSELLOR.account();
  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  // ---- the browser flow

  @Test
  void aTeacherBuildsAndPublishesAStudentFillsTheTeacherSeesOneOfFortyAndRemindsTheRest()
      throws Exception {
    ChromeDriver t = signIn(teacher, "/forms/", COUNSELLOR);
    WebDriverWait tw = waiting(t);
    t.findElement(By.id("new-form")).click();
    tw.until(ExpectedConditions.urlContains("/forms/edit.xhtml"));
    long id = Long.parseLong(WeComStandInScreen.query(URI.create(t.getCurrentUrl())).get("id"));

    WebElement title = t.findElement(By.id("title"));
    title.clear();
    title.sendKeys("体检信息收集");
    t.findElement(By.id("description")).sendKeys("请在周五前填写。");
    setValue(t, "deadline", "2026-12-31T18:00");
    click(t, "save-settings");
    tw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已保存"));

    addQuestion(
        t, "NUMBER", "身高（厘米）", true, Map.of("q-min", "100", "q-max", "250", "q-decimals", "1"));
    addQuestion(t, "SINGLE", "是否住校", true, Map.of("q-options", "住校\n走读"));
    addQuestion(t, "TEXT", "备注", false, Map.of());
    // A question without a title is refused with a message, nothing added.
    new Select(t.findElement(By.id("new-type"))).selectByValue("MULTIPLE");
    click(t, "add-question");
    tw.until(ExpectedConditions.presenceOfElementLocated(By.id("question-editor")));
    click(t, "save-question");
    tw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problems"), "请填写题目"));
    click(t, "cancel-question");
    // Each button posts the page: wait for the next page before touching it, or a click lands on
    // the old one.
    tw.until(ExpectedConditions.invisibilityOfElementLocated(By.id("question-editor")));
    // Reorder: 备注 one place up, then back down.
    upOf(t, 3).click();
    tw.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".fm-qline[data-question='2']"), "备注"));
    t.findElement(By.cssSelector(".fm-qline[data-question='2'] .q-down")).click();
    tw.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".fm-qline[data-question='3']"), "备注"));

    new Select(t.findElement(By.id("audience-kind"))).selectByValue("MY_CLASSES");
    click(t, "add-audience");
    tw.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".audience-line")));
    assertThat(t.findElement(By.id("audience-list")).getText()).contains("我带的班级的学生");
    teacher.screenshot("forms-builder");

    t.findElement(By.id("preview")).click();
    tw.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-note")));
    assertThat(t.findElement(By.id("q-1")).getText()).contains("身高（厘米）");
    teacher.screenshot("forms-preview");
    t.findElement(By.id("back-to-builder")).click();
    tw.until(ExpectedConditions.presenceOfElementLocated(By.id("publish")));
    t.executeScript("window.confirm = function () { return true; };");
    // The demo class has 40 students; other tests of the run (directory imports) may have added
    // some.
    int asked =
        (int)
            count(
                "SELECT COUNT(*) FROM person p JOIN school_class c ON c.id = p.class_id"
                    + " WHERE c.code = '2401000' AND p.kind = 'STUDENT' AND p.status = 'ACTIVE'");
    assertThat(asked).isGreaterThanOrEqualTo(40);
    click(t, "publish");
    tw.until(ExpectedConditions.urlContains("/forms/results.xhtml"));
    assertThat(t.findElement(By.id("filled-count")).getText()).isEqualTo("0/" + asked);

    // The textcard to the students of class 2401000, queued with the publish.
    String to = outbox("to_users", "forms:" + id + ":published:0");
    assertThat(to.split("\\|")).hasSize(asked).contains(TestUsers.STUDENT.account());
    assertThat(outbox("body", "forms:" + id + ":published:0"))
        .contains("\"msgtype\":\"textcard\"", "体检信息收集", "/forms/fill.xhtml?id=" + id);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_entry WHERE object_type = 'form' AND object_id = ?",
                String.valueOf(id)))
        .isGreaterThanOrEqualTo(8);

    // The student's workbench tile shows 待填写 (the badge counts every open form waiting for them).
    ChromeDriver s = signIn(student, "/", TestUsers.STUDENT.account());
    WebDriverWait sw = waiting(s);
    long waiting =
        count(
            "SELECT COUNT(*) FROM form_recipient r JOIN form f ON f.id = r.form_id WHERE r.account = ?"
                + " AND r.filled = FALSE AND f.status = 'PUBLISHED'",
            TestUsers.STUDENT.account());
    sw.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.wb-tile[data-tile='收集表']")));
    assertThat(s.findElement(By.cssSelector("a.wb-tile[data-tile='收集表'] .wb-tile-badge")).getText())
        .isEqualTo(String.valueOf(waiting));
    s.get(app + "/forms/");
    assertThat(s.findElement(By.cssSelector(".fm-row[data-id='" + id + "']")).getText())
        .contains("待填写");
    student.screenshot("forms-home-student");

    // The student fills it: a bad number is answered beside the question, then full-width digits
    // are taken.
    s.get(app + "/forms/fill.xhtml?id=" + id);
    sw.until(ExpectedConditions.presenceOfElementLocated(By.id("submit")));
    s.findElement(By.cssSelector("input[data-q='1']")).sendKeys("９９");
    s.findElement(By.cssSelector("input[data-q='3']")).sendKeys("<script>alert(1)</script>");
    click(s, "submit");
    sw.until(ExpectedConditions.presenceOfElementLocated(By.id("error-1")));
    assertThat(s.findElement(By.id("error-1")).getText()).isEqualTo("请填写 100 到 250 之间的数。");
    assertThat(s.findElement(By.id("error-2")).getText()).isEqualTo("此题必填。");
    student.screenshot("forms-fill-errors");
    WebElement height = s.findElement(By.cssSelector("input[data-q='1']"));
    height.clear();
    height.sendKeys("１７５．５");
    s.findElement(By.cssSelector("[data-q='2'] input[type=radio]")).click();
    click(s, "submit");
    sw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已提交"));
    assertThat(s.findElement(By.cssSelector(".answer-1")).getText()).isEqualTo("175.5");
    assertThat(s.findElement(By.cssSelector(".answer-2")).getText()).isEqualTo("住校");
    assertThat(s.findElement(By.cssSelector(".answer-3")).getText())
        .isEqualTo("<script>alert(1)</script>");
    student.screenshot("forms-fill-done");
    // Back on the workbench at once, the badge counts one form fewer: the submit forgot the numbers
    // kept for
    // the home page (workbench.badge-cache-seconds), which was opened above moments ago.
    s.get(app + "/");
    sw.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.wb-tile[data-tile='收集表']")));
    List<WebElement> formsBadge =
        s.findElements(By.cssSelector("a.wb-tile[data-tile='收集表'] .wb-tile-badge"));
    if (waiting == 1) {
      assertThat(formsBadge).isEmpty();
    } else {
      assertThat(formsBadge.get(0).getText()).isEqualTo(String.valueOf(waiting - 1));
    }

    // The teacher sees 1/40 with the statistics, and reminds the other 39.
    t.navigate().refresh();
    tw.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("filled-count"), "1/" + asked));
    assertThat(t.findElement(By.cssSelector(".stat[data-question='1'] .stat-avg")).getText())
        .isEqualTo("175.5");
    assertThat(t.findElement(By.cssSelector(".stat[data-question='2']")).getText())
        .contains("住校", "1 · 100%");
    assertThat(t.findElement(By.id("answers")).getText())
        .contains("田芬", "<script>alert(1)</script>");
    assertThat(t.findElement(By.id("missing")).getText()).doesNotContain("田芬").contains("潘浩");
    assertThat(t.findElement(By.id("remind")).getAttribute("value"))
        .isEqualTo("提醒未填写的 " + (asked - 1) + " 人");
    teacher.screenshot("forms-results");
    t.executeScript("window.confirm = function () { return true; };");
    click(t, "remind");
    tw.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("messages"), "已提醒 " + (asked - 1) + " 人"));
    String remindKey =
        query(
            "SELECT message_key FROM wecom_outbox WHERE topic = ? AND message_key LIKE ?",
            "forms:" + id,
            "forms:" + id + ":remind:%");
    List<String> reminded = List.of(outbox("to_users", remindKey).split("\\|"));
    assertThat(reminded)
        .hasSize(asked - 1)
        .doesNotContain(TestUsers.STUDENT.account())
        .contains("20240100002");
    // Once an hour: the button gives way to the time of the next reminder (the service refuses a
    // second one within the hour whatever is posted: FormsInContainer).
    assertThat(t.findElements(By.id("remind"))).isEmpty();
    assertThat(t.findElement(By.id("remind-later")).getText()).contains("以后可以再提醒");
    t.get(app + "/forms/results.xhtml?id=" + id);
    tw.until(ExpectedConditions.presenceOfElementLocated(By.id("remind-later")));
    assertThat(t.findElements(By.id("remind"))).isEmpty();
    assertThat(
            count(
                "SELECT COUNT(*) FROM wecom_outbox WHERE message_key LIKE ?",
                "forms:" + id + ":remind:%"))
        .isEqualTo(1);
    teacher.screenshot("forms-results-reminded");

    assertThat(count("SELECT COUNT(*) FROM form_recipient WHERE form_id = ? AND filled = TRUE", id))
        .isEqualTo(1);
    s.get(app + "/forms/");
    assertThat(s.findElement(By.cssSelector(".fm-row[data-id='" + id + "']")).getText())
        .contains("已填写");

    // The outbox worker delivered both cards to the WeCom stand-in: the reminder reached a student
    // who had not
    // filled, and not the one who had.
    StandIn wecom = TestServers.standIn();
    long deadline = System.currentTimeMillis() + 60_000;
    while (received(wecom, "20240100002", "提醒：体检信息收集") == 0
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
    }
    assertThat(received(wecom, "20240100002", "提醒：体检信息收集")).isEqualTo(1);
    assertThat(received(wecom, TestUsers.STUDENT.account(), "提醒：体检信息收集")).isZero();
    assertThat(received(wecom, TestUsers.STUDENT.account(), "请填写：体检信息收集")).isEqualTo(1);
  }

  /** How many messages the WeCom stand-in received for {@code touser} that say {@code text}. */
  private static long received(StandIn wecom, String touser, String text) {
    return wecom.messagesTo(touser).stream().filter(m -> m.body().contains(text)).count();
  }

  @Test
  void aChoiceThatIsNotAnOptionIsRefusedBesideTheQuestion() throws Exception {
    long id = publishedForm("选项", false, "2026-12-31 18:00:00", "20240100028");
    exec(
        "UPDATE form_question SET type = 'SINGLE', required = TRUE,"
            + " options = '[{\"id\":\"o1\",\"label\":\"是\"},{\"id\":\"o2\",\"label\":\"否\"}]' WHERE form_id = ?",
        id);
    long question = count("SELECT id FROM form_question WHERE form_id = ?", id);
    WebSession a = WeComStandInScreen.signedIn(app + "/forms/fill.xhtml?id=" + id, "20240100028");
    HttpResponse<String> page = a.get(app + "/forms/fill.xhtml?id=" + id);
    assertThat(page.body()).contains("name=\"c" + question + "\" value=\"o1\"");
    Map<String, String> post = new LinkedHashMap<>();
    post.put("fill", "fill");
    post.put("c" + question, "o9");
    Matcher token =
        Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(page.body());
    assertThat(token.find()).isTrue();
    post.put("token", token.group(1));
    post.put("submit", "提交");
    post.put("jakarta.faces.ViewState", viewState(page));
    HttpResponse<String> forged = a.post(app + "/forms/fill.xhtml?id=" + id, post);
    assertThat(forged.statusCode()).isEqualTo(200);
    assertThat(forged.body()).contains("id=\"error-1\">所选的选项不存在，请重新选择。");
    post.put("c" + question, "o2");
    assertThat(a.post(app + "/forms/fill.xhtml?id=" + id, post).statusCode()).isEqualTo(302);
    assertThat(
            query(
                "SELECT a.choice_ids FROM form_answer a JOIN form_response r ON r.id = a.response_id"
                    + " WHERE r.form_id = ?",
                id))
        .isEqualTo("o2");
  }

  // ---- uploads

  @Test
  void aFileQuestionTakesAPhotoByContentRefusesARenamedExecutableAndServesItToOwnersOnly()
      throws Exception {
    long id = publishedForm("交照片", false, "2026-12-31 18:00:00", "20240100025", "20240100026");
    exec(
        "UPDATE form_question SET type = 'FILE', title = '一寸照片', required = TRUE, max_kilobytes = 1024"
            + " WHERE form_id = ?",
        id);
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("forms-it");
    java.nio.file.Path exe = dir.resolve("照片.jpg");
    java.nio.file.Files.write(exe, new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0});
    java.nio.file.Path photo = dir.resolve("照片.png");
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(300, 400, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png",
        photo.toFile());

    ChromeDriver s = signIn(student, "/forms/fill.xhtml?id=" + id, "20240100025");
    WebDriverWait sw = Browser.waitFor(s, Duration.ofSeconds(30));
    s.findElement(By.cssSelector("input[type=file][data-q='1']")).sendKeys(exe.toString());
    click(s, "submit");
    sw.until(ExpectedConditions.presenceOfElementLocated(By.id("error-1")));
    assertThat(s.findElement(By.id("error-1")).getText()).contains("不是照片");
    assertThat(count("SELECT COUNT(*) FROM form_file WHERE form_id = ?", id)).isZero();
    // A decompression bomb (30000×30000 in under 1 MB) is refused from its header, beside the
    // question.
    java.nio.file.Path bomb =
        java.nio.file.Files.write(
            dir.resolve("大图.png"), cn.edu.ntvu.workbench.platform.files.ImageBombs.png30000());
    s.findElement(By.cssSelector("input[type=file][data-q='1']")).sendKeys(bomb.toString());
    click(s, "submit");
    sw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-1"), "30000×30000"));
    assertThat(count("SELECT COUNT(*) FROM form_file WHERE form_id = ?", id)).isZero();
    s.findElement(By.cssSelector("input[type=file][data-q='1']")).sendKeys(photo.toString());
    click(s, "submit");
    sw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已提交"));
    student.screenshot("forms-fill-file");
    long file =
        count(
            "SELECT a.file_id FROM form_answer a JOIN form_response r ON r.id = a.response_id"
                + " WHERE r.form_id = ?",
            id);
    assertThat(query("SELECT content_type FROM form_file WHERE id = ?", file))
        .isEqualTo("image/png");

    WebSession owner = WeComStandInScreen.signedIn(app + "/forms/", COUNSELLOR);
    HttpResponse<String> got = owner.get(app + "/forms/file?id=" + file);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
    assertThat(got.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline;");
    assertThat(got.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
    assertThat(got.headers().firstValue("Content-Security-Policy").orElse("")).contains("sandbox");
    assertThat(owner.get(app + "/forms/export.csv?id=" + id).body())
        .contains("/forms/file?id=" + file);
    WebSession classmate = WeComStandInScreen.signedIn(app + "/forms/", "20240100026");
    assertThat(classmate.get(app + "/forms/file?id=" + file).statusCode()).isEqualTo(403);
    assertThat(classmate.get(app + "/forms/file?id=99999999").statusCode()).isEqualTo(404);
  }

  // ---- lifecycle and co-owners

  @Test
  void ownersCloseArchiveAndCopyACoOwnerSeesTheResultsAndTheDeadlineClosesAFormByItself()
      throws Exception {
    long expiring = publishedForm("到期自动结束", false, "2026-11-25 09:00:00", "20240100027");
    long id = publishedForm("生命周期", false, "2026-12-31 18:00:00", "20240100027");
    WebSession owner = WeComStandInScreen.signedIn(app + "/forms/", COUNSELLOR);
    String edit = app + "/forms/edit.xhtml?id=" + id;
    HttpResponse<String> page = owner.get(edit);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(
            postButton(
                    owner, page, "edit", "save-co-owners", Map.of("co-owners", "10002 nobody-here"))
                .body())
        .contains("找不到学号/工号“nobody-here”的在校人员");
    assertThat(
            postButton(
                    owner, owner.get(edit), "edit", "save-co-owners", Map.of("co-owners", "10002"))
                .body())
        .contains("已保存");
    WebSession co = WeComStandInScreen.signedIn(app + "/forms/", "10002");
    assertThat(co.get(app + "/forms/results.xhtml?id=" + id).statusCode()).isEqualTo(200);
    WebSession other = WeComStandInScreen.signedIn(app + "/forms/", "10003");
    assertThat(other.get(app + "/forms/results.xhtml?id=" + id).statusCode()).isEqualTo(403);
    assertThat(other.get(edit).body()).contains("只有这张收集表的发起人和共同负责人");

    // While it collects, the deadline (and only it) may move: a past time is refused with a
    // sentence, a later one kept.
    HttpResponse<String> past =
        postButton(
            owner,
            owner.get(edit),
            "edit",
            "save-deadline",
            Map.of("deadline", "2026-11-20T18:00"));
    assertThat(past.body()).contains("截止时间已经过了");
    assertThat(query("SELECT deadline FROM form WHERE id = ?", id)).startsWith("2026-12-31 18:00");
    HttpResponse<String> later =
        postButton(
            owner,
            owner.get(edit),
            "edit",
            "save-deadline",
            Map.of("deadline", "2027-01-08T12:00"));
    assertThat(later.body()).contains("截止时间已更新");
    assertThat(query("SELECT deadline FROM form WHERE id = ?", id)).startsWith("2027-01-08 12:00");

    assertThat(postButton(co, co.get(edit), "edit", "close", Map.of()).body()).contains("已结束收集");
    assertThat(query("SELECT status FROM form WHERE id = ?", id)).isEqualTo("CLOSED");
    assertThat(postButton(owner, owner.get(edit), "edit", "archive", Map.of()).body())
        .contains("已归档");
    assertThat(query("SELECT status FROM form WHERE id = ?", id)).isEqualTo("ARCHIVED");
    HttpResponse<String> copied = postButtonNoFollow(owner, owner.get(edit), "edit", "copy");
    assertThat(copied.statusCode()).isEqualTo(302);
    long copy =
        Long.parseLong(WeComStandInScreen.query(URI.create(WebSession.location(copied))).get("id"));
    assertThat(
            query(
                "SELECT CONCAT(status, '|', title, '|', COALESCE(deadline, '-')) FROM form WHERE id = ?",
                copy))
        .isEqualTo("DRAFT|生命周期（副本）|-");
    assertThat(count("SELECT COUNT(*) FROM form_question WHERE form_id = ?", copy)).isEqualTo(1);
    assertThat(
            query(
                "SELECT GROUP_CONCAT(action ORDER BY id) FROM audit_entry WHERE object_type = 'form'"
                    + " AND object_id = ?",
                String.valueOf(id)))
        .isEqualTo("FORM_CO_OWNERS,FORM_DEADLINE,FORM_CLOSE,FORM_ARCHIVE");
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'FORM_COPY' AND object_id = ?",
                String.valueOf(copy)))
        .isEqualTo(1);

    // The closing job (every minute, once across servers) closed the form whose deadline passed.
    long until = System.currentTimeMillis() + 75_000;
    while (!"CLOSED".equals(query("SELECT status FROM form WHERE id = ?", expiring))
        && System.currentTimeMillis() < until) {
      Thread.sleep(1000);
    }
    assertThat(query("SELECT CONCAT(status, '|', closed_by) FROM form WHERE id = ?", expiring))
        .isEqualTo("CLOSED|DEADLINE");
  }

  // ---- rules over HTTP, on forms made directly in the database

  @Test
  void oneResponsePerPersonADoubleTapANonMemberAndTheDeadline() throws Exception {
    long id = publishedForm("一人一次", false, "2026-12-31 18:00:00", "20240100021", "20240100022");
    WebSession a = WeComStandInScreen.signedIn(app + "/forms/fill.xhtml?id=" + id, "20240100021");
    // Two tabs open before the first submit.
    HttpResponse<String> tab1 = a.get(app + "/forms/fill.xhtml?id=" + id);
    HttpResponse<String> tab2 = a.get(app + "/forms/fill.xhtml?id=" + id);
    Map<String, String> answer = answer(tab1, "第一次");
    HttpResponse<String> first = a.post(app + "/forms/fill.xhtml?id=" + id, answer);
    assertThat(first.statusCode()).isEqualTo(302);
    // The same post again (a double tap, a retry): the same response, no second one.
    HttpResponse<String> retry = a.post(app + "/forms/fill.xhtml?id=" + id, answer);
    assertThat(WebSession.location(retry)).contains("again=1");
    HttpResponse<String> second = a.post(app + "/forms/fill.xhtml?id=" + id, answer(tab2, "第二次"));
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("你已经填过这张收集表了");
    assertThat(count("SELECT COUNT(*) FROM form_response WHERE form_id = ?", id)).isEqualTo(1);
    assertThat(
            query(
                "SELECT a.text_value FROM form_answer a JOIN form_response r ON r.id = a.response_id"
                    + " WHERE r.form_id = ?",
                id))
        .isEqualTo("第一次");

    // Not in the audience: the page is refused with a sentence, and an owner's preview post stores
    // nothing.
    WebSession outsider = WeComStandInScreen.signedIn(app + "/forms/", "20250100041");
    HttpResponse<String> refused = outsider.get(app + "/forms/fill.xhtml?id=" + id);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("不在这张收集表的填写范围内").doesNotContain("id=\"submit\"");
    assertThat(outsider.get(app + "/forms/results.xhtml?id=" + id).statusCode()).isEqualTo(403);
    assertThat(outsider.get(app + "/forms/export.csv?id=" + id).statusCode()).isEqualTo(403);
    WebSession owner = WeComStandInScreen.signedIn(app + "/forms/", COUNSELLOR);
    HttpResponse<String> preview = owner.get(app + "/forms/fill.xhtml?id=" + id);
    assertThat(preview.body()).contains("id=\"preview-note\"");
    HttpResponse<String> forged =
        owner.post(app + "/forms/fill.xhtml?id=" + id, answer(preview, "伪造"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("你不在这张收集表的填写范围内，不能提交");
    assertThat(count("SELECT COUNT(*) FROM form_response WHERE form_id = ?", id)).isEqualTo(1);

    // After the deadline (the closing job may not have run yet): refused with a sentence.
    WebSession b = WeComStandInScreen.signedIn(app + "/forms/fill.xhtml?id=" + id, "20240100022");
    HttpResponse<String> late = b.get(app + "/forms/fill.xhtml?id=" + id);
    exec("UPDATE form SET deadline = '2026-11-25 08:00:00' WHERE id = ?", id);
    HttpResponse<String> tooLate = b.post(app + "/forms/fill.xhtml?id=" + id, answer(late, "晚了"));
    assertThat(tooLate.statusCode()).isEqualTo(200);
    assertThat(tooLate.body()).contains("已经过了截止时间");
    assertThat(count("SELECT COUNT(*) FROM form_response WHERE form_id = ?", id)).isEqualTo(1);
    // 100,000 characters and a formula go nowhere after the deadline either; the page did not break
    // (no 500).
  }

  @Test
  void anonymousAnswersNameNobodyAndTheExportsNeutraliseFormulas() throws Exception {
    long id = publishedForm("匿名调查", true, "2026-12-31 18:00:00", "20240100023", "20240100024");
    WebSession a = WeComStandInScreen.signedIn(app + "/forms/fill.xhtml?id=" + id, "20240100023");
    HttpResponse<String> page = a.get(app + "/forms/fill.xhtml?id=" + id);
    assertThat(page.body()).contains("id=\"anonymous-note\"");
    // 100,000 characters: a message, nothing stored.
    HttpResponse<String> huge =
        a.post(app + "/forms/fill.xhtml?id=" + id, answer(page, "长".repeat(100_000)));
    assertThat(huge.statusCode()).isEqualTo(200);
    assertThat(huge.body()).contains("最多 200 个字，现在有 100000 个字");
    HttpResponse<String> sent =
        a.post(app + "/forms/fill.xhtml?id=" + id, answer(page, "=cmd|' /C calc'!A0"));
    assertThat(sent.statusCode()).isEqualTo(302);

    // Nothing stored names the student: no account, no name, no time; the key is not the account.
    try (Connection c = db();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT respondent_account, respondent_name, unit_name, submitted_at,"
                    + " respondent_key FROM form_response WHERE form_id = "
                    + id)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isNull();
      assertThat(rs.getString(2)).isNull();
      assertThat(rs.getString(3)).isNull();
      assertThat(rs.getString(4)).isNull();
      assertThat(rs.getString(5)).hasSize(64).doesNotContain("20240100023");
      assertThat(rs.next()).isFalse();
    }
    WebSession owner = WeComStandInScreen.signedIn(app + "/forms/", COUNSELLOR);
    HttpResponse<String> results = owner.get(app + "/forms/results.xhtml?id=" + id);
    assertThat(results.statusCode()).isEqualTo(200);
    assertThat(results.body())
        .contains("1/2", "id=\"missing-hidden\"")
        .doesNotContain("20240100023")
        .doesNotContain("20240100024");
    HttpResponse<String> csv = owner.get(app + "/forms/export.csv?id=" + id);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body())
        .startsWith("\uFEFF序号,1. 备注")
        .contains("'=cmd|' /C calc'!A0")
        .doesNotContain("20240100023")
        .doesNotContain("姓名");
    HttpResponse<String> xlsx = owner.get(app + "/forms/export.xlsx?id=" + id);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    assertThat(xlsx.body()).startsWith("PK");

    // A full-width formula (what a Chinese input method types) is neutralised as well, in both
    // files.
    WebSession other =
        WeComStandInScreen.signedIn(app + "/forms/fill.xhtml?id=" + id, "20240100024");
    HttpResponse<String> otherPage = other.get(app + "/forms/fill.xhtml?id=" + id);
    assertThat(
            other
                .post(app + "/forms/fill.xhtml?id=" + id, answer(otherPage, "＋SUM(1,2)"))
                .statusCode())
        .isEqualTo(302);
    assertThat(owner.get(app + "/forms/export.csv?id=" + id).body())
        .contains("\r\n2,\"'＋SUM(1,2)\"\r\n");
    HttpResponse<byte[]> book = owner.getBytes(app + "/forms/export.xlsx?id=" + id);
    try (var read =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(book.body()))) {
      java.util.Map<String, Boolean> quoted = new java.util.HashMap<>();
      for (org.apache.poi.ss.usermodel.Row r : read.getSheetAt(0)) {
        var cell = r.getCell(r.getLastCellNum() - 1);
        quoted.put(cell.getStringCellValue(), cell.getCellStyle().getQuotePrefixed());
      }
      assertThat(quoted).containsEntry("=cmd|' /C calc'!A0", true).containsEntry("＋SUM(1,2)", true);
    }
  }

  // ---- helpers

  /**
   * A published form of one optional text question asking {@code accounts}, owned by the
   * counsellor.
   */
  private static long publishedForm(
      String title, boolean anonymous, String deadline, String... accounts) throws SQLException {
    try (Connection c = db()) {
      long id;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO form (title, status, owner_account, owner_name,"
                  + " deadline, anonymous, created_at, published_at) VALUES (?, 'PUBLISHED', ?, '毛敏', ?, ?, NOW(3), NOW(3))",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, title);
        ps.setString(2, COUNSELLOR);
        ps.setString(3, deadline);
        ps.setBoolean(4, anonymous);
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO form_question (form_id, position, type, title)"
                  + " VALUES (?, 1, 'TEXT', '备注')")) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
      for (String a : accounts) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO form_recipient (form_id, account, name, unit_name)"
                    + " SELECT ?, account, name, '机械制造241班' FROM person WHERE account = ?")) {
          ps.setLong(1, id);
          ps.setString(2, a);
          ps.executeUpdate();
        }
      }
      return id;
    }
  }

  /**
   * Posts form {@code form}'s button {@code button} from {@code page}, following a redirect back to
   * the page.
   */
  private static HttpResponse<String> postButton(
      WebSession web,
      HttpResponse<String> page,
      String form,
      String button,
      Map<String, String> extra) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put(form, form);
    f.put(button, button);
    f.putAll(extra);
    f.put("jakarta.faces.ViewState", viewState(page));
    HttpResponse<String> r = web.post(page.uri().toString(), f);
    return WebSession.isRedirect(r) ? web.get(WebSession.location(r)) : r;
  }

  private static HttpResponse<String> postButtonNoFollow(
      WebSession web, HttpResponse<String> page, String form, String button) {
    return web.post(
        page.uri().toString(),
        Map.of(form, form, button, button, "jakarta.faces.ViewState", viewState(page)));
  }

  private static String viewState(HttpResponse<String> page) {
    Matcher vs = VIEW_STATE.matcher(page.body());
    assertThat(vs.find()).as("view state in " + page.uri()).isTrue();
    return vs.group(1).replace("&#58;", ":").replace("&amp;", "&");
  }

  /** The filling form's post with {@code text} for its one text question. */
  private static Map<String, String> answer(HttpResponse<String> page, String text) {
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    Map<String, String> f = new LinkedHashMap<>();
    f.put("fill", "fill");
    Matcher input =
        Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*data-q=\"1\"").matcher(page.body());
    assertThat(input.find()).as("the text input").isTrue();
    f.put(input.group(1), text);
    Matcher token =
        Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(page.body());
    assertThat(token.find()).isTrue();
    f.put("token", token.group(1));
    f.put("submit", "提交");
    Matcher vs = VIEW_STATE.matcher(page.body());
    assertThat(vs.find()).isTrue();
    f.put("jakarta.faces.ViewState", vs.group(1).replace("&#58;", ":").replace("&amp;", "&"));
    return f;
  }

  private static void addQuestion(
      ChromeDriver d, String type, String title, boolean required, Map<String, String> fields) {
    WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(30));
    new Select(d.findElement(By.id("new-type"))).selectByValue(type);
    click(d, "add-question");
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("question-editor")));
    d.findElement(By.id("q-title")).sendKeys(title);
    if (required) {
      d.findElement(By.id("q-required")).click();
    }
    fields.forEach(
        (k, v) -> {
          WebElement e = d.findElement(By.id(k));
          e.clear();
          e.sendKeys(v);
        });
    click(d, "save-question");
    w.until(ExpectedConditions.textToBePresentInElementLocated(By.id("question-list"), title));
  }

  private static WebElement upOf(ChromeDriver d, int position) {
    return d.findElement(By.cssSelector(".fm-qline[data-question='" + position + "'] .q-up"));
  }

  /**
   * Clicks {@code id} once it is there; an element replaced meanwhile (a page arriving) is looked
   * up again.
   */
  /**
   * A wait that looks again when an Ajax update replaced the element it was reading (see
   * Browser.waitFor).
   */
  private static WebDriverWait waiting(ChromeDriver d) {
    return Browser.waitFor(d, Duration.ofSeconds(30));
  }

  private static void click(ChromeDriver d, String id) {
    Browser.click(d, id);
  }

  private static void setValue(ChromeDriver d, String id, String value) {
    Browser.setValue(d, id, value);
  }

  private static ChromeDriver signIn(Browser b, String path, String account) {
    return b.signInThroughWeCom(app + path, account);
  }

  private static String outbox(String column, String key) throws SQLException {
    String v = query("SELECT " + column + " FROM wecom_outbox WHERE message_key = ?", key);
    assertThat(v).as("outbox message " + key).isNotNull();
    return v;
  }
}
