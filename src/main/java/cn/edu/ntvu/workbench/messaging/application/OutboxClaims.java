package cn.edu.ntvu.workbench.messaging.application;

import cn.edu.ntvu.workbench.messaging.domain.RecipientQuota;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's table work (a port, implemented in SQL in infrastructure): claiming due messages
 * with a lease while keeping every recipient's per-person limits, and recording outcomes only under
 * the claim that made them. Each method is its own short transaction; none is held while a message
 * is sent.
 */
public interface OutboxClaims {
  /** A claimed message, ready to send. */
  record Claimed(
      long id,
      OutgoingMessage.Kind kind,
      String toUsers,
      String body,
      int attempts,
      String token,
      LocalDateTime leaseUntil) {}

  /**
   * What one claim took, and how many due messages it deferred because a recipient is at a limit.
   */
  record Claim(List<Claimed> claimed, int deferred) {
    public static final Claim NOTHING = new Claim(List.of(), 0);
  }

  /**
   * What became of one claimed message; {@code outcome} null: handed back unsent (the lease was
   * nearly over).
   */
  record Result(Claimed message, DeliveryOutcome outcome) {}

  /**
   * Claims up to {@code batch} due PENDING messages for {@code worker} ({@code SELECT … FOR UPDATE
   * SKIP LOCKED}): locks their recipients' rows in userid order, defers a message whose recipient
   * is at {@code quota} to when the window frees up, gives the others a claim token and a lease
   * until {@code now + lease}, and logs their sends. {@link Claim#NOTHING} when the database
   * refused (a deadlock between servers): the next run tries again.
   */
  Claim claim(String worker, int batch, LocalDateTime now, Duration lease, RecipientQuota quota);

  /**
   * Records the outcomes, each only where the claim token is still ours: sent, back to pending
   * after {@code retryAt} of each retry, failed, or handed back. Returns how many were not recorded
   * because the lease had passed on.
   *
   * @param retryWait the wait before the next attempt of a retried message, by its attempts and
   *     shortest wait
   * @param maxAttempts a retry of a message with this many attempts fails it instead
   */
  int record(List<Result> results, LocalDateTime now, RetryWait retryWait, int maxAttempts);

  /** How long a retried message waits (back-off with jitter). */
  @FunctionalInterface
  interface RetryWait {
    Duration after(int attempts, Duration atLeast);
  }

  /** Status, response_code and WeCom msgid of the message {@code key}; empty when there is none. */
  Optional<String[]> sentCard(String key);

  /** Deletes up to 5,000 messages sent before {@code cutoff}; pending and failed ones stay. */
  int purgeSent(LocalDateTime cutoff);

  /** Deletes send-log rows older than {@code before} (they no longer count toward any limit). */
  int pruneSendLog(LocalDateTime before);

  /**
   * After WeCom was unreachable (or answered -1, busy): every pending message waiting out a
   * back-off because of that ({@code last_errcode} NULL or -1) is made due at {@code now}, so a
   * queue built up during an outage goes out as soon as WeCom answers again, not after each
   * message's own back-off (minutes after a long outage). Returns how many.
   */
  int wakeAfterOutage(LocalDateTime now);

  /**
   * While WeCom is thought to be away and nothing else is due: the one message waiting longest
   * because of the outage is made due at {@code now}, without counting an attempt — a probe whose
   * success wakes the rest ({@link #wakeAfterOutage}). Returns 0 when nothing waits for WeCom.
   */
  int probeAfterOutage(LocalDateTime now);
}
