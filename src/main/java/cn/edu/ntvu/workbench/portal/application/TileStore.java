package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.portal.domain.DepartmentTree;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import java.util.List;
import java.util.Optional;

/**
 * Where tiles are kept. Every change runs in the caller's transaction, bumps the tiles version and
 * fires {@link TilesChanged}.
 */
public interface TileStore {
  /**
   * What decides whether cached tiles and departments are current, in one query.
   *
   * @param tilesVersion bumped by every tile change
   * @param departmentsStamp changes whenever a department is added, changed or removed
   */
  record Stamp(long tilesVersion, String departmentsStamp) {}

  Stamp stamp();

  /** Every tile, by scene and position. */
  List<Tile> all();

  Optional<Tile> byId(long id);

  DepartmentTree departments();

  /** Stores a new tile at the end of its scene; returns its id. */
  long insert(Tile tile, String actor);

  /**
   * Saves {@code tile} if it still has {@code tile.version()}; else throws {@link
   * StaleTileException}.
   */
  void update(Tile tile, String actor);

  /** Deletes the tile if it still has {@code version}; else throws {@link StaleTileException}. */
  void delete(long id, int version);

  /**
   * Swaps the tile with its neighbour above ({@code up}) or below in its scene; false at the edge.
   */
  boolean move(long id, boolean up, String actor);

  /**
   * Replaces every tile with {@code tiles} (positions in list order within each scene), if the
   * tiles version is still {@code expectedVersion}; false (and nothing changed) if someone changed
   * tiles since.
   */
  boolean replaceAll(List<Tile> tiles, long expectedVersion, String actor);

  /**
   * Stores an uploaded icon (already re-encoded) as uploaded {@code now}; the same name again only
   * renews that time (an icon no tile uses is removed an hour after its last upload: {@link
   * #removeUnusedIcons}).
   */
  void saveIcon(String name, byte[] png, String actor, java.time.LocalDateTime now);

  /**
   * Marks uploaded icon {@code name} as used {@code now} in the caller's transaction (a tile is
   * being saved with it); false when there is no such icon. Its row stays locked until the save
   * commits, so the cleanup cannot remove it in between.
   */
  boolean touchIcon(String name, java.time.LocalDateTime now);

  /**
   * Removes uploaded icons no tile uses that were uploaded or used before {@code before}; at most
   * {@code limit}.
   */
  int removeUnusedIcons(java.time.LocalDateTime before, int limit);

  /** An uploaded icon's PNG. */
  Optional<byte[]> icon(String name);

  /** Every uploaded icon's name, newest first. */
  List<String> iconNames();
}
