package cn.edu.ntvu.workbench.portal.application;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where 常用 rows (a person's own, the admins' defaults) and 最近使用 are kept. */
public interface FavouriteStore {
  /**
   * What the home page needs of one person, read in one statement.
   *
   * @param own the person's own row; empty when they never made one (the defaults apply)
   * @param defaults every default row by audience
   * @param recent the tiles they opened, newest first (a few more than shown, for tiles no longer
   *     visible)
   */
  record Personal(Optional<List<Long>> own, Map<String, List<Long>> defaults, List<Long> recent) {
    public static final Personal NONE = new Personal(Optional.empty(), Map.of(), List.of());
  }

  Personal personal(String account);

  /**
   * Changes the person's own row under a lock: {@code change} gets their row (empty if they have
   * none) and returns the new one, which is stored; what it throws leaves the row as it was.
   */
  List<Long> changeOwn(
      String account, java.util.function.Function<Optional<List<Long>>, List<Long>> change);

  /** Every default row by audience. */
  Map<String, List<Long>> defaults();

  /** Sets an audience's default row ({@code ids} empty: the audience has none). */
  void saveDefault(String audience, List<Long> ids, String actor, LocalDateTime at);

  /** The person opened a tile now (one row per person and tile). */
  void opened(String account, long tileId, LocalDateTime at);
}
