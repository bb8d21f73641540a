package cn.edu.ntvu.workbench.portal.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.portal.domain.Scene;
import cn.edu.ntvu.workbench.portal.interfaces.web.WorkbenchHome.SceneView;
import cn.edu.ntvu.workbench.portal.interfaces.web.WorkbenchHome.TileView;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TileHtmlTest {
  @Test
  void tilesAreWrittenWithEveryTextEscaped() {
    List<SceneView> scenes =
        List.of(
            new SceneView(
                Scene.TEACHING,
                List.of(
                    new TileView(
                        7,
                        "<script>alert(1)</script>",
                        "\"引号\" & 'x'",
                        "/r/i.svg?v=1&a=b",
                        "/timetable/",
                        false,
                        3),
                    new TileView(
                        8,
                        "图书馆",
                        null,
                        "/r/b.svg",
                        "https://lib.ntvu.edu.cn/?q=\"><x",
                        true,
                        null))));
    String html = TileHtml.render(scenes, Locale.SIMPLIFIED_CHINESE);
    assertThat(html)
        .contains("<section class=\"wb-card wb-scene\" id=\"scene-TEACHING\"")
        .contains(">教学</h2>")
        .contains("data-tile=\"&lt;script&gt;alert(1)&lt;/script&gt;\"")
        .contains("<span class=\"wb-tile-desc\">&quot;引号&quot; &amp; &#39;x&#39;</span>")
        .contains("src=\"/r/i.svg?v=1&amp;a=b\"")
        .contains("<span class=\"wb-tile-badge\" aria-label=\"待办数量\">3</span>")
        .contains("href=\"https://lib.ntvu.edu.cn/?q=&quot;&gt;&lt;x\" rel=\"noopener noreferrer\"")
        .doesNotContain("<script>");
    assertThat(html.split("wb-tile-badge", -1)).hasSize(2);
    assertThat(html.split("wb-tile-desc", -1)).hasSize(2);
    assertThat(TileHtml.render(scenes, Locale.ENGLISH))
        .contains(">Teaching</h2>")
        .contains("aria-label=\"To do\"");
  }

  @Test
  void informationIsQuietAndTheEnglishPageReadsTheEnglishTexts() {
    List<SceneView> scenes =
        List.of(
            new SceneView(
                Scene.TEACHING,
                List.of(
                    new TileView(
                        1,
                        "查课表",
                        "今天的课",
                        "/i.svg",
                        "/timetable/",
                        false,
                        3,
                        true,
                        "Timetable",
                        "Today classes"))));
    assertThat(TileHtml.render(scenes, Locale.SIMPLIFIED_CHINESE))
        .contains("class=\"wb-tile-badge wb-tile-badge-info\"")
        .contains(">查课表</span>")
        .contains(">今天的课</span>");
    assertThat(TileHtml.render(scenes, Locale.ENGLISH))
        .contains(">Timetable</span>")
        .contains(">Today classes</span>")
        .contains("data-tile=\"查课表\"");
  }
}
