package cn.edu.ntvu.workbench.portal.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.portal.application.MyFavourites;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import cn.edu.ntvu.workbench.portal.domain.TileInputException;
import cn.edu.ntvu.workbench.portal.interfaces.web.WorkbenchHome.SceneView;
import cn.edu.ntvu.workbench.portal.interfaces.web.WorkbenchHome.TileView;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FavouritesHtmlTest {
  private static final List<SceneView> SCENES =
      List.of(
          new SceneView(
              Scene.TEACHING,
              List.of(
                  new TileView(7, "查课表", "本周", "/i.svg", "/wb/timetable/", false, 2),
                  new TileView(8, "<b>请假</b>", null, "/i.svg", "/wb/leave/", false, null),
                  new TileView(9, "图书馆", null, "/i.svg", "https://lib.example/", true, null))));

  @Test
  void theRowAndRecentShowOnlyTilesOfThePageInTheirOrderEscaped() {
    String html =
        FavouritesHtml.render(
            SCENES,
            new MyFavourites.Shown(List.of(8L, 7L, 99L), List.of(9L, 7L), true),
            "/wb",
            "tok\"en",
            "v1",
            Locale.SIMPLIFIED_CHINESE);
    assertThat(html)
        .contains(
            "id=\"favourites\"",
            "data-token=\"tok&quot;en\"",
            "data-endpoint=\"/wb/portal/favourites\"")
        .contains("&lt;b&gt;请假&lt;/b&gt;")
        .doesNotContain("<b>请假")
        .doesNotContain("fav-tile-99")
        .contains("常用", "最近使用", "/resources/workbench-favourites/favourites.js?v=v1");
    assertThat(html.indexOf("fav-tile-8")).isLessThan(html.indexOf("fav-tile-7"));
    assertThat(html.indexOf("recent-tile-9")).isLessThan(html.indexOf("recent-tile-7"));
    assertThat(html).contains("data-l-up=\"上移：{0}\"");
    // The external one keeps its rel, so the page's script reports its opening.
    assertThat(html).containsPattern("id=\"recent-tile-9\"[^>]*rel=\"noopener noreferrer\"");
    assertThat(html).contains("id=\"fav-empty\" hidden=\"hidden\"");
  }

  @Test
  void anEmptyRowSaysHowToPinAndNoRecentSectionWithoutRecentTiles() {
    String html =
        FavouritesHtml.render(
            SCENES, MyFavourites.Shown.NONE, "", "t", "v", Locale.SIMPLIFIED_CHINESE);
    assertThat(html).contains("id=\"fav-empty\">").doesNotContain("id=\"recent\"");
    assertThat(FavouritesHtml.render(List.of(), MyFavourites.Shown.NONE, "", "t", "v", Locale.ROOT))
        .isEmpty();
  }

  @Test
  void anOrderIsAFewNumbersOnly() {
    assertThat(FavouritesServlet.ids("3, 1,2")).containsExactly(3L, 1L, 2L);
    assertThat(FavouritesServlet.ids("")).isEmpty();
    for (String bad :
        new String[] {null, "1,x", "1,1", "1,2,3,4,5,6,7,8,9,10,11,12,13", "9".repeat(500)}) {
      assertThatThrownBy(() -> FavouritesServlet.ids(bad)).isInstanceOf(TileInputException.class);
    }
  }

  @Test
  void aTileIsOpenedFromTheHomePageOnlyWhenTheBrowserSaysItCameFromThere() {
    assertThat(TileAccessFilter.fromHome("GET", "https://wb.ntvu.edu.cn/", "wb.ntvu.edu.cn", ""))
        .isTrue();
    assertThat(
            TileAccessFilter.fromHome(
                "GET", "http://localhost:8080/wb/index.xhtml", "localhost:8080", "/wb"))
        .isTrue();
    assertThat(
            TileAccessFilter.fromHome(
                "GET", "https://wb.ntvu.edu.cn/?expired=1", "wb.ntvu.edu.cn", ""))
        .isTrue();
    assertThat(
            TileAccessFilter.fromHome("GET", "https://wb.ntvu.edu.cn/leave/", "wb.ntvu.edu.cn", ""))
        .isFalse();
    assertThat(TileAccessFilter.fromHome("GET", "https://evil.example/", "wb.ntvu.edu.cn", ""))
        .isFalse();
    assertThat(TileAccessFilter.fromHome("POST", "https://wb.ntvu.edu.cn/", "wb.ntvu.edu.cn", ""))
        .isFalse();
    assertThat(TileAccessFilter.fromHome("GET", null, "wb.ntvu.edu.cn", "")).isFalse();
    assertThat(TileAccessFilter.fromHome("GET", "::not a uri", "wb.ntvu.edu.cn", "")).isFalse();
  }
}
