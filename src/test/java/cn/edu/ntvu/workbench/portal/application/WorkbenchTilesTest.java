package cn.edu.ntvu.workbench.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.domain.DepartmentTree;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileKind;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkbenchTilesTest {
  /** An in-memory store that counts reads. */
  static final class FakeStore implements TileStore {
    long version = 1;
    String deptStamp = "d1";
    final List<Tile> tiles = new ArrayList<>();
    int allReads;
    int treeReads;

    int stampReads;

    @Override
    public Stamp stamp() {
      stampReads++;
      return new Stamp(version, deptStamp);
    }

    @Override
    public List<Tile> all() {
      allReads++;
      return List.copyOf(tiles);
    }

    @Override
    public Optional<Tile> byId(long id) {
      return tiles.stream().filter(t -> t.id() == id).findFirst();
    }

    @Override
    public DepartmentTree departments() {
      treeReads++;
      return new DepartmentTree(Map.of("01", "", "0101", "01", "02", ""));
    }

    @Override
    public long insert(Tile tile, String actor) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void update(Tile tile, String actor) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(long id, int version) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean move(long id, boolean up, String actor) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean replaceAll(List<Tile> tiles, long expectedVersion, String actor) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void saveIcon(String name, byte[] png, String actor, java.time.LocalDateTime now) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean touchIcon(String name, java.time.LocalDateTime now) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int removeUnusedIcons(java.time.LocalDateTime before, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<byte[]> icon(String name) {
      return Optional.empty();
    }

    @Override
    public List<String> iconNames() {
      return List.of();
    }
  }

  private static Tile tile(long id, String target, boolean enabled, Visibility v) {
    return new Tile(
        id,
        Scene.TEACHING,
        (int) id,
        "t" + id,
        null,
        "calendar",
        TileKind.INTERNAL,
        target,
        enabled,
        null,
        v,
        0,
        "x",
        Instant.EPOCH);
  }

  private static SignedInUser user(long personId, String classCode) {
    return new SignedInUser(
        personId,
        "a" + personId,
        "n",
        PersonKind.STUDENT,
        "u",
        classCode,
        personId == 1 ? "0101" : "02",
        Set.of(Role.STUDENT),
        SignInPath.DEV,
        Instant.EPOCH);
  }

  @Test
  void tileListIsReadOncePerVersion() {
    FakeStore store = new FakeStore();
    store.tiles.add(tile(1, "/timetable/", true, Visibility.EVERYONE));
    WorkbenchTiles tiles = new WorkbenchTiles(store);
    for (int i = 0; i < 5; i++) {
      assertThat(tiles.snapshot(user(1, "2401000")).visible()).hasSize(1);
    }
    assertThat(store.allReads).isEqualTo(1);
    assertThat(store.treeReads).isEqualTo(1);
    assertThat(store.stampReads).as("the stamp is reused for a moment").isEqualTo(1);
    store.tiles.add(tile(2, "/x/", true, Visibility.EVERYONE));
    store.version = 2;
    // A change on another server: seen once the stamp is read again.
    assertThat(tiles.snapshot(user(1, "2401000")).visible()).hasSize(1);
    // A change committed on this server: seen at once.
    tiles.tilesChanged(new TilesChanged());
    assertThat(tiles.snapshot(user(1, "2401000")).visible()).hasSize(2);
    assertThat(store.allReads).isEqualTo(2);
    assertThat(store.treeReads).isEqualTo(1);
    assertThat(store.stampReads).isEqualTo(2);
  }

  @Test
  void departmentRuleUsesTheTreeFromTheStore() {
    FakeStore store = new FakeStore();
    store.tiles.add(
        tile(
            1,
            "/dept01/",
            true,
            new Visibility(false, Set.of(), Set.of(), Set.of("01"), Set.of(), Set.of())));
    WorkbenchTiles tiles = new WorkbenchTiles(store);
    assertThat(tiles.snapshot(user(1, "2401000")).visible())
        .hasSize(1); // person 1 is in 0101, under 01
    assertThat(tiles.snapshot(user(2, "2402000")).visible()).isEmpty(); // person 2 is in 02
  }

  @Test
  void internalPagesAreOnlyForPeopleTheTileIsVisibleTo() {
    FakeStore store = new FakeStore();
    store.tiles.add(
        tile(
            1,
            "/club/",
            true,
            new Visibility(false, Set.of(), Set.of(), Set.of(), Set.of("2401000"), Set.of())));
    store.tiles.add(tile(2, "/off/", false, Visibility.EVERYONE));
    WorkbenchTiles tiles = new WorkbenchTiles(store);
    WorkbenchTiles.Snapshot in = tiles.snapshot(user(1, "2401000"));
    WorkbenchTiles.Snapshot out = tiles.snapshot(user(1, "2401001"));
    assertThat(in.mayOpen("/club/index.xhtml")).isTrue();
    assertThat(out.mayOpen("/club/index.xhtml")).isFalse();
    assertThat(out.mayOpen("/club")).isFalse();
    assertThat(in.mayOpen("/off/page.xhtml")).isFalse();
    assertThat(out.mayOpen("/timetable/")).isTrue(); // no tile covers it
    assertThat(out.mayOpen("/clubs/")).isTrue();
  }
}
