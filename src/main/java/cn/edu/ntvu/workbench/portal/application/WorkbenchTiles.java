package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.cache.Recent;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.domain.DepartmentTree;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The tiles a person sees, and whether they may open an internal tile's page. The tile list and the
 * department tree are cached per server, each keyed by a stamp ({@link TileStore#stamp}, one
 * query): every tile change bumps the tiles version in its transaction, so a list cached at a
 * version is right for that version on every server. The stamp itself is reused for {@link
 * #STAMP_MAX_AGE}: a change made on this server is seen at once (the stamp is forgotten when the
 * change commits), one made on another server within that time. The pages people open most
 * therefore cost no query here, whatever the number of tiles; the person's own department comes
 * from their sign-in.
 */
@ApplicationScoped
public class WorkbenchTiles {
  @Inject TileStore store;

  private record CachedTiles(long version, List<Tile> tiles) {}

  private record CachedTree(String stamp, DepartmentTree tree) {}

  /** How long a server reuses the stamp before reading it again. */
  public static final Duration STAMP_MAX_AGE = Duration.ofSeconds(1);

  private volatile CachedTiles tiles;
  private volatile CachedTree tree;
  private final Recent<TileStore.Stamp> stamp = new Recent<>(STAMP_MAX_AGE);

  public WorkbenchTiles() {}

  WorkbenchTiles(TileStore store) {
    this.store = store;
  }

  /** What one request knows: every tile (current) and who is looking. */
  public record Snapshot(List<Tile> tiles, Viewer viewer, DepartmentTree departments) {
    /** Enabled tiles the viewer may see, by scene and position. */
    public List<Tile> visible() {
      return tiles.stream().filter(t -> t.isVisibleTo(viewer)).toList();
    }

    /**
     * Whether the viewer may open {@code path}: true when no internal tile covers it (not a tile's
     * page), else when any covering tile is enabled and visible to them.
     */
    public boolean mayOpen(String path) {
      List<Tile> covering = tiles.stream().filter(t -> t.covers(path)).toList();
      return covering.isEmpty() || covering.stream().anyMatch(t -> t.isVisibleTo(viewer));
    }
  }

  public Snapshot snapshot(SignedInUser user) {
    TileStore.Stamp now = stamp.get(store::stamp);
    List<Tile> list = tilesAt(now.tilesVersion());
    DepartmentTree departments = treeAt(now.departmentsStamp());
    Viewer viewer =
        new Viewer(
            user.account(),
            user.kind(),
            user.roles(),
            user.classCode(),
            departments.selfAndAncestors(user.departmentCode()));
    return new Snapshot(list, viewer, departments);
  }

  /** A tile change committed on this server: read the stamp again on the next request. */
  void tilesChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TilesChanged change) {
    stamp.forget();
  }

  /** Every tile for the admin console, read fresh. */
  public List<Tile> allFresh() {
    return store.all();
  }

  private List<Tile> tilesAt(long version) {
    CachedTiles c = tiles;
    if (c != null && c.version() == version) {
      return c.tiles();
    }
    // Read after the version: never cached under a newer version than its own.
    List<Tile> fresh = List.copyOf(store.all());
    tiles = new CachedTiles(version, fresh);
    return fresh;
  }

  private DepartmentTree treeAt(String stamp) {
    CachedTree c = tree;
    if (c != null && Objects.equals(c.stamp(), stamp)) {
      return c.tree();
    }
    DepartmentTree fresh = store.departments();
    tree = new CachedTree(stamp, fresh);
    return fresh;
  }
}
