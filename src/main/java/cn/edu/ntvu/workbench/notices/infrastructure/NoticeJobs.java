package cn.edu.ntvu.workbench.notices.infrastructure;

import cn.edu.ntvu.workbench.notices.application.NoticeRetention;
import cn.edu.ntvu.workbench.notices.application.Notices;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The notices' jobs on every server: scheduled sending every minute (the job's row is claimed
 * first, and each notice moves from SCHEDULED to SENT once, so with several servers each notice
 * goes once), and retention every hour.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NoticeJobs {
  private static final Logger LOG = Logger.getLogger(NoticeJobs.class.getName());

  @Inject Notices notices;
  @Inject NoticeRetention retention;

  @Schedule(minute = "*", hour = "*", persistent = false)
  void sendScheduled() {
    try {
      int n = notices.sendDue(Duration.ofSeconds(50));
      if (n > 0) {
        LOG.info(n + " scheduled notice(s) sent");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "notices scheduled-send job failed: " + e.getMessage());
    }
  }

  @Schedule(minute = "17", hour = "*", persistent = false)
  void retain() {
    try {
      int n = retention.archiveOld(Duration.ofMinutes(50));
      if (n > 0) {
        LOG.info(n + " notice(s) archived and removed");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "notices retention job failed: " + e.getMessage());
    }
  }
}
