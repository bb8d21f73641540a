package cn.edu.ntvu.workbench.leave.infrastructure;

import cn.edu.ntvu.workbench.leave.application.LeaveReturns;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the overdue check every 5 minutes on every server; the run claims the job's row first
 * ({@link LeaveReturns#flagOverdue}), so with several servers it does its work once per period.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OverdueSchedule {
  private static final Logger LOG = Logger.getLogger(OverdueSchedule.class.getName());

  @Inject LeaveReturns returns;

  @Schedule(minute = "*/5", hour = "*", persistent = false)
  void run() {
    try {
      returns.flagOverdue(Duration.ofMinutes(4));
    } catch (RuntimeException e) {
      // The database may be down or not migrated yet; the next run tries again.
      LOG.log(Level.WARNING, "leave overdue check failed: " + e.getMessage());
    }
  }
}
