package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.domain.LaunchKey;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opening a tile through our entry path ({@code /go/<id>}): a tile the person may not see, or one
 * outside its visible dates, is not there; one in maintenance shows its message; else the open is
 * counted (one upsert; a failure to count never stops the open), a 新 tile is marked seen for the
 * person, and the person goes on to the tile's target.
 */
@ApplicationScoped
public class TileLaunch {
  private static final Logger LOG = Logger.getLogger(TileLaunch.class.getName());

  @Inject WorkbenchTiles tiles;
  @Inject LaunchStore launches;
  @Inject TileStateStore states;
  @Inject Event<TileOpened> opened;

  /** What tapping a tile does. */
  public sealed interface Outcome {}

  /** No such tile for this person now. */
  public record NotThere() implements Outcome {}

  /** The tile is in maintenance: show its state's message and expected end. */
  public record InMaintenance(Tile tile, TileState state) implements Outcome {}

  /** Go on to the tile's target (an internal path or an external URL). */
  public record Go(Tile tile) implements Outcome {}

  public Outcome open(SignedInUser user, long tileId) {
    WorkbenchTiles.Snapshot s = tiles.snapshot(user);
    Optional<Tile> found =
        s.tiles().stream().filter(t -> t.id() == tileId).filter(s::shows).findFirst();
    if (found.isEmpty()) {
      return new NotThere();
    }
    Tile tile = found.get();
    TileState state = s.state(tileId);
    if (state.inMaintenanceAt(s.now())) {
      return new InMaintenance(tile, state);
    }
    try {
      launches.count(
          tileId,
          s.now().toLocalDate(),
          LaunchKey.of(launches.salt(), user.account(), s.now().toLocalDate()),
          user.kind() == null ? "OTHER" : user.kind().name());
      if (state.isNew()) {
        states.markSeen(user.account(), tileId, s.now());
      }
      opened.fire(new TileOpened(user.account(), tileId, s.now()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "tile open not counted: " + e.getMessage());
    }
    return new Go(tile);
  }
}
