package cn.edu.ntvu.workbench.platform.files;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link UploadCleanup} every {@value UploadCleanup#EVERY_MINUTES} minutes on every server (it
 * runs once).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UploadCleanupSchedule {
  private static final Logger LOG = Logger.getLogger(UploadCleanupSchedule.class.getName());

  @Inject UploadCleanup cleanup;

  @Schedule(minute = "*/10", hour = "*", persistent = false)
  void run() {
    try {
      cleanup.run(Duration.ofMinutes(UploadCleanup.EVERY_MINUTES - 1));
    } catch (RuntimeException e) {
      // The database may be down or not migrated yet; the next run tries again.
      LOG.log(Level.WARNING, "upload cleanup failed: " + e.getMessage());
    }
  }
}
