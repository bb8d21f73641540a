package cn.edu.ntvu.workbench.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.portal.domain.DepartmentTree;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileKind;
import cn.edu.ntvu.workbench.portal.domain.TileState;
import cn.edu.ntvu.workbench.portal.domain.Viewer;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a request sees of tiles with states (issue 21). */
class SnapshotStatesTest {
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 7, 10, 0);
  private static final Viewer STUDENT =
      new Viewer("20240100001", PersonKind.STUDENT, Set.of(Role.STUDENT), "2401000", Set.of());

  private static Tile tile(long id, String target) {
    return new Tile(
        id,
        Scene.TEACHING,
        (int) id,
        "应用" + id,
        null,
        "calendar",
        TileKind.INTERNAL,
        target,
        true,
        null,
        Visibility.EVERYONE,
        0,
        null,
        null);
  }

  private static WorkbenchTiles.Snapshot snapshot(Map<Long, TileState> states) {
    return new WorkbenchTiles.Snapshot(
        List.of(tile(1, "/leave/"), tile(2, "/forms/")),
        STUDENT,
        new DepartmentTree(Map.of()),
        states,
        List.of(),
        NOW);
  }

  @Test
  void outsideItsDatesATileIsNeitherShownNorOpenable() {
    LocalDate today = NOW.toLocalDate();
    var s =
        snapshot(
            Map.of(1L, new TileState(1, false, null, null, null, null, today.plusDays(1), null)));
    assertThat(s.visible()).extracting(Tile::id).containsExactly(2L);
    assertThat(s.mayOpen("/leave/apply.xhtml")).isFalse();
    assertThat(s.mayOpen("/forms/index.xhtml")).isTrue();
    assertThat(s.mayOpen("/account/")).as("no tile's page").isTrue();
    var within =
        snapshot(Map.of(1L, new TileState(1, false, null, null, null, null, today, today)));
    assertThat(within.visible()).hasSize(2);
    assertThat(within.mayOpen("/leave/apply.xhtml")).isTrue();
  }

  @Test
  void aPageOfATileInMaintenanceNamesTheTile() {
    var s =
        snapshot(
            Map.of(1L, new TileState(1, true, "升级", null, NOW.plusHours(1), null, null, null)));
    assertThat(s.visible()).as("still shown").hasSize(2);
    assertThat(s.maintenanceOf("/leave/apply.xhtml")).map(Tile::id).contains(1L);
    assertThat(s.maintenanceOf("/forms/index.xhtml")).isEmpty();
    var over =
        snapshot(
            Map.of(1L, new TileState(1, true, "升级", null, NOW.minusMinutes(1), null, null, null)));
    assertThat(over.maintenanceOf("/leave/apply.xhtml")).isEmpty();
  }
}
