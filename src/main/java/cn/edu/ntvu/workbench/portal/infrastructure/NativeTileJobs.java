package cn.edu.ntvu.workbench.portal.infrastructure;

import cn.edu.ntvu.workbench.portal.application.NativeTilePush;
import cn.edu.ntvu.workbench.portal.application.NativeTileSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The jobs of the numbers on WeCom's own tile, on every server: the due pushes every 5 seconds
 * (each person taken once across servers), and the nightly reconcile, checked every 10 minutes and
 * run in the school-clock hour {@code workbench.native.reconcile-hour}, once across servers per
 * night (its row in {@code workbench_native_job}).
 *
 * <p>The timer only hands the work to a thread of the container's {@link ManagedThreadFactory} (as
 * the outbox worker runs): done inside the EJB timer's own call, the directory reads (JPA, no
 * transaction) left a connection open in the call, which the push's transaction then enlisted, and
 * the next local commit failed with XAER_RMFAIL (seen in the bench).
 */
@Singleton
@jakarta.ejb.ConcurrencyManagement(jakarta.ejb.ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NativeTileJobs {
  private static final Logger LOG = Logger.getLogger(NativeTileJobs.class.getName());

  @Inject NativeTilePush push;
  @Inject NativeTileSettings settings;
  @Inject Clock clock;

  /** The timer fires again while a long run (a whole school marked) still goes: one at a time. */
  private final java.util.concurrent.atomic.AtomicBoolean pushing =
      new java.util.concurrent.atomic.AtomicBoolean();

  @jakarta.annotation.Resource ManagedThreadFactory threads;

  private ExecutorService worker;

  @PostConstruct
  void start() {
    worker = Executors.newSingleThreadExecutor(threads);
  }

  @PreDestroy
  void stop() {
    if (worker != null) {
      worker.shutdownNow();
    }
  }

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void pushDue() {
    if (!settings.jobsEnabled() || !pushing.compareAndSet(false, true)) {
      return;
    }
    try {
      worker.execute(
          () -> {
            try {
              NativeTilePush.Run run = push.pushDue(now(), Duration.ofSeconds(50));
              if (run.calls() > 0) {
                LOG.log(
                    Level.INFO,
                    "native tile: {0} people counted, {1} changed, {2} call(s) queued",
                    new Object[] {run.counted(), run.changed(), run.calls()});
              }
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "native tile push job failed: {0}", e.toString());
            } finally {
              pushing.set(false);
            }
          });
    } catch (RejectedExecutionException e) {
      pushing.set(false);
    }
  }

  @Schedule(minute = "*/10", hour = "*", persistent = false)
  void reconcile() {
    LocalDateTime now = now();
    if (!settings.jobsEnabled() || now.getHour() != settings.reconcileHour()) {
      return;
    }
    try {
      worker.execute(
          () -> {
            try {
              push.reconcile(now);
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "native tile reconcile failed: {0}", e.toString());
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.log(Level.FINE, "native tile reconcile not started: stopping");
    }
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
  }
}
