package cn.edu.ntvu.workbench.timetable.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.timetable.interfaces.web.WeekView.Band;
import cn.edu.ntvu.workbench.timetable.interfaces.web.WeekView.Block;
import cn.edu.ntvu.workbench.timetable.interfaces.web.WeekView.DayColumn;
import cn.edu.ntvu.workbench.timetable.interfaces.web.WeekView.PeriodRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeekViewGridHtmlTest {

  @Test
  void writesTheGridWithEveryTextEscaped() {
    String html =
        WeekView.gridHtml(
            List.of(
                new DayColumn(2, "周一", "11/23", false, "", ""),
                new DayColumn(3, "周二", "11/24", true, "", ""),
                new DayColumn(4, "周三", "11/25", false, "国庆<节>", "holiday")),
            List.of(new PeriodRow(2, 1, "08:00"), new PeriodRow(3, 2, "08:50")),
            List.of(new Band(3, "today", ""), new Band(4, "holiday", "国庆<节>")),
            List.of(
                new Block(
                    2,
                    2,
                    2,
                    "<script>alert(1)</script>",
                    "A\"101",
                    "course.xhtml?term=t&id=1",
                    "x · y",
                    3,
                    0,
                    1),
                new Block(3, 2, 1, "体育", "", "course.xhtml?id=2", "体育", 5, 1, 2)));

    assertThat(html)
        .startsWith("<div class=\"tt-grid\" id=\"week-grid\" style=\"--tt-days:3;--tt-periods:2\">")
        .endsWith("</div>")
        .contains(
            "<div class=\"tt-head tt-head-today\" style=\"grid-column:3\"><b>周二</b><span>11/24</span></div>")
        .contains(
            "<div class=\"tt-head tt-head-holiday\" style=\"grid-column:4\"><b>周三</b><span>11/25</span>"
                + "<em>国庆&lt;节&gt;</em></div>")
        .contains("<div class=\"tt-period\" style=\"grid-row:3\"><b>2</b><span>08:50</span></div>")
        .contains(
            "<div class=\"tt-band tt-band-holiday\" style=\"grid-column:4\"><span>国庆&lt;节&gt;</span></div>")
        .contains("href=\"course.xhtml?term=t&amp;id=1\"")
        .contains("<span class=\"tt-block-course\">&lt;script&gt;alert(1)&lt;/script&gt;</span>")
        .contains("<span class=\"tt-block-room\">A&quot;101</span>")
        .contains("style=\"grid-column:2;grid-row:2 / span 2\"")
        .contains(
            "style=\"grid-column:3;grid-row:2 / span 1;width:calc(100% / 2);margin-left:calc(100% * 1 / 2)\"")
        .doesNotContain("<script>");
  }
}
