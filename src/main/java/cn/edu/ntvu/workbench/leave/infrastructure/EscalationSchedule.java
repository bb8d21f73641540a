package cn.edu.ntvu.workbench.leave.infrastructure;

import cn.edu.ntvu.workbench.leave.application.ApproverDigest;
import cn.edu.ntvu.workbench.leave.application.StepEscalations;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 5 minutes on every server: the escalation of undecided steps ({@link StepEscalations}: the
 * run claims the job's row, so it works once per period across servers, and each stage fires once
 * per step) and whether the approvers' 08:00 digest is due ({@link ApproverDigest}: once per day
 * across servers). The school clock decides, not the timer's zone.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EscalationSchedule {
  private static final Logger LOG = Logger.getLogger(EscalationSchedule.class.getName());

  @Inject StepEscalations escalations;
  @Inject ApproverDigest digest;

  @Schedule(minute = "*/5", hour = "*", persistent = false)
  void run() {
    try {
      escalations.run(Duration.ofMinutes(4));
    } catch (RuntimeException e) {
      // The database may be down or not migrated yet; the next run tries again.
      LOG.log(Level.WARNING, "leave escalation failed: " + e.getMessage());
    }
    try {
      digest.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "approvers' leave digest failed: " + e.getMessage());
    }
  }
}
