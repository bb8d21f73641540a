package cn.edu.ntvu.workbench.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileTexts;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Results respect visibility exactly as the home page's tiles do; a failing app only loses its
 * group.
 */
class WorkbenchSearchTest {
  private static SignedInUser user(String account, PersonKind kind, Role role) {
    return new SignedInUser(
        1, account, "n", kind, "u", null, "02", Set.of(role), SignInPath.DEV, Instant.EPOCH);
  }

  private static final SignedInUser STUDENT = user("s1", PersonKind.STUDENT, Role.STUDENT);
  private static final SignedInUser TEACHER = user("t1", PersonKind.STAFF, Role.TEACHER);

  private static WorkbenchSearch search(List<SearchableItems> providers, Tile... tiles) {
    WorkbenchTilesTest.FakeStore store = new WorkbenchTilesTest.FakeStore();
    store.tiles.addAll(List.of(tiles));
    return new WorkbenchSearch(new WorkbenchTiles(store), providers);
  }

  private static Tile staffOnly() {
    Tile t = TileSearchTest.tile(10, "请假审批", null, TileTexts.NONE);
    return new Tile(
        t.id(),
        t.scene(),
        t.position(),
        t.name(),
        t.description(),
        t.icon(),
        t.kind(),
        t.target(),
        true,
        null,
        Visibility.ofRoles(Role.TEACHER),
        0,
        "x",
        Instant.EPOCH,
        TileTexts.NONE);
  }

  private static Tile disabled() {
    Tile t = TileSearchTest.tile(11, "请假旧版", null, TileTexts.NONE);
    return new Tile(
        t.id(),
        t.scene(),
        t.position(),
        t.name(),
        t.description(),
        t.icon(),
        t.kind(),
        t.target(),
        false,
        null,
        Visibility.EVERYONE,
        0,
        "x",
        Instant.EPOCH,
        TileTexts.NONE);
  }

  @Test
  void aTileHiddenFromAStudentIsNeverInTheirResults() {
    WorkbenchSearch s = search(List.of(), TileSearchTest.LEAVE, staffOnly(), disabled());
    for (String q : List.of("请假", "qj", "qingjia", "审批", "sp", "请假审批", "旧版")) {
      assertThat(s.search(STUDENT, q).tiles())
          .extracting(Tile::name)
          .doesNotContain("请假审批", "请假旧版");
    }
    assertThat(s.search(STUDENT, "qj").tiles()).extracting(Tile::name).containsExactly("学生请假");
    assertThat(s.search(TEACHER, "qj").tiles())
        .extracting(Tile::name)
        .as("qj opens 请假审批's initials: it ranks first")
        .containsExactly("请假审批", "学生请假");
  }

  @Test
  void appsAreAskedForThePersonAndGroupedInOrderAFailingOneIsLeftOut() {
    SearchableItems forms =
        provider(
            10,
            (u, q) ->
                List.of(new SearchableItems.Found("体检表 of " + u.account(), null, null, "/f")));
    SearchableItems broken =
        provider(
            5,
            (u, q) -> {
              throw new IllegalStateException("down");
            });
    SearchableItems none = provider(1, (u, q) -> List.of());
    WorkbenchSearch s = search(List.of(forms, broken, none));
    WorkbenchSearch.Result r = s.search(STUDENT, "tj");
    assertThat(r.groups()).hasSize(1);
    assertThat(r.groups().get(0).items())
        .extracting(SearchableItems.Found::title)
        .containsExactly("体检表 of s1");
    assertThat(r.count()).isEqualTo(1);
  }

  @Test
  void anEmptyQueryAsksNobody() {
    SearchableItems boom =
        provider(
            1,
            (u, q) -> {
              throw new AssertionError("asked");
            });
    WorkbenchSearch s = search(List.of(boom), TileSearchTest.LEAVE);
    assertThat(s.search(STUDENT, "").isEmpty()).isTrue();
    assertThat(s.search(STUDENT, "  ").isEmpty()).isTrue();
    assertThat(s.search(STUDENT, null).isEmpty()).isTrue();
  }

  interface Finder {
    List<SearchableItems.Found> find(SignedInUser u, SearchQuery q);
  }

  private static SearchableItems provider(int order, Finder f) {
    return new SearchableItems() {
      @Override
      public String groupBundle() {
        return "i18n.forms";
      }

      @Override
      public String groupKey() {
        return "forms.search.group";
      }

      @Override
      public int order() {
        return order;
      }

      @Override
      public List<Found> find(SignedInUser user, SearchQuery query, int limit) {
        return f.find(user, query);
      }
    };
  }
}
