package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.files.UploadQuota;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileIcons;
import cn.edu.ntvu.workbench.portal.domain.TileInputException;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Admin changes to tiles, each in one transaction with its audit entry: the change and its entry
 * commit together or not at all. A stale save ({@link StaleTileException}) rolls back and records
 * nothing.
 */
@Requires(roles = Role.ADMIN)
@ApplicationScoped
@Transactional
public class TileAdmin {
  @Inject TileStore store;
  @Inject AuditTrail audit;
  @Inject UploadQuota quota;
  @Inject Clock clock;

  /** Stores a new tile (already {@link Tile#checked}) and returns its id. */
  public long create(Tile tile, AuditActor actor) {
    requireIcon(tile);
    long id = store.insert(tile, actor.account());
    audit.record(actor, "TILE_CREATE", object(id, tile), AuditDiff.created(fields(tile)));
    return id;
  }

  /** Saves an edited tile carrying the version it was read at. */
  public void update(Tile tile, AuditActor actor) {
    requireIcon(tile);
    Optional<Tile> before = store.byId(tile.id());
    store.update(tile, actor.account());
    audit.record(
        actor,
        "TILE_UPDATE",
        object(tile.id(), tile),
        AuditDiff.between(before.map(TileAdmin::fields).orElse(Map.of()), fields(tile)));
  }

  public void delete(long id, int version, AuditActor actor) {
    Optional<Tile> before = store.byId(id);
    store.delete(id, version);
    audit.record(
        actor,
        "TILE_DELETE",
        object(id, before.orElse(null)),
        AuditDiff.between(before.map(TileAdmin::fields).orElse(Map.of()), Map.of()));
  }

  /** Moves a tile one place up or down in its scene; false if it is already first (last). */
  public boolean move(long id, boolean up, AuditActor actor) {
    Optional<Tile> before = store.byId(id);
    boolean moved = store.move(id, up, actor.account());
    if (moved) {
      Optional<Tile> after = store.byId(id);
      audit.record(
          actor,
          "TILE_MOVE",
          object(id, before.orElse(null)),
          AuditDiff.between(
              Map.of("position", before.map(Tile::position).orElse(-1)),
              Map.of("position", after.map(Tile::position).orElse(-1))));
    }
    return moved;
  }

  /** Every tile and the uploaded icons they use, as a file for another server. */
  public byte[] export(java.time.OffsetDateTime now) {
    List<Tile> tiles = store.all();
    Map<String, byte[]> icons = new LinkedHashMap<>();
    for (Tile t : tiles) {
      if (TileIcons.isUploaded(t.icon())) {
        store.icon(t.icon()).ifPresent(png -> icons.put(t.icon(), png));
      }
    }
    return TileTransfer.write(tiles, icons, now);
  }

  /** The tiles version now, to be handed back to {@link #importAll}. */
  public long version() {
    return store.stamp().tilesVersion();
  }

  /**
   * Replaces the whole tile configuration with an imported file's tiles, if nobody changed tiles
   * since {@code version} was read (the preview); false otherwise, and nothing changed.
   */
  public boolean importAll(
      TileTransfer.Read file, long version, String fileName, AuditActor actor) {
    List<Tile> tiles = file.tiles();
    List<Tile> before = store.all();
    LocalDateTime now = LocalDateTime.now(clock);
    file.icons().forEach((name, png) -> store.saveIcon(name, png, actor.account(), now));
    if (!store.replaceAll(tiles, version, actor.account())) {
      return false;
    }
    TileTransfer.Changes changes = TileTransfer.changes(before, tiles);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("file", fileName);
    after.put("tiles", tiles.size());
    after.put("added", String.join("、", changes.added()));
    after.put("changed", String.join("、", changes.changed()));
    after.put("removed", String.join("、", changes.removed()));
    audit.record(
        actor,
        "TILE_IMPORT",
        AuditObject.of("tile", "*", fileName),
        AuditDiff.between(Map.of("tiles", before.size()), after));
    return true;
  }

  /**
   * Checks and re-encodes an uploaded icon ({@link IconImage}), stores it and returns its name;
   * refusals are {@link cn.edu.ntvu.workbench.portal.domain.TileInputException}s. The upload counts
   * against the admin's daily upload quota. An icon that no tile uses an hour later is removed by
   * the upload cleanup ({@link UnusedIcons}): it was uploaded for a tile that was never saved.
   */
  public String uploadIcon(byte[] upload, String fileName, AuditActor actor) {
    IconImage.Icon icon = IconImage.normalize(upload);
    quota
        .take(actor.account(), 1, upload.length)
        .ifPresent(
            r -> {
              throw new TileInputException(
                  "workbench.icon.quota",
                  r.args().stream().map(String::valueOf).toArray(String[]::new));
            });
    store.saveIcon(icon.name(), icon.png(), actor.account(), LocalDateTime.now(clock));
    audit.record(
        actor,
        "TILE_ICON_UPLOAD",
        AuditObject.of("tile_icon", icon.name(), fileName == null ? "" : fileName),
        AuditDiff.created(Map.of("icon", icon.name(), "bytes", icon.png().length)));
    return icon.name();
  }

  /**
   * An uploaded icon must be one we stored (a form post could name any, and the cleanup may have
   * removed one that no tile used for an hour); touching it keeps the cleanup off it while this
   * save commits.
   */
  private void requireIcon(Tile tile) {
    if (TileIcons.isUploaded(tile.icon())
        && !store.touchIcon(tile.icon(), LocalDateTime.now(clock))) {
      throw new TileInputException("workbench.error.icon");
    }
  }

  private static AuditObject object(long id, Tile tile) {
    return AuditObject.of("tile", id, tile == null ? "" : tile.name());
  }

  /** What an admin changes on a tile, as the audit log shows it. */
  static Map<String, Object> fields(Tile t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scene", t.scene().name());
    m.put("name", t.name());
    m.put("description", t.description());
    m.put("icon", t.icon());
    m.put("kind", t.kind().name());
    m.put("target", t.target());
    m.put("enabled", t.enabled());
    m.put("badge", t.badgeKey());
    if (t.texts().keywords() != null) {
      m.put("keywords", t.texts().keywords()); // issue 21: what the search finds it by
    }
    Visibility v = t.visibility();
    m.put("visibleToEveryone", v.everyone());
    if (!v.everyone()) {
      m.put("visibleRoles", listed(v.roles()));
      m.put("visibleKinds", listed(v.kinds()));
      m.put("visibleDepartments", listed(v.departments()));
      m.put("visibleClasses", listed(v.classes()));
      m.put("visiblePeople", listed(v.people()));
    }
    return m;
  }

  private static String listed(java.util.Collection<?> values) {
    return values.isEmpty() ? null : Visibility.join(values);
  }
}
