package cn.edu.ntvu.workbench.contacts.application;

import java.time.LocalDateTime;

/**
 * A contacts sync run as the admin pages show it. Lifecycle: PLANNED (dry run made) → CONFIRMED (an
 * admin said go) → RUNNING (a server holds its lease) → DONE, or DISCARDED when a newer dry run
 * replaced an unconfirmed one.
 */
public record SyncRun(
    long id,
    String kind,
    String status,
    String plannedBy,
    LocalDateTime plannedAt,
    String confirmedBy,
    LocalDateTime startedAt,
    LocalDateTime finishedAt,
    LocalDateTime resumeAt,
    int total,
    int done,
    int failed,
    int conflicts,
    String note) {

  public static final String PLANNED = "PLANNED";
  public static final String CONFIRMED = "CONFIRMED";
  public static final String RUNNING = "RUNNING";
  public static final String DONE = "DONE";
  public static final String DISCARDED = "DISCARDED";

  public int percent() {
    return total == 0 ? 100 : (int) Math.min(100, Math.round(100.0 * (done + failed) / total));
  }

  public boolean active() {
    return CONFIRMED.equals(status) || RUNNING.equals(status);
  }
}
