package cn.edu.ntvu.workbench.portal.infrastructure;

import cn.edu.ntvu.workbench.portal.application.LaunchCleanup;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks every 15 minutes on every server whether the launch figures' daily cleanup is due ({@link
 * LaunchCleanup#run}: from 03:00 school time, once per day across servers). The timer's own time
 * zone does not matter: the school clock decides.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LaunchCleanupSchedule {
  private static final Logger LOG = Logger.getLogger(LaunchCleanupSchedule.class.getName());

  @Inject LaunchCleanup cleanup;

  @Schedule(minute = "7/15", hour = "*", persistent = false)
  void run() {
    try {
      cleanup.run();
    } catch (RuntimeException e) {
      // The database may be down or not migrated yet; the next run tries again.
      LOG.log(Level.WARNING, "launch figures cleanup failed: " + e.getMessage());
    }
  }
}
