package cn.edu.ntvu.workbench.portal.application;

import java.time.Instant;

/** Someone else changed (or deleted) the tile since it was read: nothing was saved. */
public class StaleTileException extends RuntimeException {
  private final String updatedBy;
  private final Instant updatedAt;

  public StaleTileException(String updatedBy, Instant updatedAt) {
    super("tile changed by " + updatedBy + " at " + updatedAt);
    this.updatedBy = updatedBy;
    this.updatedAt = updatedAt;
  }

  /** Null when the tile was deleted. */
  public String updatedBy() {
    return updatedBy;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
