package cn.edu.ntvu.workbench.portal.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.portal.application.SearchQuery;
import cn.edu.ntvu.workbench.portal.application.SearchableItems;
import cn.edu.ntvu.workbench.portal.application.WorkbenchSearch;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileKind;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SearchHtmlTest {
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private static Tile tile(String name, String target, TileKind kind) {
    return new Tile(
        7,
        Scene.OFFICE,
        1,
        name,
        "说明<b>",
        "calendar",
        kind,
        target,
        true,
        null,
        Visibility.EVERYONE,
        0,
        "x",
        Instant.EPOCH);
  }

  @Test
  void theBoxHasALabelALiveRegionAndKeepsTheQueryEscaped() {
    String box = SearchHtml.box("/ctx", ZH, "\"><script>x</script>");
    assertThat(box)
        .contains("<label class=\"wb-search-label\" for=\"search-q\">搜索应用和我的事项</label>")
        .contains("role=\"search\" method=\"get\" action=\"/ctx/search\"")
        .contains("role=\"status\" aria-live=\"polite\"")
        .contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"")
        .doesNotContain("<script>x");
  }

  @Test
  void resultsAreGroupedEscapedAndEndWithTheFallback() {
    WorkbenchSearch.Result r =
        new WorkbenchSearch.Result(
            SearchQuery.of("qj"),
            List.of(
                tile("学生请假<i>", "/leave/", TileKind.INTERNAL),
                tile("门户", "https://portal.example/?a=1&b=2", TileKind.EXTERNAL)),
            List.of(
                new WorkbenchSearch.Group(
                    "i18n.forms",
                    "forms.search.group",
                    List.of(
                        new SearchableItems.Found(
                            "<img src=x>请假条",
                            "forms.search.toFill",
                            null,
                            "/forms/fill.xhtml?id=3")))));
    String html = SearchHtml.results(r, "/ctx", "v1", ZH, true, "0513-1234");
    assertThat(html)
        .contains("data-count=\"3\">找到 3 项</p>")
        .contains(">应用</h2>")
        .contains("href=\"/ctx/leave/\"")
        .contains("学生请假&lt;i&gt;")
        .contains("href=\"https://portal.example/?a=1&amp;b=2\" rel=\"noopener noreferrer\"")
        .contains(">收集表</h2>")
        .contains("&lt;img src=x&gt;请假条")
        .contains("href=\"/ctx/forms/fill.xhtml?id=3\"")
        .contains("待填写")
        .contains("没有找到？联系图文信息中心：0513-1234")
        .doesNotContain("<img src=x>")
        .doesNotContain("<i>");
  }

  @Test
  void nothingFoundSaysSoAndAnEmptyQueryShowsNothing() {
    String none =
        SearchHtml.results(
            new WorkbenchSearch.Result(SearchQuery.of("zzz"), List.of(), List.of()),
            "",
            "v",
            ZH,
            false,
            null);
    assertThat(none).contains("data-count=\"0\">没有找到相关的应用或事项。").contains("没有找到？联系图文信息中心。");
    assertThat(SearchHtml.results(WorkbenchSearch.Result.NONE, "", "v", ZH, false, null)).isEmpty();
  }
}
