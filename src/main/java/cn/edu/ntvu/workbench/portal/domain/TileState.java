package cn.edu.ntvu.workbench.portal.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What an admin set on a tile beyond its content (issue 21): 维护中 with a message and a window, 新 (a
 * dot until each person first opens it), and the dates it is visible. All times are the school
 * clock's.
 *
 * @param maintenanceFrom null: from now on
 * @param maintenanceUntil the expected end; the maintenance ends by itself then (null: until the
 *     admin switches it off)
 * @param newSince when the tile was marked 新; null when it is not new
 * @param visibleFrom first day the tile is shown (null: always)
 * @param visibleUntil last day the tile is shown, inclusive (null: always)
 */
public record TileState(
    long tileId,
    boolean maintenance,
    String maintenanceMessage,
    LocalDateTime maintenanceFrom,
    LocalDateTime maintenanceUntil,
    LocalDateTime newSince,
    LocalDate visibleFrom,
    LocalDate visibleUntil) {

  /** The longest maintenance message. */
  public static final int MESSAGE_MAX = 200;

  /** A tile with nothing set. */
  public static TileState none(long tileId) {
    return new TileState(tileId, false, null, null, null, null, null, null);
  }

  /** Whether nothing is set (no row needs to be kept). */
  public boolean isNone() {
    return !maintenance
        && newSince == null
        && visibleFrom == null
        && visibleUntil == null
        && (maintenanceMessage == null || maintenanceMessage.isBlank())
        && maintenanceFrom == null
        && maintenanceUntil == null;
  }

  /**
   * Whether the tile is within its visible dates at {@code now}: outside, it is neither shown nor
   * openable.
   */
  public boolean shownAt(LocalDateTime now) {
    LocalDate today = now.toLocalDate();
    return (visibleFrom == null || !today.isBefore(visibleFrom))
        && (visibleUntil == null || !today.isAfter(visibleUntil));
  }

  /**
   * Whether tapping the tile shows the maintenance message at {@code now} instead of opening it.
   */
  public boolean inMaintenanceAt(LocalDateTime now) {
    return maintenance
        && (maintenanceFrom == null || !now.isBefore(maintenanceFrom))
        && (maintenanceUntil == null || now.isBefore(maintenanceUntil));
  }

  public boolean isNew() {
    return newSince != null;
  }

  /**
   * The state checked for saving: the maintenance message trimmed and not too long, a maintenance
   * window that ends after it starts, visible dates in order. Throws {@link TileStateException}
   * naming the field.
   */
  public TileState checked() {
    String m =
        maintenanceMessage == null || maintenanceMessage.isBlank()
            ? null
            : maintenanceMessage.strip();
    if (m != null && m.length() > MESSAGE_MAX) {
      throw new TileStateException(
          "maintenance-message", "workbench.state.error.messageTooLong", "" + MESSAGE_MAX);
    }
    if (maintenanceFrom != null
        && maintenanceUntil != null
        && !maintenanceUntil.isAfter(maintenanceFrom)) {
      throw new TileStateException("maintenance-until", "workbench.state.error.maintenanceEnd");
    }
    if (visibleFrom != null && visibleUntil != null && visibleUntil.isBefore(visibleFrom)) {
      throw new TileStateException("visible-until", "workbench.state.error.visibleUntil");
    }
    return new TileState(
        tileId,
        maintenance,
        m,
        maintenanceFrom,
        maintenanceUntil,
        newSince,
        visibleFrom,
        visibleUntil);
  }

  /** The same state for another tile (a new tile gets its id when stored). */
  public TileState forTile(long id) {
    return new TileState(
        id,
        maintenance,
        maintenanceMessage,
        maintenanceFrom,
        maintenanceUntil,
        newSince,
        visibleFrom,
        visibleUntil);
  }

  /**
   * This state as saved from the tile form: 新 ticked keeps the time it was first marked ({@code
   * before}'s), or starts now; unticked clears it.
   */
  public TileState markedNew(boolean ticked, TileState before, LocalDateTime now) {
    LocalDateTime since =
        !ticked ? null : before != null && before.newSince() != null ? before.newSince() : now;
    return new TileState(
        tileId,
        maintenance,
        maintenanceMessage,
        maintenanceFrom,
        maintenanceUntil,
        since,
        visibleFrom,
        visibleUntil);
  }
}
