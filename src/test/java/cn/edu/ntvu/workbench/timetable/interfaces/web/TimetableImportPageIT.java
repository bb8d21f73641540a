package cn.edu.ntvu.workbench.timetable.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin loads a term's timetable on the phone: terms, period times, calendar and a 正方 file saved
 * in GBK, each previewed (what it replaces) and confirmed, the page's table of what is loaded
 * following along; a confirmation sent again applies nothing; a bad file lists every bad line and
 * imports nothing; non-admins are refused.
 *
 * <p>The app under test may already hold the demo term 2026-2027-1 (development mode loads it) or
 * not. The test imports a term of its own, {@value #TERM}, with its own period-time set, far from
 * the dates other tests look at, and its assertions hold either way: the demo term's rows in the
 * files are the demo's own.
 */
class TimetableImportPageIT {
  @RegisterExtension static Browser browser = Browser.weCom();
  @RegisterExtension static Browser english = Browser.weCom().language("en");
  @RegisterExtension static Browser desktop = Browser.weCom().windowSize(1366, 768);

  static final String TERM = "2019-2020-1";
  private static final String DEMO = "/demo/";

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  // ---- the files
  // ------------------------------------------------------------------------------------------------

  private static String demo(String name) {
    try (InputStream in = TimetableImportPageIT.class.getResourceAsStream(DEMO + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing() + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String terms() {
    return demo("term.csv") + TERM + ",2019-09-02,20\n";
  }

  /** The demo's 夏季 and 冬季 plus a set for the test term: the file is the whole table. */
  private static String periodTimes() {
    StringBuilder csv = new StringBuilder(demo("period-times.csv"));
    String[] starts = {
      "08:00", "08:55", "10:00", "10:55", "14:00", "14:55", "16:00", "16:55", "19:00", "19:55"
    };
    for (int p = 1; p <= starts.length; p++) {
      String start = starts[p - 1];
      String end = java.time.LocalTime.parse(start).plusMinutes(45).toString();
      csv.append("2019秋,2019-09-01,2020-01-31,")
          .append(p)
          .append(',')
          .append(start)
          .append(',')
          .append(end)
          .append('\n');
    }
    return csv.toString();
  }

  private static String calendar() {
    return demo("calendar.csv")
        + "2019-10-01,holiday,,国庆节\n2019-10-02,holiday,,国庆节\n2019-10-03,holiday,,国庆节\n"
        + "2019-09-29,makeup,2019-10-04,调休: 周日上周五的课\n";
  }

  private static final String ZF_HEADER = "学年学期,课程号,课程名称,教师工号,教师姓名,星期,节次,周次,教室,班级\n";

  private static String zf() {
    return ZF_HEADER
        + TERM
        + ",T19001,高等数学,10001,毛敏,星期一,第1-2节,1-16周,1号教学楼101,2401000\n"
        + TERM
        + ",T19001,高等数学,10001,毛敏,星期三,第3-4节,1-15周(单),1号教学楼101,2401000\n"
        + TERM
        + ",T19002,大学英语,10065,叶轩,星期五,第5-6节,2-20周(双),2号教学楼202,2401000;2501001\n";
  }

  private static Path file(String name, String text, Charset charset) throws IOException {
    Path dir = Path.of(System.getProperty("test.workDir"), "uploads", "timetable");
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    Files.write(file, text.getBytes(charset));
    return file;
  }

  // ---- the page
  // --------------------------------------------------------------------------------------------------

  /** The import page in the phone browser. */
  private static final class ImportPage {
    final ChromeDriver driver;
    final WebDriverWait wait;

    ImportPage(Browser browser) {
      driver = browser.driver();
      wait = Browser.waitFor(driver, Duration.ofSeconds(30));
    }

    ImportPage() {
      this(browser);
    }

    ImportPage signInAsAdmin() {
      driver.manage().deleteAllCookies();
      driver.get(app + "/admin/timetable/import.xhtml");
      wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
      driver.findElement(By.id("account")).sendKeys(TestUsers.ADMIN.account());
      driver.findElement(By.id("continue")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload:file")));
      return this;
    }

    /** Chooses the kind, uploads the file and waits for its preview. */
    ImportPage preview(String kind, Path file) {
      driver.findElement(By.cssSelector("input[name=kind][value=" + kind + "]")).click();
      driver.findElement(By.id("upload:file")).sendKeys(file.toString());
      driver.findElement(By.id("upload:previewButton")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-items")));
      return this;
    }

    String text(String css) {
      return driver.findElement(By.cssSelector(css)).getText();
    }

    boolean canConfirm() {
      return !driver.findElements(By.id("preview:confirm")).isEmpty();
    }

    /** The preview form as it is now, to send it again later like the back button would. */
    String previewForm() {
      return (String) driver.executeScript("return document.getElementById('preview').outerHTML;");
    }

    String confirm() {
      driver.findElement(By.id("preview:confirm")).click();
      return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result"))).getText();
    }

    /** Uploads, previews and confirms a file that must import cleanly; returns the result text. */
    String load(String kind, Path file) {
      preview(kind, file);
      assertThat(text("#count-errors strong"))
          .as(file + " errors: " + text("#preview"))
          .isEqualTo("0");
      return confirm();
    }

    void again() {
      driver.findElement(By.id("preview:again")).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("count-items")));
    }

    /** What the state table says about a term. */
    String term(String code) {
      return text("[data-term='" + code + "']");
    }

    /** The number of meetings the state table shows for the test term from 正方. */
    int zfMeetings() {
      Matcher m =
          Pattern.compile("^(\\d+) 条")
              .matcher(text("[data-term='" + TERM + "'] [data-source='TIMETABLE_ZF']"));
      assertThat(m.find()).isTrue();
      return Integer.parseInt(m.group(1));
    }
  }

  // ---- the tests
  // -------------------------------------------------------------------------------------------------

  @Test
  void anAdminLoadsATermFileByFileAndAConfirmationSentAgainImportsNothing() throws Exception {
    ImportPage page = new ImportPage().signInAsAdmin();
    browser.screenshot("timetable-import-start");

    page.preview("TERM", file("学期.csv", terms(), StandardCharsets.UTF_8));
    // new, or unchanged when another test of this class loaded it first
    assertThat(page.text("#changes"))
        .containsPattern("学期 " + TERM + "( 不变)?：2019-09-02 至 2020-01-19，共 20 周")
        .contains("2026-2027-1");
    browser.screenshot("timetable-import-term-preview");
    assertThat(page.confirm()).contains("导入完成：学期，2 个学期").contains(TERM);
    assertThat(page.term(TERM)).contains("2019-09-02 至 2020-01-19，共 20 周").contains("放假 0 天");

    assertThat(page.load("PERIOD_TIMES", file("作息时间.csv", periodTimes(), StandardCharsets.UTF_8)))
        .contains("现 3 套共 30 节")
        .contains("2019秋：2019-09-01 至 2020-01-31，每天 10 节，08:00–20:40");
    assertThat(page.text("#period-sets")).contains("2019秋").contains("夏季").contains("冬季");

    assertThat(page.load("CALENDAR", file("校历.csv", calendar(), StandardCharsets.UTF_8)))
        .contains(TERM + " 的校历已替换：原 0 天，现 4 天（放假 3 天，调休 1 天）");
    assertThat(page.term(TERM)).contains("放假 3 天，调休 1 天");

    // 正方's export as Excel saves it in China: GBK, Chinese headers
    int before = page.zfMeetings();
    page.preview("TIMETABLE_ZF", file("正方课表.csv", zf(), Charset.forName("GBK")));
    assertThat(page.text("#count-items")).startsWith("3");
    assertThat(page.text("#changes"))
        .contains(TERM + " 的正方课表 " + before + " 条将被替换为 3 条")
        .contains("涉及 2 门课程、2 个班级、2 位教师");
    assertThat(page.zfMeetings()).as("nothing is written before confirming").isEqualTo(before);
    browser.screenshot("timetable-import-zf-preview");
    String confirmedForm = page.previewForm();

    assertThat(page.confirm())
        .contains("导入完成：正方课表，3 条课程安排")
        .contains(TERM + " 的正方课表已替换：原 " + before + " 条，现 3 条");
    assertThat(page.zfMeetings()).isEqualTo(3);
    assertThat(page.term(TERM)).contains("由 " + TestUsers.ADMIN.account() + " 导入");
    browser.screenshot("timetable-import-zf-applied");
    page.driver.executeScript(
        "document.querySelector(\"[data-term='" + TERM + "']\").scrollIntoView();");
    browser.screenshot("timetable-import-state");

    // the back button: the confirmed page's form is sent once more
    page.driver.executeScript(
        "document.body.insertAdjacentHTML('beforeend', arguments[0]);", confirmedForm);
    page.driver.findElement(By.id("preview:confirm")).click();
    WebElement already =
        page.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("already-applied")));
    assertThat(already.getText()).contains("已经导入过了").contains("没有重复导入");
    assertThat(page.driver.findElements(By.id("applied"))).isEmpty();
    assertThat(page.zfMeetings()).isEqualTo(3);
    browser.screenshot("timetable-import-already-applied");
  }

  @Test
  void aBadFileListsEveryBadLineWithItsReasonAndImportsNothing() throws Exception {
    ImportPage page = new ImportPage().signInAsAdmin();
    page.load("TERM", file("学期.csv", terms(), StandardCharsets.UTF_8));
    page.load("PERIOD_TIMES", file("作息时间.csv", periodTimes(), StandardCharsets.UTF_8));
    int before = page.zfMeetings();

    String bad =
        ZF_HEADER
            + TERM
            + ",T19001,高等数学,10001,毛敏,星期一,第1-2节,17-1周,1号教学楼101,2401000\n"
            + TERM
            + ",T19002,大学英语,10065,叶轩,星期二,第0节,1-16周,2号教学楼202,2401000\n"
            + TERM
            + ",T19003,体育,10001,毛敏,星期八,第5-6节,1-16周,操场,2401000\n"
            + TERM
            + ",T19004,军事理论,10065,叶轩,星期四,第7-8节,1-21周,3号教学楼303,2401000\n"
            + TERM
            + ",T19005,高等数学,10001,毛敏,星期五,第1-2节,1-16周,1号教学楼101,2401000\n";
    page.preview("TIMETABLE_ZF", file("正方课表-有错.csv", bad, StandardCharsets.UTF_8));
    assertThat(page.text("#count-errors strong")).isEqualTo("4");
    assertThat(page.canConfirm()).isFalse();
    List<String> rows =
        page.driver.findElements(By.cssSelector(".dir-errors .dir-problems tbody tr")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0)).contains("第2行").contains("周次").contains("周次范围 17-1 前后颠倒，应写成 1-17");
    assertThat(rows.get(1)).contains("第3行").contains("节次").contains("不能是第0节");
    assertThat(rows.get(2)).contains("第4行").contains("星期").contains("无法识别的星期“星期八”");
    assertThat(rows.get(3)).contains("第5行").contains("第21周超出了本学期（共20周）");
    assertThat(page.text(".dir-errors")).contains("未导入任何数据");
    browser.screenshot("timetable-import-bad-lines");
    page.again();
    assertThat(page.zfMeetings()).as("a file with errors writes nothing").isEqualTo(before);

    // the wrong kind of file for the chosen type
    page.preview("TIMETABLE_ZF", file("学期.csv", terms(), StandardCharsets.UTF_8));
    assertThat(page.text("#fitting-kind")).contains("“学期”");
    assertThat(page.text(".dir-errors")).contains("缺少必需的列");
    page.again();

    // a term with no start date; a period table with a gap
    page.preview(
        "TERM",
        file("学期-无开学日期.csv", "term,week1_monday,weeks\n2019-2020-2,,18\n", StandardCharsets.UTF_8));
    assertThat(page.text(".dir-errors")).contains("第2行").contains("学期 2019-2020-2 没有第1周周一的日期");
    page.again();
    page.preview(
        "PERIOD_TIMES",
        file(
            "作息时间-缺节.csv",
            "set,valid_from,valid_to,period,start,end\n"
                + "2019秋,2019-09-01,2020-01-31,1,08:00,08:45\n"
                + "2019秋,2019-09-01,2020-01-31,3,10:00,10:45\n",
            StandardCharsets.UTF_8));
    assertThat(page.text(".dir-errors")).contains("作息时间表“2019秋”缺少第2节");
    page.again();

    // a file in UTF-16, an empty file, a file too large to upload
    page.preview(
        "TERM", file("学期-unicode.csv", "term,week1_monday,weeks\n", StandardCharsets.UTF_16));
    assertThat(page.text(".dir-errors")).contains("UTF-16");
    page.again();
    page.driver
        .findElement(By.id("upload:file"))
        .sendKeys(file("空.csv", "", StandardCharsets.UTF_8).toString());
    page.driver.findElement(By.id("upload:previewButton")).click();
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "文件是空的"));
    Path huge = file("很大.csv", "x".repeat(16 * 1024 * 1024), StandardCharsets.UTF_8);
    page.driver.findElement(By.id("upload:file")).sendKeys(huge.toString());
    assertThat(
            page.wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("file-too-large")))
                .getText())
        .contains("文件超过 15 MB");
    assertThat(page.driver.findElement(By.id("upload:file")).getAttribute("value")).isEmpty();
    assertThat(page.zfMeetings()).isEqualTo(before);
  }

  @Test
  void onlyAdminsGetThePageAndTheSamples() {
    WebSession student = WeComStandInScreen.signedIn(app + "/", TestUsers.STUDENT.account());
    assertThat(student.get(app + "/admin/timetable/import.xhtml").statusCode()).isEqualTo(403);
    assertThat(student.get(app + "/admin/timetable/sample/TIMETABLE_ZF.csv").statusCode())
        .isEqualTo(403);

    WebSession admin = WeComStandInScreen.signedIn(app + "/", TestUsers.ADMIN.account());
    assertThat(admin.get(app + "/").body())
        .contains("/admin/timetable/import.xhtml")
        .contains("导入课表");
    HttpResponse<String> sample = admin.get(app + "/admin/timetable/sample/TIMETABLE_ZF.csv");
    assertThat(sample.statusCode()).isEqualTo(200);
    assertThat(sample.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(sample.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"sample-timetable-zf.csv\"");
    assertThat(sample.body())
        .startsWith("\uFEFFterm,course_code,course_name,teacher_account")
        .contains("星期");
    assertThat(admin.get(app + "/admin/timetable/sample/NOPE.csv").statusCode()).isEqualTo(404);
  }

  @Test
  void anEnglishBrowserReadsThePageAndTheReasonsInEnglish() throws Exception {
    ImportPage page = new ImportPage(english).signInAsAdmin();
    assertThat(page.driver.getTitle()).isEqualTo("Import timetable");
    assertThat(page.text("#upload"))
        .contains("What the file is")
        .contains("Timetable from 正方 (ZF)")
        .contains("Columns: term, course_code")
        .contains("Download a sample file");
    assertThat(page.text("#state")).contains("What is loaded now");
    assertThat(page.load("TERM", file("terms.csv", terms(), StandardCharsets.UTF_8)))
        .contains("Imported: Terms, 2 terms.");
    page.load("PERIOD_TIMES", file("period-times.csv", periodTimes(), StandardCharsets.UTF_8));

    page.preview(
        "TIMETABLE_ZF",
        file(
            "zf-bad.csv",
            ZF_HEADER + TERM + ",T19001,高等数学,10001,毛敏,星期八,第1-2节,1-21周,1号教学楼101,2401000\n",
            StandardCharsets.UTF_8));
    assertThat(page.text(".dir-errors"))
        .contains("Errors")
        .contains("Line 2")
        .contains("Cannot read the weekday \u201c星期八\u201d")
        .doesNotContain("第2行");
    page.driver.executeScript("document.querySelector('.dir-errors').scrollIntoView();");
    english.screenshot("timetable-import-bad-lines-en");
  }

  /** Stores a roll call of one occurrence as a teacher's first submit would: session and marks. */
  private static void heldRollCall(long termId, String no, String date, String absent)
      throws Exception {
    cn.edu.ntvu.workbench.testsupport.E2eDb.exec(
        "INSERT INTO attendance_session (term_id, source, meeting_no, meeting_date, course_code,"
            + " course_name, first_period, period_count, first_by, first_at)"
            + " SELECT term_id, source, meeting_no, ?, course_code, course_name, first_period,"
            + " period_count, '10001', ? FROM course_meeting"
            + " WHERE term_id = ? AND source = 'ZF' AND meeting_no = ?",
        date,
        date + " 08:10:00",
        termId,
        no);
    cn.edu.ntvu.workbench.testsupport.E2eDb.exec(
        "INSERT INTO attendance_mark (term_id, source, meeting_no, meeting_date, student_account,"
            + " mark, marked_by, tapped_at, change_id) VALUES (?, 'ZF', ?, ?, ?, 'ABSENT', '10001',"
            + " ?, 0)",
        termId,
        no,
        date,
        absent,
        date + " 08:10:00");
  }

  private static void forgetRollCalls(long termId) throws Exception {
    for (String t : List.of("attendance_mark", "attendance_session")) {
      cn.edu.ntvu.workbench.testsupport.E2eDb.exec(
          "DELETE FROM " + t + " WHERE term_id = ? AND source = 'ZF'", termId);
    }
  }

  @Test
  void aReimportThatMovesOrDeletesAMeetingWithRollCallsSaysTheirMarksStay() throws Exception {
    ImportPage page = new ImportPage(desktop).signInAsAdmin();
    page.load("TERM", file("学期.csv", terms(), StandardCharsets.UTF_8));
    page.load("PERIOD_TIMES", file("作息时间.csv", periodTimes(), StandardCharsets.UTF_8));
    page.load("CALENDAR", file("校历.csv", calendar(), StandardCharsets.UTF_8));
    page.load("TIMETABLE_ZF", file("正方课表.csv", zf(), StandardCharsets.UTF_8));
    long termId =
        cn.edu.ntvu.workbench.testsupport.E2eDb.count("SELECT id FROM term WHERE code = ?", TERM);
    String mathNo =
        cn.edu.ntvu.workbench.testsupport.E2eDb.query(
            "SELECT meeting_no FROM course_meeting WHERE term_id = ? AND source = 'ZF'"
                + " AND course_code = 'T19001' AND weekday = 1",
            termId);
    String englishNo =
        cn.edu.ntvu.workbench.testsupport.E2eDb.query(
            "SELECT meeting_no FROM course_meeting WHERE term_id = ? AND source = 'ZF'"
                + " AND course_code = 'T19002'",
            termId);
    String absent = "20240100033";
    forgetRollCalls(termId);
    try {
      // 高等数学 on Mondays: three roll calls; 大学英语 on Fridays: two
      for (String d : List.of("2019-09-09", "2019-09-16", "2019-09-23")) {
        heldRollCall(termId, mathNo, d, absent);
      }
      for (String d : List.of("2019-09-13", "2019-09-27")) {
        heldRollCall(termId, englishNo, d, absent);
      }
      // the new file moves 高等数学 from Monday 1–2 to Tuesday 3–4 and drops 大学英语
      String next =
          ZF_HEADER
              + TERM
              + ",T19001,高等数学,10001,毛敏,星期二,第3-4节,1-16周,1号教学楼101,2401000\n"
              + TERM
              + ",T19001,高等数学,10001,毛敏,星期三,第3-4节,1-15周(单),1号教学楼101,2401000\n";
      page.preview("TIMETABLE_ZF", file("正方课表-调整.csv", next, StandardCharsets.UTF_8));
      String changes = page.text("#changes");
      assertThat(changes)
          .contains("高等数学（机械制造241班）周一 第1–2节：已点名 3 次，这些考勤记录保留在当时的课次上；这节课将改到周二 第3–4节。")
          .contains("大学英语（机械制造241班、数控技术251班）周五 第5–6节：已点名 2 次，这些考勤记录保留在当时的课次上；新课表中没有这节课。");
      assertThat(changes).doesNotContain("星期三 第3–4节：已点名");
      Object fits =
          page.driver.executeScript(
              "return document.documentElement.scrollWidth <= window.innerWidth");
      assertThat(fits).as("no sideways scrolling at 1366 px").isEqualTo(true);
      page.driver.executeScript("document.getElementById('changes').scrollIntoView();");
      desktop.screenshot("timetable-import-held-preview-1366");

      assertThat(page.confirm())
          .contains("高等数学（机械制造241班）周一 第1–2节：已点名 3 次，这些考勤记录保留在当时的课次上；这节课已改到周二 第3–4节。")
          .contains("这节课已从课表删除");
      desktop.screenshot("timetable-import-held-applied-1366");
      // the marks and the occurrences as held are all still there, under the old numbers
      assertThat(
              cn.edu.ntvu.workbench.testsupport.E2eDb.count(
                  "SELECT COUNT(*) FROM attendance_mark WHERE term_id = ? AND source = 'ZF'"
                      + " AND meeting_no IN (?, ?) AND student_account = ? AND mark = 'ABSENT'",
                  termId,
                  mathNo,
                  englishNo,
                  absent))
          .isEqualTo(5);
      assertThat(
              cn.edu.ntvu.workbench.testsupport.E2eDb.count(
                  "SELECT COUNT(*) FROM course_meeting WHERE term_id = ? AND source = 'ZF'"
                      + " AND meeting_no IN (?, ?)",
                  termId,
                  mathNo,
                  englishNo))
          .as("the old numbers are not given to another meeting")
          .isZero();

      // the roll call of a held Monday, for the teacher who took it: read-only, the mark kept
      WebSession teacher = WeComStandInScreen.signedIn(app + "/", "10001");
      HttpResponse<String> roll =
          teacher.get(
              app
                  + "/attendance/roll.xhtml?term="
                  + TERM
                  + "&src=ZF&no="
                  + mathNo
                  + "&date=2019-09-16");
      assertThat(roll.statusCode()).isEqualTo(200);
      assertThat(roll.body())
          .contains("id=\"roll-held\"")
          .contains("考勤记录保留在当时的课次上")
          .contains(absent)
          .contains("缺勤")
          .doesNotContain("id=\"rollForm:submit\"");
    } finally {
      forgetRollCalls(termId);
    }
  }
}
