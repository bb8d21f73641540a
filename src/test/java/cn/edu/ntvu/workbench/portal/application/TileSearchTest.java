package cn.edu.ntvu.workbench.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.portal.domain.Scene;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileKind;
import cn.edu.ntvu.workbench.portal.domain.TileTexts;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pinyin matching and ranking of the workbench search (issue 21). */
class TileSearchTest {
  static Tile tile(long id, String name, String description, TileTexts texts) {
    return new Tile(
        id,
        Scene.TEACHING,
        (int) id,
        name,
        description,
        "calendar",
        TileKind.INTERNAL,
        "/app" + id + "/",
        true,
        null,
        Visibility.EVERYONE,
        0,
        "x",
        Instant.EPOCH,
        texts);
  }

  static final Tile LEAVE =
      tile(1, "学生请假", "请假、销假", new TileTexts(null, null, null, null, "病假 事假"));
  static final Tile TIMETABLE = tile(2, "查课表", "今天和本周的课", TileTexts.NONE);
  static final Tile FORMS = tile(3, "收集表", "填写和发起收集表", TileTexts.NONE);
  static final Tile LIBRARY =
      tile(4, "图书馆", "借阅、续借", new TileTexts("Library", null, null, null, null));
  static final Tile NOTICES = tile(5, "通知", "学校和学院的通知", TileTexts.NONE);
  static final List<Tile> ALL = List.of(LEAVE, TIMETABLE, FORMS, LIBRARY, NOTICES);

  private static List<String> names(String q) {
    return new TileSearch()
        .find(ALL, ALL, SearchQuery.of(q), 10).stream().map(h -> h.tile().name()).toList();
  }

  private static int score(Tile t, String q) {
    return TileSearch.score(t, SearchQuery.of(q));
  }

  @Test
  void pinyinInitialsFindTheTile() {
    assertThat(names("qj")).containsExactly("学生请假");
    assertThat(names("kb")).containsExactly("查课表");
    assertThat(names("xsqj")).containsExactly("学生请假");
    assertThat(names("QJ")).as("upper case as typed on a phone").containsExactly("学生请假");
  }

  @Test
  void fullPinyinFindsTheTile() {
    assertThat(names("qingjia")).containsExactly("学生请假");
    assertThat(names("qing jia")).as("spaces between syllables").containsExactly("学生请假");
    assertThat(names("kebiao")).containsExactly("查课表");
    assertThat(names("tushuguan")).containsExactly("图书馆");
  }

  @Test
  void chineseEnglishDescriptionAndKeywords() {
    assertThat(names("请假")).containsExactly("学生请假");
    assertThat(names("library")).containsExactly("图书馆");
    assertThat(names("病假")).as("an admin's keyword").containsExactly("学生请假");
    assertThat(names("续借")).as("the description").containsExactly("图书馆");
  }

  @Test
  void ranksExactThenPrefixThenContainsThenInitialsThenFullThenDescription() {
    assertThat(score(FORMS, "收集表")).isEqualTo(TileSearch.EXACT);
    assertThat(score(FORMS, "收集")).isEqualTo(TileSearch.PREFIX);
    assertThat(score(LEAVE, "请假")).isEqualTo(TileSearch.CONTAINS);
    assertThat(score(LEAVE, "xs")).isEqualTo(TileSearch.INITIALS_PREFIX);
    assertThat(score(LEAVE, "qj")).isEqualTo(TileSearch.INITIALS);
    assertThat(score(LEAVE, "xuesheng")).isEqualTo(TileSearch.FULL_PREFIX);
    assertThat(score(LEAVE, "qingjia")).isEqualTo(TileSearch.FULL);
    assertThat(score(LEAVE, "事假")).isEqualTo(TileSearch.KEYWORDS);
    assertThat(score(LEAVE, "销假")).isEqualTo(TileSearch.DESCRIPTION);
    assertThat(score(NOTICES, "qj")).isZero();
    assertThat(
            List.of(
                TileSearch.EXACT,
                TileSearch.PREFIX,
                TileSearch.CONTAINS,
                TileSearch.INITIALS_PREFIX,
                TileSearch.INITIALS,
                TileSearch.FULL_PREFIX,
                TileSearch.FULL,
                TileSearch.KEYWORDS,
                TileSearch.DESCRIPTION))
        .isSortedAccordingTo((a, b) -> b - a);
  }

  @Test
  void betterMatchesComeFirstTiesKeepTheHomeOrder() {
    Tile notices2 = tile(6, "通知公告", null, TileTexts.NONE);
    Tile school = tile(7, "学校通知", null, TileTexts.NONE);
    List<Tile> all = List.of(school, notices2, NOTICES);
    assertThat(
            new TileSearch()
                .find(all, all, SearchQuery.of("通知"), 10).stream()
                    .map(h -> h.tile().name())
                    .toList())
        .containsExactly("通知", "通知公告", "学校通知");
    // "表": 收集表 and 查课表 both contain it: the home page's order.
    assertThat(names("表")).containsExactly("查课表", "收集表");
  }

  @Test
  void onlyTheGivenTilesAreSearched() {
    List<Tile> visible = List.of(TIMETABLE, FORMS);
    assertThat(new TileSearch().find(ALL, visible, SearchQuery.of("qj"), 10)).isEmpty();
  }

  @Test
  void badInputFindsNothingAndDoesNotFail() {
    assertThat(names("")).isEmpty();
    assertThat(names("   ")).isEmpty();
    assertThat(names(null)).isEmpty();
    assertThat(names("' OR 1=1 --")).isEmpty();
    assertThat(names("<script>alert(1)</script>")).isEmpty();
    assertThat(names("x".repeat(2000))).isEmpty();
    assertThat(names("请假".repeat(1000))).isEmpty();
  }

  @Test
  void theLimitHolds() {
    assertThat(new TileSearch().find(ALL, ALL, SearchQuery.of("表"), 1)).hasSize(1);
  }
}
