package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.cache.Recent;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.time.SchoolClock;
import cn.edu.ntvu.workbench.portal.domain.Banner;
import cn.edu.ntvu.workbench.portal.domain.DepartmentTree;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileState;
import cn.edu.ntvu.workbench.portal.domain.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
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

  /** Tile states and banners (issue 21), cached with the tiles at the same version. */
  @Inject TileStateStore stateStore;

  @Inject java.time.Clock clock;

  private record CachedTiles(
      long version, List<Tile> tiles, Map<Long, TileState> states, List<Banner> banners) {}

  private record CachedTree(String stamp, DepartmentTree tree) {}

  /** How long a server reuses the stamp before reading it again. */
  public static final Duration STAMP_MAX_AGE = Duration.ofSeconds(1);

  private volatile CachedTiles tiles;
  private volatile CachedTree tree;
  private final Recent<TileStore.Stamp> stamp = new Recent<>(STAMP_MAX_AGE);

  /** Only for unit tests built without CDI: a fixed school-day instant. */
  private static final Clock UNIT_TEST_CLOCK =
      Clock.fixed(
          LocalDateTime.of(2026, 11, 25, 9, 0).atZone(SchoolClock.ZONE).toInstant(),
          SchoolClock.ZONE);

  public WorkbenchTiles() {}

  WorkbenchTiles(TileStore store) {
    this.store = store;
  }

  /**
   * What one request knows: every tile (current), who is looking, the tiles' states and the banners
   * not yet over, and the school clock's time.
   */
  public record Snapshot(
      List<Tile> tiles,
      Viewer viewer,
      DepartmentTree departments,
      Map<Long, TileState> states,
      List<Banner> banners,
      LocalDateTime now) {
    public Snapshot {
      states = states == null ? Map.of() : states;
      banners = banners == null ? List.of() : banners;
    }

    /** Without states or banners. */
    public Snapshot(List<Tile> tiles, Viewer viewer, DepartmentTree departments) {
      this(tiles, viewer, departments, Map.of(), List.of(), null);
    }

    /** A tile's state; nothing set when it has none. */
    public TileState state(long tileId) {
      TileState s = states.get(tileId);
      return s == null ? TileState.none(tileId) : s;
    }

    /** Enabled, visible to the viewer and within its visible dates. */
    public boolean shows(Tile t) {
      return t.isVisibleTo(viewer) && (now == null || state(t.id()).shownAt(now));
    }

    /** Enabled tiles the viewer may see today, by scene and position. */
    public List<Tile> visible() {
      return tiles.stream().filter(this::shows).toList();
    }

    /**
     * Whether the viewer may open {@code path}: true when no internal tile covers it (not a tile's
     * page), else when any covering tile is enabled, visible to them and within its dates.
     */
    public boolean mayOpen(String path) {
      List<Tile> covering = tiles.stream().filter(t -> t.covers(path)).toList();
      return covering.isEmpty() || covering.stream().anyMatch(this::shows);
    }

    /**
     * The tile in maintenance whose page {@code path} is, when every tile covering it that the
     * viewer may open is in maintenance now; empty otherwise.
     */
    public java.util.Optional<Tile> maintenanceOf(String path) {
      if (now == null) {
        return java.util.Optional.empty();
      }
      List<Tile> open = tiles.stream().filter(t -> t.covers(path)).filter(this::shows).toList();
      return open.isEmpty() || !open.stream().allMatch(t -> state(t.id()).inMaintenanceAt(now))
          ? java.util.Optional.empty()
          : java.util.Optional.of(open.get(0));
    }

    /** The banners shown to the viewer now. */
    public List<Banner> bannersShown() {
      return now == null
          ? List.of()
          : banners.stream().filter(b -> b.shownTo(viewer, now)).toList();
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
    CachedTiles c = tiles;
    return new Snapshot(
        list,
        viewer,
        departments,
        c == null ? Map.of() : c.states(),
        c == null ? List.of() : c.banners(),
        now());
  }

  /**
   * The school clock's time; a unit test that builds this without CDI gets the zone's time at its
   * fixed offset (never the machine's clock).
   */
  private LocalDateTime now() {
    return LocalDateTime.now(clock == null ? UNIT_TEST_CLOCK : clock);
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
    Map<Long, TileState> states = Map.of();
    List<Banner> banners = List.of();
    if (stateStore != null) {
      states = Map.copyOf(stateStore.states());
      // A banner that ends later is filtered per request; one that starts later bumps nothing.
      banners = List.copyOf(stateStore.bannersNotOver(now()));
    }
    tiles = new CachedTiles(version, fresh, states, banners);
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
