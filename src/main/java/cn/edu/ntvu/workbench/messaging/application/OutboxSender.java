package cn.edu.ntvu.workbench.messaging.application;

import cn.edu.ntvu.workbench.messaging.application.OutboxClaims.Claim;
import cn.edu.ntvu.workbench.messaging.application.OutboxClaims.Claimed;
import cn.edu.ntvu.workbench.messaging.application.OutboxClaims.Result;
import cn.edu.ntvu.workbench.messaging.domain.RecipientQuota;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers due outbox messages, once even with several servers (issue 3 item 4). One {@link
 * #runOnce} call:
 *
 * <ol>
 *   <li><b>claim</b> in one short transaction ({@link OutboxClaims#claim}): due messages with a
 *       lease, each recipient's per-person limit kept (a message to someone at the limit is
 *       deferred, not sent into the void); commit — no database lock is held from here on;
 *   <li><b>send</b> each through the {@link MessageSender} (WeCom's {@code message/send} or {@code
 *       update_template_card}); a message whose lease is too close to its end is not started but
 *       handed back;
 *   <li><b>record</b> each outcome, only where the claim is still ours ({@link
 *       OutboxClaims#record}): sent, back to pending with exponential back-off and jitter, or
 *       failed with the reason.
 * </ol>
 *
 * This class decides; the claims, leases and quotas in the tables are {@link OutboxClaims}'s, the
 * sending is the sender's. Logs name message ids and counts, never a token, secret or message body.
 */
@ApplicationScoped
public class OutboxSender {
  private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

  /**
   * In the body of an UPDATE_TEMPLATE_CARD message instead of {@code response_code}: the message
   * key of the card whose send answered the code (WeCom gives one per send, usable once,
   * docs/wecom-api.md §5.2). It is looked up when the update is delivered, so a micro-app can queue
   * the update while the card itself is still waiting in the outbox.
   */
  public static final String RESPONSE_CODE_OF = "response_code_of";

  /**
   * The body of a RECALL message: the message key of the {@code message/send} message to recall.
   * Its msgid is looked up when the recall is delivered; while that message still waits, so does
   * the recall; when it failed (nobody got it) there is nothing to recall.
   */
  public static final String MSGID_OF = "msgid_of";

  /**
   * A send is not started when less than this is left of the lease (read timeout × client retries,
   * and more).
   */
  static final Duration LEASE_RESERVE = Duration.ofSeconds(30);

  /**
   * While WeCom is thought to be away, how often this server lets one waiting message through as a
   * probe when nothing else is due.
   */
  static final Duration OUTAGE_PROBE_INTERVAL = Duration.ofSeconds(10);

  /**
   * When this server last saw WeCom unreachable or busy and has not yet seen it answer; null when
   * all is well. What this server observed only: the messages themselves and their back-offs are in
   * the table, shared by all servers.
   */
  private volatile LocalDateTime wecomAwaySince;

  private volatile LocalDateTime lastProbe;

  @Inject OutboxClaims claims;
  @Inject MessageSender sender;
  @Inject OutboxSettings settings;
  @Inject Clock clock;

  /** What one run did. */
  public record Run(int claimed, int sent, int retried, int failed, int deferred, int handedBack) {}

  /**
   * Claims up to {@code batch-size} due messages for {@code worker}, sends them and records the
   * outcomes.
   *
   * @param worker who claims, e.g. host, process and thread; shown to admins
   */
  public Run runOnce(String worker) {
    return runOnce(worker, () -> false);
  }

  /**
   * As {@link #runOnce(String)}; once {@code stopping} says so (the server is shutting down), the
   * messages of the batch not yet sent are handed back at once instead of sent, and the outcomes of
   * those sent are still recorded: a deploy's SIGTERM must not leave a sent message unrecorded, to
   * be sent again by another server when its lease runs out.
   */
  public Run runOnce(String worker, java.util.function.BooleanSupplier stopping) {
    Claim claim =
        claims.claim(worker, settings.batchSize(), now(), settings.lease(), settings.quota());
    if (claim.claimed().isEmpty()) {
      probeIfWeComAway();
      return new Run(0, 0, 0, 0, claim.deferred(), 0);
    }
    List<Result> results = new ArrayList<>();
    int sent = 0;
    int retried = 0;
    int failed = 0;
    int handedBack = 0;
    for (Claimed message : claim.claimed()) {
      if (stopping.getAsBoolean() || now().isAfter(message.leaseUntil().minus(LEASE_RESERVE))) {
        results.add(new Result(message, null));
        handedBack++;
        continue;
      }
      DeliveryOutcome outcome = deliver(message);
      results.add(new Result(message, outcome));
      if (isOutage(outcome) && wecomAwaySince == null) {
        wecomAwaySince = now();
      }
      if (outcome instanceof DeliveryOutcome.Sent) {
        sent++;
      } else if (outcome instanceof DeliveryOutcome.Retry
          && message.attempts() < settings.maxAttempts()) {
        retried++;
      } else {
        failed++;
      }
    }
    try {
      int lost =
          claims.record(
              results,
              now(),
              (attempts, atLeast) ->
                  settings.backoff().delay(attempts, atLeast, ThreadLocalRandom.current()),
              settings.maxAttempts());
      if (lost > 0) {
        LOG.log(
            Level.WARNING,
            "Outbox: {0} outcome(s) not recorded: the lease had passed to another worker",
            lost);
      }
    } catch (RuntimeException e) {
      // The messages stay claimed until their lease ends, then come due again; WeCom's duplicate
      // check keeps a
      // repeat of a sent one from reaching anybody.
      LOG.log(
          Level.SEVERE,
          "Outbox: recording {0} outcome(s) failed: {1}",
          new Object[] {results.size(), e.getClass().getSimpleName()});
    }
    if (sent > 0 && wecomAwaySince != null) {
      wakeAfterOutage();
    }
    return new Run(claim.claimed().size(), sent, retried, failed, claim.deferred(), handedBack);
  }

  /** WeCom could not be reached or was busy (-1): the message waits for WeCom, not for itself. */
  static boolean isOutage(DeliveryOutcome outcome) {
    return outcome instanceof DeliveryOutcome.Retry r
        && (r.errcode() == null || r.errcode() == -1)
        && r.atLeast().isZero();
  }

  /** WeCom answers again: what waited out a back-off because of it goes now. */
  private void wakeAfterOutage() {
    LocalDateTime since = wecomAwaySince;
    wecomAwaySince = null;
    try {
      int woken = claims.wakeAfterOutage(now());
      LOG.log(
          Level.INFO,
          "Outbox: WeCom answers again (away since {0}); {1} waiting message(s) due now",
          new Object[] {since, woken});
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbox: waking the waiting messages failed: {0}", e.getMessage());
    }
  }

  /**
   * Nothing is due but WeCom was away when last tried: every {@link #OUTAGE_PROBE_INTERVAL} one
   * waiting message goes as a probe (its attempt not counted); once one is sent, the rest follow.
   */
  private void probeIfWeComAway() {
    if (wecomAwaySince == null) {
      return;
    }
    LocalDateTime now = now();
    if (lastProbe != null && now.isBefore(lastProbe.plus(OUTAGE_PROBE_INTERVAL))) {
      return;
    }
    lastProbe = now;
    try {
      if (claims.probeAfterOutage(now) == 0) {
        wecomAwaySince = null; // nothing waits for WeCom any more (another server sent it all)
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Outbox: the outage probe failed: {0}", e.getMessage());
    }
  }

  /**
   * Deletes up to 5,000 messages sent longer ago than {@code wecom.outbox.keep-sent-days}: the
   * outbox would otherwise grow by every message ever sent. Pending and failed ones stay (an admin
   * may still retry a failed one).
   */
  public int purgeSent() {
    try {
      return claims.purgeSent(now().minus(settings.keepSent()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbox: removing old sent messages failed: {0}", e.getMessage());
      return 0;
    }
  }

  /** Deletes send-log rows older than an hour (they no longer count toward any limit). */
  public int pruneSendLog() {
    try {
      return claims.pruneSendLog(now().minus(RecipientQuota.HOUR).minusMinutes(1));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbox: pruning the send log failed: {0}", e.getMessage());
      return 0;
    }
  }

  /**
   * Reads the queued body, resolves {@link #RESPONSE_CODE_OF}, and hands the message to the sender.
   */
  DeliveryOutcome deliver(Claimed message) {
    JsonObject body;
    try (JsonReader reader = Jsons.createReader(new StringReader(message.body()))) {
      body = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return new DeliveryOutcome.Failed(null, "the queued body is not a JSON object");
    }
    if (message.kind() == OutgoingMessage.Kind.UPDATE_TEMPLATE_CARD
        && body.containsKey(RESPONSE_CODE_OF)) {
      String card = body.getString(RESPONSE_CODE_OF, "");
      Optional<String[]> sent;
      try {
        sent = claims.sentCard(card);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Outbox: looking up card {0} failed: {1}",
            new Object[] {card, e.getMessage()});
        sent = Optional.of(new String[] {"UNKNOWN", null});
      }
      if (sent.isEmpty() || "FAILED".equals(sent.get()[0])) {
        return new DeliveryOutcome.Failed(
            null, "the card to update (" + card + ") is not in the outbox or failed");
      }
      if (!"SENT".equals(sent.get()[0])) {
        return new DeliveryOutcome.Retry(
            null, "the card to update (" + card + ") is not sent yet", Duration.ofSeconds(5));
      }
      if (sent.get()[1] == null || sent.get()[1].isBlank()) {
        return new DeliveryOutcome.Failed(null, "WeCom gave no response_code for the card " + card);
      }
      body =
          Jsons.createObjectBuilder(body)
              .remove(RESPONSE_CODE_OF)
              .add("response_code", sent.get()[1])
              .build();
    }
    if (message.kind() == OutgoingMessage.Kind.RECALL) {
      String key = body.getString(MSGID_OF, "");
      Optional<String[]> sent;
      try {
        sent = claims.sentCard(key);
      } catch (RuntimeException e) {
        return new DeliveryOutcome.Retry(
            null, "looking up the message to recall failed", Duration.ofSeconds(5));
      }
      if (sent.isEmpty()) {
        return new DeliveryOutcome.Failed(null, "the message to recall (" + key + ") is gone");
      }
      if ("FAILED".equals(sent.get()[0])) {
        // Nobody got it: nothing to recall.
        return new DeliveryOutcome.Sent(null, null, List.of());
      }
      if (!"SENT".equals(sent.get()[0])) {
        return new DeliveryOutcome.Retry(
            null, "the message to recall (" + key + ") is not sent yet", Duration.ofSeconds(5));
      }
      if (sent.get()[2] == null || sent.get()[2].isBlank()) {
        return new DeliveryOutcome.Failed(null, "WeCom gave no msgid for " + key);
      }
      body = Jsons.createObjectBuilder().add("msgid", sent.get()[2]).build();
    }
    DeliveryOutcome outcome = sender.deliver(message.kind(), users(message.toUsers()), body);
    if (!(outcome instanceof DeliveryOutcome.Sent)) {
      LOG.log(
          Level.WARNING,
          "Outbox message {0} attempt {1}: {2}",
          new Object[] {
            String.valueOf(message.id()),
            String.valueOf(message.attempts()),
            outcome instanceof DeliveryOutcome.Failed ? "failed for good" : "will be retried"
          });
    }
    return outcome;
  }

  /** The recipients as WeCom reads touser: '|'-separated. */
  public static List<String> users(String toUsers) {
    return Arrays.stream(toUsers.split("\\|"))
        .map(String::strip)
        .filter(u -> !u.isEmpty())
        .distinct()
        .toList();
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
  }
}
