package cn.edu.ntvu.workbench.platform.files;

import static cn.edu.ntvu.workbench.platform.persistence.Sql.time;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.logging.Logger;

/**
 * Removes staged uploads that no accepted submit claimed ({@link StagedUploads}) and the upload
 * quota's old days. The run claims its row in {@code platform_job} first (locked, then its last run
 * compared, as the leave overdue job does), so with several servers it works once per period.
 * Staged uploads are kept {@value #KEEP_MINUTES} minutes and the job runs every {@value
 * #EVERY_MINUTES}: nothing unclaimed outlives an hour.
 */
@ApplicationScoped
public class UploadCleanup {
  private static final Logger LOG = Logger.getLogger(UploadCleanup.class.getName());

  /**
   * How long a staged upload waits for the submit that claims it (a person correcting another
   * answer).
   */
  public static final int KEEP_MINUTES = 45;

  /** How often the job runs (its schedule: {@link UploadCleanupSchedule}). */
  public static final int EVERY_MINUTES = 10;

  /** At most this many of each kind per run; the next run goes on. */
  static final int BATCH = 500;

  /** Days of the upload quota kept (the quota needs only today; a week helps support). */
  static final int QUOTA_DAYS = 7;

  @Inject Sql sql;

  @Inject Instance<StagedUploads> staged;
  @Inject UploadQuota quota;
  @Inject Clock clock;

  /**
   * One run, if no server ran it within {@code minGap}; returns how many staged uploads it removed,
   * or -1 when the run was not claimed.
   */
  @Transactional
  public int run(Duration minGap) {
    LocalDateTime now = LocalDateTime.now(clock);
    if (!claim(now, minGap)) {
      return -1;
    }
    int removed = 0;
    LocalDateTime before = now.minusMinutes(KEEP_MINUTES);
    for (StagedUploads s : staged) {
      int n = s.removeUnclaimed(before, BATCH);
      if (n > 0) {
        LOG.info(n + " unclaimed " + s.what() + " removed");
      }
      removed += n;
    }
    quota.forgetBefore(now.toLocalDate().minusDays(QUOTA_DAYS), BATCH * 10);
    return removed;
  }

  private boolean claim(LocalDateTime now, Duration minGap) {
    List<Object[]> r =
        sql.rows(
            "SELECT name, last_run_at FROM platform_job WHERE name = 'upload-cleanup' FOR UPDATE");
    if (r.isEmpty()) {
      return false;
    }
    LocalDateTime last = time(r.get(0)[1]);
    if (last != null && last.isAfter(now.minus(minGap))) {
      return false;
    }
    sql.update("UPDATE platform_job SET last_run_at = ? WHERE name = 'upload-cleanup'", now);
    return true;
  }
}
