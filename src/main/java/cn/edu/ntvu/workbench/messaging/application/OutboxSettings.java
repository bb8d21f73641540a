package cn.edu.ntvu.workbench.messaging.application;

import cn.edu.ntvu.workbench.messaging.domain.Backoff;
import cn.edu.ntvu.workbench.messaging.domain.RecipientQuota;
import cn.edu.ntvu.workbench.platform.config.InvalidSettingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox sender's settings (MicroProfile Config; listed in the README's configuration table).
 */
@ApplicationScoped
public class OutboxSettings {
  public static final String WORKER_ENABLED = "wecom.outbox.worker-enabled";
  public static final String POLL_INTERVAL_MS = "wecom.outbox.poll-interval-ms";
  public static final String WORKERS = "wecom.outbox.workers";
  public static final String BATCH_SIZE = "wecom.outbox.batch-size";
  public static final String LEASE_SECONDS = "wecom.outbox.lease-seconds";
  public static final String MAX_ATTEMPTS = "wecom.outbox.max-attempts";
  public static final String BACKOFF_BASE_SECONDS = "wecom.outbox.backoff-base-seconds";
  public static final String BACKOFF_MAX_SECONDS = "wecom.outbox.backoff-max-seconds";
  public static final String DUPLICATE_CHECK_INTERVAL_SECONDS =
      "wecom.outbox.duplicate-check-interval-seconds";
  public static final String PER_USER_PER_MINUTE = "wecom.outbox.per-user-per-minute";
  public static final String PER_USER_PER_HOUR = "wecom.outbox.per-user-per-hour";
  public static final String KEEP_SENT_DAYS = "wecom.outbox.keep-sent-days";

  @Inject
  @ConfigProperty(name = WORKER_ENABLED, defaultValue = "true")
  boolean workerEnabled;

  @Inject
  @ConfigProperty(name = POLL_INTERVAL_MS, defaultValue = "2000")
  long pollIntervalMs;

  @Inject
  @ConfigProperty(name = WORKERS, defaultValue = "4")
  int workers;

  @Inject
  @ConfigProperty(name = BATCH_SIZE, defaultValue = "50")
  int batchSize;

  @Inject
  @ConfigProperty(name = LEASE_SECONDS, defaultValue = "120")
  long leaseSeconds;

  @Inject
  @ConfigProperty(name = MAX_ATTEMPTS, defaultValue = "15")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = BACKOFF_BASE_SECONDS, defaultValue = "10")
  long backoffBaseSeconds;

  @Inject
  @ConfigProperty(name = BACKOFF_MAX_SECONDS, defaultValue = "1800")
  long backoffMaxSeconds;

  @Inject
  @ConfigProperty(name = DUPLICATE_CHECK_INTERVAL_SECONDS, defaultValue = "1800")
  int duplicateCheckIntervalSeconds;

  @Inject
  @ConfigProperty(name = PER_USER_PER_MINUTE, defaultValue = "30")
  int perUserPerMinute;

  @Inject
  @ConfigProperty(name = PER_USER_PER_HOUR, defaultValue = "1000")
  int perUserPerHour;

  @Inject
  @ConfigProperty(name = KEEP_SENT_DAYS, defaultValue = "30")
  int keepSentDays;

  /**
   * Refuses values that make no sense, naming the key (start-up stops, as for the other settings).
   */
  public void validate() {
    check(POLL_INTERVAL_MS, pollIntervalMs >= 100 && pollIntervalMs <= 600_000, "100 to 600000");
    check(WORKERS, workers >= 1 && workers <= 32, "1 to 32");
    check(BATCH_SIZE, batchSize >= 1 && batchSize <= 1000, "1 to 1000");
    check(LEASE_SECONDS, leaseSeconds >= 30 && leaseSeconds <= 3600, "30 to 3600");
    check(MAX_ATTEMPTS, maxAttempts >= 1 && maxAttempts <= 100, "1 to 100");
    check(BACKOFF_BASE_SECONDS, backoffBaseSeconds >= 1 && backoffBaseSeconds <= 3600, "1 to 3600");
    check(
        BACKOFF_MAX_SECONDS,
        backoffMaxSeconds >= backoffBaseSeconds && backoffMaxSeconds <= 86_400,
        "from the base to 86400");
    // §5.1: the interval defaults to 1800 s and may not exceed 4 h.
    check(
        DUPLICATE_CHECK_INTERVAL_SECONDS,
        duplicateCheckIntervalSeconds >= 1 && duplicateCheckIntervalSeconds <= 14_400,
        "1 to 14400");
    check(
        PER_USER_PER_MINUTE,
        perUserPerMinute >= 1 && perUserPerMinute <= 30,
        "1 to 30 (WeCom's limit)");
    check(
        PER_USER_PER_HOUR,
        perUserPerHour >= perUserPerMinute && perUserPerHour <= 1000,
        "from the per-minute limit to 1000 (WeCom's limit)");
    check(KEEP_SENT_DAYS, keepSentDays >= 1 && keepSentDays <= 3650, "1 to 3650");
  }

  /**
   * How long a sent message stays in the outbox (for the admin page and card updates) before it is
   * removed.
   */
  public Duration keepSent() {
    return Duration.ofDays(keepSentDays);
  }

  private static void check(String key, boolean ok, String expected) {
    if (!ok) {
      throw new InvalidSettingException(key, expected);
    }
  }

  public boolean workerEnabled() {
    return workerEnabled;
  }

  public Duration pollInterval() {
    return Duration.ofMillis(pollIntervalMs);
  }

  public int workers() {
    return workers;
  }

  public int batchSize() {
    return batchSize;
  }

  public Duration lease() {
    return Duration.ofSeconds(leaseSeconds);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Backoff backoff() {
    return new Backoff(
        Duration.ofSeconds(backoffBaseSeconds), Duration.ofSeconds(backoffMaxSeconds));
  }

  public int duplicateCheckIntervalSeconds() {
    return duplicateCheckIntervalSeconds;
  }

  public RecipientQuota quota() {
    return new RecipientQuota(perUserPerMinute, perUserPerHour);
  }
}
