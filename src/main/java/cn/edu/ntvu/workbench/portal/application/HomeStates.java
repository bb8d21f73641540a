package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.domain.Banner;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the home page shows of tile states (issue 21): which of the person's tiles carry the 新 dot
 * (marked new and not yet opened by them), which are in maintenance, and the banners for them.
 * States and banners come with the cached tiles (no query); the 新 dots cost one query, and only
 * when the person sees a tile marked new.
 */
@ApplicationScoped
public class HomeStates {
  private static final Logger LOG = Logger.getLogger(HomeStates.class.getName());

  @Inject WorkbenchTiles tiles;
  @Inject TileStateStore store;

  /** The marks of one home page. */
  public record Marks(Set<Long> newTiles, Set<Long> maintenance, List<Banner> banners) {
    public static final Marks NONE = new Marks(Set.of(), Set.of(), List.of());

    public Marks {
      newTiles = Set.copyOf(newTiles);
      maintenance = Set.copyOf(maintenance);
      banners = List.copyOf(banners);
    }
  }

  /** The marks for {@code user}; none when they cannot be read (the home page still works). */
  public Marks of(SignedInUser user) {
    try {
      WorkbenchTiles.Snapshot s = tiles.snapshot(user);
      Set<Long> news = new TreeSet<>();
      Set<Long> maintenance = new TreeSet<>();
      for (Tile t : s.visible()) {
        var state = s.state(t.id());
        if (state.inMaintenanceAt(s.now())) {
          maintenance.add(t.id());
        } else if (state.isNew()) {
          news.add(t.id());
        }
      }
      if (!news.isEmpty()) {
        news.removeAll(store.seen(user.account(), new ArrayList<>(news)));
      }
      return new Marks(news, maintenance, s.bannersShown());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "tile states unavailable", e);
      return Marks.NONE;
    }
  }
}
