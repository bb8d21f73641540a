package cn.edu.ntvu.workbench.leave.infrastructure;

import cn.edu.ntvu.workbench.leave.application.TeacherDigest;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks every 5 minutes on every server whether the teachers' daily digest is due ({@link
 * TeacherDigest#run}: from 07:30 school time, once per day across servers). The timer's own time
 * zone does not matter: the school clock decides.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TeacherDigestSchedule {
  private static final Logger LOG = Logger.getLogger(TeacherDigestSchedule.class.getName());

  @Inject TeacherDigest digest;

  @Schedule(minute = "*/5", hour = "*", persistent = false)
  void run() {
    try {
      digest.run();
    } catch (RuntimeException e) {
      // The database may be down or not migrated yet; the next run tries again.
      LOG.log(Level.WARNING, "teachers' leave digest failed: " + e.getMessage());
    }
  }
}
