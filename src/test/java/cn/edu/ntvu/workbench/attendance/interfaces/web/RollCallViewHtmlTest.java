package cn.edu.ntvu.workbench.attendance.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.attendance.application.AttendanceTexts;
import cn.edu.ntvu.workbench.attendance.application.Roster;
import cn.edu.ntvu.workbench.attendance.domain.Mark;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollCallViewHtmlTest {
  private static Roster roster(boolean editable) {
    return new Roster(
        "2026-2027-1",
        "ZF",
        12,
        LocalDate.of(2026, 11, 24),
        "高等数学",
        "A101",
        1,
        2,
        null,
        null,
        List.of(
            new Roster.Row("s1", "张<三>", "机械241", Mark.PRESENT, null, null, null),
            new Roster.Row("s2", "李四", "", Mark.EXCUSED, "病假", 77L, "t1")),
        5,
        true,
        editable,
        false);
  }

  @Test
  void writesEachRowAsThePageScriptReadsIt() {
    String html = RollCallView.rosterHtml(roster(true), AttendanceTexts.chinese(), "/wb");
    assertThat(html)
        .startsWith("<ol class=\"att-list\" id=\"roster\">")
        .contains(
            "<li class=\"att-item\"><button type=\"button\" class=\"att-row att-PRESENT\""
                + " data-account=\"s1\" data-mark=\"PRESENT\" data-cycle=\"ABSENT LATE EARLY PRESENT\">"
                + "<span class=\"att-who\"><b class=\"att-name\">张&lt;三&gt;</b>"
                + " <span class=\"att-meta\">s1 · 机械241</span></span>"
                + " <span class=\"att-mark\">出勤</span></button></li>")
        .contains("data-account=\"s2\" data-mark=\"EXCUSED\"")
        .contains("<span class=\"att-meta\">s2 · 病假</span>")
        .contains(
            "<a class=\"att-leave-link\" href=\"/wb/leave/request.xhtml?id=77\" data-leave=\"77\">"
                + "查看请假单（病假）</a>")
        .doesNotContain("disabled")
        .endsWith("</li></ol>");
  }

  @Test
  void aClosedRosterHasItsButtonsDisabled() {
    assertThat(RollCallView.rosterHtml(roster(false), AttendanceTexts.chinese(), ""))
        .contains("data-cycle=\"ABSENT LATE EARLY PRESENT\" disabled=\"disabled\">");
  }
}
