package cn.edu.ntvu.workbench.attendance.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.attendance.application.Roster;
import cn.edu.ntvu.workbench.attendance.domain.Mark;
import cn.edu.ntvu.workbench.platform.web.RequestLocale;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** 点名's GET written in one pass: the elements the Faces page had, in each of its states. */
class RollCallPageTest {
  private static Roster roster(boolean editable, boolean heldOnly) {
    return new Roster(
        "2026-2027-1",
        "ZF",
        12,
        LocalDate.of(2026, 11, 24),
        "高等<数学>",
        "A101",
        1,
        2,
        null,
        null,
        List.of(
            new Roster.Row("s1", "张三", "机械241", Mark.ABSENT, null, null, "t1"),
            new Roster.Row("s2", "李四", "", Mark.EXCUSED, "病假", 77L, "t1")),
        5,
        true,
        editable,
        heldOnly);
  }

  private static String page(Roster r, String problem, Locale locale) {
    return RollCallPage.render(
        new RollCallPage.Model(r, problem, "/wb", "1.0", true, false, "tok&en", "Tk9OQ0U="),
        locale);
  }

  @Test
  void anOpenRosterHasTheFormFacesReadsBack() {
    String html = page(roster(true, false), null, RequestLocale.CHINESE);
    assertThat(html)
        .startsWith("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">")
        .contains("<title>高等&lt;数学&gt;</title>")
        .contains("<link rel=\"stylesheet\" href=\"/wb/resources/attendance/roll.css?v=1.0\" />")
        .contains("<div class=\"wb-devbanner\" role=\"note\">")
        .contains("<h1 class=\"wb-hello\" id=\"roll-title\">高等&lt;数学&gt;</h1>")
        .contains("<p class=\"wb-sub\" id=\"roll-subtitle\">2026-11-24 周二 第1–2节 · A101</p>")
        .contains("<div id=\"roll\" data-key=\"2026-2027-1/ZF-12/2026-11-24\" data-offline=\"")
        .contains("data-label-excused=\"请假\"><p id=\"roll-result\" hidden=\"hidden\"></p>")
        .contains("<p class=\"att-counts\" id=\"roll-counts\">共 2 人 · 缺勤 1 · 请假 1</p>")
        .contains(
            "<form id=\"rollForm\" name=\"rollForm\" method=\"post\" action=\"/wb/attendance/roll.xhtml\""
                + " class=\"att-form\" enctype=\"application/x-www-form-urlencoded\">"
                + "<input type=\"hidden\" name=\"rollForm\" value=\"rollForm\" />"
                + "<input type=\"hidden\" name=\"term\" value=\"2026-2027-1\" />"
                + "<input type=\"hidden\" name=\"src\" value=\"ZF\" />"
                + "<input type=\"hidden\" name=\"no\" value=\"12\" />"
                + "<input type=\"hidden\" name=\"date\" value=\"2026-11-24\" />"
                + "<input type=\"hidden\" name=\"seen\" id=\"roll-seen\" value=\"5\" />"
                + "<input type=\"hidden\" name=\"marks\" id=\"roll-marks\" value=\"\" />"
                + "<input type=\"hidden\" name=\"batch\" id=\"roll-batch\" value=\"\" />"
                + "<input type=\"hidden\" name=\"token\" value=\"tok&amp;en\" />"
                + "<ol class=\"att-list\" id=\"roster\">")
        .contains(
            "<input id=\"rollForm:submit\" type=\"submit\" name=\"rollForm:submit\" value=\"提交考勤\""
                + " class=\"wb-button att-submit\" />")
        .contains("name=\"jakarta.faces.ViewState\"")
        .contains("value=\"stateless\"")
        .contains(
            "<a class=\"wb-list-item\" id=\"course-link\""
                + " href=\"/wb/timetable/course.xhtml?term=2026-2027-1&amp;src=ZF&amp;no=12\">")
        .doesNotContain("id=\"roll-closed\"")
        .doesNotContain("id=\"roll-held\"")
        .doesNotContain("id=\"problem\"")
        .endsWith("</body>\n</html>");
    // both scripts are files, each with the response's nonce; nothing inline
    Matcher scripts = Pattern.compile("<script ([^>]*)>").matcher(html);
    int n = 0;
    while (scripts.find()) {
      n++;
      assertThat(scripts.group(1)).contains("src=\"/wb/").contains("nonce=\"Tk9OQ0U=\"");
    }
    assertThat(n).isEqualTo(2);
    assertThat(html).contains("/wb/jakarta.faces.resource/roll.js.xhtml?ln=attendance");
  }

  @Test
  void aClosedRosterSaysSoAndHasNoSubmit() {
    String html = page(roster(false, false), null, RequestLocale.CHINESE);
    assertThat(html)
        .contains("<p class=\"wb-notice\" id=\"roll-closed\">")
        .doesNotContain("rollForm:submit")
        .contains("disabled=\"disabled\"")
        .contains("id=\"course-link\"");
  }

  @Test
  void aHeldOnlyRosterSaysSoWithoutTheCourseLink() {
    String html = page(roster(false, true), null, RequestLocale.CHINESE);
    assertThat(html)
        .contains("<p class=\"wb-notice\" id=\"roll-held\">")
        .doesNotContain("id=\"roll-closed\"")
        .doesNotContain("id=\"course-link\"");
  }

  @Test
  void aRefusedRollCallShowsItsProblemOnly() {
    String html = page(roster(true, false), "只有<任课>教师", RequestLocale.CHINESE);
    assertThat(html)
        .contains("<title>点名</title>")
        .contains("<p class=\"wb-sub\" id=\"roll-subtitle\"></p>")
        .contains("<div id=\"roll\" data-offline=\"")
        .contains(
            "<section class=\"wb-card wb-message\"><p id=\"problem\">只有&lt;任课&gt;教师</p>"
                + "<a class=\"wb-button\" href=\"/wb/timetable/index.xhtml\">")
        .doesNotContain("rollForm")
        .doesNotContain("id=\"roster\"");
  }

  @Test
  void inEnglishEveryTextIsEnglish() {
    String html = page(roster(true, false), null, Locale.ENGLISH);
    assertThat(html).contains("lang=\"en\"").doesNotContain("提交考勤").doesNotContain("出勤");
  }
}
