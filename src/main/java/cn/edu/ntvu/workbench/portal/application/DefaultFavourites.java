package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.portal.domain.Favourites;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admins' default 常用 rows, one per audience ({@link Favourites#AUDIENCES}): what a person sees
 * until they change their own row. Each change in one transaction with its audit entry.
 */
@Requires(roles = Role.ADMIN)
@ApplicationScoped
@Transactional
public class DefaultFavourites {
  @Inject FavouriteStore store;
  @Inject TileStore tiles;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** Every default row by audience. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, List<Long>> all() {
    return store.defaults();
  }

  /**
   * Sets {@code audience}'s row: known tiles only, at most {@link Favourites#MAX} (refused with
   * {@code workbench.fav.limit}, nothing changed).
   */
  public void save(String audience, List<Long> ids, AuditActor actor) {
    if (!Favourites.AUDIENCES.contains(audience)) {
      throw new TileInputException("workbench.fav.audienceUnknown");
    }
    if (ids.size() > Favourites.MAX) {
      throw new TileInputException("workbench.fav.limit", String.valueOf(Favourites.MAX));
    }
    Map<Long, String> names =
        tiles.all().stream().collect(Collectors.toMap(Tile::id, Tile::name, (a, b) -> a));
    if (!names.keySet().containsAll(Set.copyOf(ids))) {
      throw new TileInputException("workbench.error.gone");
    }
    List<Long> before = store.defaults().getOrDefault(audience, List.of());
    if (before.equals(ids)) {
      return;
    }
    store.saveDefault(audience, ids, actor.account(), LocalDateTime.now(clock));
    audit.record(
        actor,
        "TILE_FAVOURITE_DEFAULT",
        AuditObject.of("tile_favourite_default", audience, audience),
        AuditDiff.between(
            Map.of("tiles", label(before, names)), Map.of("tiles", label(ids, names))));
  }

  private static String label(List<Long> ids, Map<Long, String> names) {
    return ids.stream()
        .map(id -> names.getOrDefault(id, "#" + id) + "(" + id + ")")
        .collect(Collectors.joining("、"));
  }
}
