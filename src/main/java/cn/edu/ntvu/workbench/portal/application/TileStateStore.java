package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.portal.domain.Banner;
import cn.edu.ntvu.workbench.portal.domain.TileState;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where tile states, banners and who has seen a 新 tile are kept. Changes to states and banners run
 * in the caller's transaction, bump the tiles version and fire {@link TilesChanged}: the home page
 * caches them with the tiles.
 */
public interface TileStateStore {
  /** Every tile's state that has anything set, by tile id. */
  Map<Long, TileState> states();

  Optional<TileState> state(long tileId);

  /** Stores (or, when nothing is set, removes) a tile's state. */
  void saveState(TileState state);

  /** Banners not over at {@code now}, earliest start first. */
  List<Banner> bannersNotOver(LocalDateTime now);

  /** The latest banners, newest first, for the admin. */
  List<Banner> latestBanners(int limit);

  Optional<Banner> banner(long id);

  long insertBanner(Banner banner);

  /** Ends a banner at {@code now}; false when it is gone or already over. */
  boolean endBanner(long id, LocalDateTime now);

  /** Of {@code tileIds}, those {@code account} has opened since they were marked 新. */
  Set<Long> seen(String account, Collection<Long> tileIds);

  /** {@code account} opened new tile {@code tileId}. */
  void markSeen(String account, long tileId, LocalDateTime now);

  /** Forgets who saw tiles that are no longer new; returns the rows removed. */
  int forgetSeenOfOldNews();
}
