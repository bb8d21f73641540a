package cn.edu.ntvu.workbench.portal.domain;

import java.time.Instant;

/**
 * A tile on the workbench home page.
 *
 * @param id 0 before it is stored
 * @param position order within its scene, smallest first
 * @param badgeKey the {@code BadgeProvider} whose number the tile shows; null for none
 * @param version optimistic lock: a save with an older version is refused
 */
public record Tile(
    long id,
    Scene scene,
    int position,
    String name,
    String description,
    String icon,
    TileKind kind,
    String target,
    boolean enabled,
    String badgeKey,
    Visibility visibility,
    int version,
    String updatedBy,
    Instant updatedAt,
    TileTexts texts) {

  public Tile {
    texts = texts == null ? TileTexts.NONE : texts;
  }

  /** A tile without English texts or a students' description. */
  public Tile(
      long id,
      Scene scene,
      int position,
      String name,
      String description,
      String icon,
      TileKind kind,
      String target,
      boolean enabled,
      String badgeKey,
      Visibility visibility,
      int version,
      String updatedBy,
      Instant updatedAt) {
    this(
        id,
        scene,
        position,
        name,
        description,
        icon,
        kind,
        target,
        enabled,
        badgeKey,
        visibility,
        version,
        updatedBy,
        updatedAt,
        TileTexts.NONE);
  }

  public Tile withTexts(TileTexts newTexts) {
    return new Tile(
        id,
        scene,
        position,
        name,
        description,
        icon,
        kind,
        target,
        enabled,
        badgeKey,
        visibility,
        version,
        updatedBy,
        updatedAt,
        newTexts);
  }

  public Tile withPosition(int newPosition) {
    return new Tile(
        id,
        scene,
        newPosition,
        name,
        description,
        icon,
        kind,
        target,
        enabled,
        badgeKey,
        visibility,
        version,
        updatedBy,
        updatedAt,
        texts);
  }

  public Tile withIcon(String newIcon) {
    return new Tile(
        id,
        scene,
        position,
        name,
        description,
        newIcon,
        kind,
        target,
        enabled,
        badgeKey,
        visibility,
        version,
        updatedBy,
        updatedAt,
        texts);
  }

  /** Enabled and matched by the visibility rules. */
  public boolean isVisibleTo(Viewer viewer) {
    return enabled && visibility.matches(viewer);
  }

  /** Whether {@code path} is one of this internal tile's pages. */
  public boolean covers(String path) {
    return kind == TileKind.INTERNAL && TileTarget.covers(target, path);
  }

  /**
   * The tile checked for saving: a name, an icon from the set, a safe target. Throws {@link
   * TileInputException}.
   */
  public Tile checked() {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      throw new TileInputException("workbench.error.nameMissing");
    }
    if (n.length() > 40) {
      throw new TileInputException("workbench.error.nameTooLong");
    }
    String d = description == null || description.isBlank() ? null : description.strip();
    if (d != null && d.length() > 80) {
      throw new TileInputException("workbench.error.descriptionTooLong");
    }
    if (scene == null || kind == null) {
      throw new TileInputException("workbench.error.sceneMissing");
    }
    if (!TileIcons.exists(icon)) {
      throw new TileInputException("workbench.error.icon");
    }
    String b = badgeKey == null || badgeKey.isBlank() ? null : badgeKey.strip();
    return new Tile(
        id,
        scene,
        position,
        n,
        d,
        icon,
        kind,
        TileTarget.check(kind, target),
        enabled,
        b,
        visibility,
        version,
        updatedBy,
        updatedAt,
        texts);
  }
}
