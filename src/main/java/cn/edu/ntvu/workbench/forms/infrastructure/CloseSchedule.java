package cn.edu.ntvu.workbench.forms.infrastructure;

import cn.edu.ntvu.workbench.forms.application.FormResults;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes forms at their deadline, every minute on every server; the run claims the job's row first,
 * so with several servers it does its work once a minute. Answers are refused from the deadline on
 * whether or not it ran.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CloseSchedule {
  private static final Logger LOG = Logger.getLogger(CloseSchedule.class.getName());

  @Inject FormResults results;

  @Schedule(minute = "*", hour = "*", persistent = false)
  void run() {
    try {
      int n = results.closeAtDeadline(Duration.ofSeconds(50));
      if (n > 0) {
        LOG.info(n + " form(s) closed at their deadline");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "forms closing job failed: " + e.getMessage());
    }
  }
}
