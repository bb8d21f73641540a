package cn.edu.ntvu.workbench.messaging.infrastructure;

import cn.edu.ntvu.workbench.messaging.application.OutboxSender;
import cn.edu.ntvu.workbench.messaging.application.OutboxSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the outbox sender in the background on every server: {@code wecom.outbox.workers} threads
 * (from the container's {@link ManagedThreadFactory}, so they have the application's context), each
 * of which, every {@code wecom.outbox.poll-interval-ms}, runs {@link OutboxSender#runOnce} until a
 * run finds less than a full batch. Several threads and several servers share the work through the
 * claim (see {@link OutboxSender}); no server coordinates with another.
 */
@ApplicationScoped
public class OutboxWorker {
  private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

  @Resource ManagedThreadFactory threads;
  @Inject OutboxSender sender;
  @Inject OutboxSettings settings;

  private ScheduledThreadPoolExecutor executor;
  private volatile boolean stopping;

  /**
   * Starts the sender threads; called once the schema is migrated ({@code composition.StartUp}).
   */
  public void start() {
    settings.validate();
    if (!settings.workerEnabled()) {
      LOG.info("WeCom outbox worker disabled (" + OutboxSettings.WORKER_ENABLED + "=false)");
      return;
    }
    executor = new ScheduledThreadPoolExecutor(settings.workers(), threads);
    String server = serverName();
    long poll = settings.pollInterval().toMillis();
    for (int i = 0; i < settings.workers(); i++) {
      String worker = server + "#" + i;
      // Spread the threads over the interval so that they do not all poll at once.
      boolean prunes = i == 0;
      executor.scheduleWithFixedDelay(
          () -> drain(worker, prunes),
          poll + i * poll / settings.workers(),
          poll,
          TimeUnit.MILLISECONDS);
    }
    LOG.info(
        () ->
            "WeCom outbox worker started: "
                + settings.workers()
                + " thread(s) on "
                + server
                + ", every "
                + poll
                + " ms");
  }

  /** Old sent messages are removed once an hour per server (and once soon after start). */
  private static final long PURGE_EVERY_MS = 3_600_000L;

  /**
   * {@link System#nanoTime()} of the last purge: an interval between housekeeping runs, not a
   * school time.
   */
  private volatile Long lastPurge;

  private void drain(String worker, boolean prunes) {
    if (stopping) {
      return;
    }
    try {
      if (prunes) {
        sender.pruneSendLog();
        long now = System.nanoTime();
        Long last = lastPurge;
        if (last == null || now - last > PURGE_EVERY_MS * 1_000_000L) {
          lastPurge = now;
          sender.purgeSent();
        }
      }
      OutboxSender.Run run;
      do {
        run = sender.runOnce(worker, () -> stopping);
      } while (!stopping && run.claimed() + run.deferred() >= settings.batchSize());
    } catch (RuntimeException e) {
      // Never let an exception end the schedule.
      LOG.log(Level.WARNING, "WeCom outbox worker " + worker + ": run failed", e);
    }
  }

  /**
   * A batch under way finishes its current send and records every outcome before the server goes
   * (the rest of the batch is handed back): interrupting it would leave messages WeCom already has
   * marked as claimed, and another server would send them again when the lease ran out (WeCom's
   * duplicate check drops that copy, but it is noise).
   */
  @PreDestroy
  void stop() {
    stopping = true;
    if (executor != null) {
      executor.shutdown();
      try {
        if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
          executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        executor.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Longer than one send's read timeout (5 s by default) and the outcome's write. */
  private static final long STOP_WAIT_SECONDS = 15;

  private static String serverName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "server";
    }
    return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
  }
}
