package cn.edu.ntvu.workbench.portal.domain;

import java.time.LocalDateTime;

/**
 * A notice at the top of the home page ("今晚 22:00–23:00 系统维护") for an audience, shown from {@code
 * startsAt} until {@code endsAt} (school clock).
 */
public record Banner(
    long id,
    String message,
    LocalDateTime startsAt,
    LocalDateTime endsAt,
    Visibility audience,
    String createdBy,
    LocalDateTime createdAt) {

  public static final int MESSAGE_MAX = 200;

  /** Shown to {@code viewer} at {@code now}. */
  public boolean shownTo(Viewer viewer, LocalDateTime now) {
    return isOnAt(now) && audience.matches(viewer);
  }

  public boolean isOnAt(LocalDateTime now) {
    return !now.isBefore(startsAt) && now.isBefore(endsAt);
  }

  /** Ended before {@code now}. */
  public boolean isOverAt(LocalDateTime now) {
    return !now.isBefore(endsAt);
  }

  /**
   * The banner checked for publishing; {@link TileStateException} names the field: a message of at
   * most 200 characters, both times, the end after the start, an audience.
   */
  public Banner checked() {
    String m = message == null ? "" : message.strip();
    if (m.isEmpty()) {
      throw new TileStateException("banner-message", "workbench.banner.error.messageMissing");
    }
    if (m.length() > MESSAGE_MAX) {
      throw new TileStateException(
          "banner-message", "workbench.state.error.messageTooLong", "" + MESSAGE_MAX);
    }
    if (startsAt == null) {
      throw new TileStateException("banner-from", "workbench.banner.error.timeMissing");
    }
    if (endsAt == null) {
      throw new TileStateException("banner-until", "workbench.banner.error.timeMissing");
    }
    if (!endsAt.isAfter(startsAt)) {
      throw new TileStateException("banner-until", "workbench.banner.error.endBeforeStart");
    }
    if (audience == null || audience.isNobody()) {
      throw new TileStateException("banner-audience", "workbench.banner.error.nobody");
    }
    return new Banner(id, m, startsAt, endsAt, audience, createdBy, createdAt);
  }
}
