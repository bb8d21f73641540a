package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The workbench search (issue 21): the tiles a person sees that match what they typed ({@link
 * TileSearch}), and their own things in the micro-apps ({@link SearchableItems}), grouped by app.
 * Exactly the tiles of the home page are searched ({@link WorkbenchTiles.Snapshot#visible()}): a
 * tile hidden from someone is never found by them. Read only; changes nothing.
 */
@ApplicationScoped
public class WorkbenchSearch {
  private static final Logger LOG = Logger.getLogger(WorkbenchSearch.class.getName());

  /** At most this many tiles, and this many things per app. */
  public static final int TILE_LIMIT = 8, ITEM_LIMIT = 5;

  @Inject WorkbenchTiles tiles;
  @Inject Instance<SearchableItems> providers;

  /** Set by tests instead of the CDI beans. */
  private List<SearchableItems> fixed;

  private final TileSearch tileSearch = new TileSearch();

  public WorkbenchSearch() {}

  WorkbenchSearch(WorkbenchTiles tiles, List<SearchableItems> providers) {
    this.tiles = tiles;
    this.fixed = providers;
  }

  /** One app's things found. */
  public record Group(String bundle, String key, List<SearchableItems.Found> items) {}

  /** What a search found: tiles (best first) and the micro-apps' groups. */
  public record Result(SearchQuery query, List<Tile> tiles, List<Group> groups) {
    public static final Result NONE = new Result(SearchQuery.EMPTY, List.of(), List.of());

    public boolean isEmpty() {
      return tiles.isEmpty() && groups.isEmpty();
    }

    public int count() {
      return tiles.size() + groups.stream().mapToInt(g -> g.items().size()).sum();
    }
  }

  public Result search(SignedInUser user, String raw) {
    SearchQuery q = SearchQuery.of(raw);
    if (user == null || q.isEmpty()) {
      return new Result(q, List.of(), List.of());
    }
    WorkbenchTiles.Snapshot snapshot = tiles.snapshot(user);
    List<Tile> found =
        tileSearch.find(snapshot.tiles(), snapshot.visible(), q, TILE_LIMIT).stream()
            .map(TileSearch.Hit::tile)
            .toList();
    List<SearchableItems> ordered = new ArrayList<>();
    if (fixed != null) {
      ordered.addAll(fixed);
    } else {
      providers.forEach(ordered::add);
    }
    ordered.sort(Comparator.comparingInt(SearchableItems::order));
    List<Group> groups = new ArrayList<>();
    for (SearchableItems p : ordered) {
      try {
        List<SearchableItems.Found> items = p.find(user, q, ITEM_LIMIT);
        if (!items.isEmpty()) {
          groups.add(
              new Group(
                  p.groupBundle(),
                  p.groupKey(),
                  items.size() > ITEM_LIMIT ? items.subList(0, ITEM_LIMIT) : items));
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "search: " + p.groupKey() + " unavailable", e);
      }
    }
    return new Result(q, found, groups);
  }
}
