package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.domain.Favourites;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One person's 常用 row and 最近使用. Every method acts for the signed-in person it is given (the
 * request's, never an account from the request), and only on tiles that person sees now: pinning a
 * tile they cannot see is refused ({@link #NOT_VISIBLE}) and nothing is stored. A person without a
 * row of their own sees the default row of their role or kind ({@link Favourites#defaults}); their
 * first change starts from that row and makes it theirs.
 */
@ApplicationScoped
public class MyFavourites {
  /** The message key of a refusal because the person does not see the tile. */
  public static final String NOT_VISIBLE = "workbench.fav.notVisible";

  @Inject FavouriteStore store;
  @Inject WorkbenchTiles tiles;
  @Inject Clock clock;

  public MyFavourites() {}

  MyFavourites(FavouriteStore store, WorkbenchTiles tiles, Clock clock) {
    this.store = store;
    this.tiles = tiles;
    this.clock = clock;
  }

  /** What the home page shows: tile ids of the row and of the recent ones, only visible ones. */
  public record Shown(List<Long> favourites, List<Long> recent, boolean own) {
    public static final Shown NONE = new Shown(List.of(), List.of(), false);
  }

  /** The person's row and recent tiles (one statement), among {@code visible} tile ids. */
  public Shown shown(SignedInUser user, Collection<Long> visible) {
    return shown(user, store.personal(user.account()), visible);
  }

  static Shown shown(SignedInUser user, FavouriteStore.Personal p, Collection<Long> visible) {
    Set<Long> v = Set.copyOf(visible);
    List<Long> row =
        p.own().orElseGet(() -> Favourites.defaults(p.defaults(), user.kind(), user.roles()));
    return new Shown(
        Favourites.shown(row, v), Favourites.recent(p.recent(), v), p.own().isPresent());
  }

  public List<Long> pin(SignedInUser user, long tileId) {
    Set<Long> visible = visible(user);
    requireVisible(visible, tileId);
    return change(user, visible, row -> Favourites.pin(row, tileId));
  }

  public List<Long> unpin(SignedInUser user, long tileId) {
    return change(user, visible(user), row -> Favourites.unpin(row, tileId));
  }

  public List<Long> move(SignedInUser user, long tileId, boolean up) {
    return change(user, visible(user), row -> Favourites.move(row, tileId, up));
  }

  /** The row in a new order (a drag): exactly the tiles of the row as the person sees it. */
  public List<Long> order(SignedInUser user, List<Long> ids) {
    return change(user, visible(user), row -> Favourites.reorder(row, ids));
  }

  /** The person opened a tile from the home page (an external one: the page says so). */
  public void opened(SignedInUser user, long tileId) {
    requireVisible(visible(user), tileId);
    recordOpen(user, tileId);
  }

  /**
   * The person opened a tile the caller has already found visible to them (an internal tile's page
   * passing {@code TileAccessFilter}): one upsert.
   */
  public void recordOpen(SignedInUser user, long tileId) {
    store.opened(user.account(), tileId, LocalDateTime.now(clock));
  }

  private List<Long> change(SignedInUser user, Set<Long> visible, UnaryOperator<List<Long>> how) {
    return store.changeOwn(
        user.account(),
        (Optional<List<Long>> own) -> {
          List<Long> row =
              own.orElseGet(() -> Favourites.defaults(store.defaults(), user.kind(), user.roles()));
          // Tiles the person no longer sees leave the row with their first change.
          return how.apply(Favourites.shown(row, visible));
        });
  }

  private Set<Long> visible(SignedInUser user) {
    return tiles.snapshot(user).visible().stream().map(Tile::id).collect(Collectors.toSet());
  }

  private static void requireVisible(Set<Long> visible, long tileId) {
    if (!visible.contains(tileId)) {
      throw new TileInputException(NOT_VISIBLE);
    }
  }
}
