package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.portal.domain.LaunchKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.logging.Logger;

/**
 * Once a day across servers, from 03:00 school time: rolls the per-person launch rows of finished
 * weeks up into per-kind figures and deletes them (the per-person key exists only while the week it
 * counts is open), deletes figures older than {@link LaunchFigures#KEEP_DAYS} days, and forgets who
 * saw tiles that are no longer 新. The server whose insert adds the day's row does it; all of it
 * commits together or not at all (and then another server, or the next run, tries again).
 */
@ApplicationScoped
public class LaunchCleanup {
  private static final Logger LOG = Logger.getLogger(LaunchCleanup.class.getName());
  static final LocalTime AT = LocalTime.of(3, 0);

  @Inject LaunchStore store;
  @Inject TileStateStore states;
  @Inject Clock clock;

  /** Outcome of one run. */
  public record Result(boolean ran, int rolledUp, int deleted, int seenForgotten) {}

  @Transactional
  public Result run() {
    return runAt(LocalDateTime.now(clock));
  }

  /** {@link #run} as at {@code now} (school time). */
  @Transactional
  public Result runAt(LocalDateTime now) {
    if (now.toLocalTime().isBefore(AT)) {
      return new Result(false, 0, 0, 0);
    }
    LocalDate today = now.toLocalDate();
    if (!store.claim(today, now)) {
      return new Result(false, 0, 0, 0);
    }
    int rolled = store.rollUpBefore(LaunchKey.weekOf(today));
    int deleted = store.deleteBefore(today.minusDays(LaunchFigures.KEEP_DAYS));
    int seen = states.forgetSeenOfOldNews();
    LOG.info(
        () ->
            "launch figures cleanup: "
                + rolled
                + " per-person rows rolled up, "
                + deleted
                + " old figures and "
                + seen
                + " seen marks removed");
    return new Result(true, rolled, deleted, seen);
  }
}
