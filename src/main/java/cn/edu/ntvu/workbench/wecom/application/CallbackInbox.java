package cn.edu.ntvu.workbench.wecom.application;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes a decrypted callback in once: records its dedupe key and hands it to the micro-apps in one
 * transaction. {@code INSERT IGNORE} on the primary key makes a second server that receives the
 * same retry wait for the first one's transaction and then skip it; a rolled-back first attempt
 * leaves the key free for the retry. Receipts are kept {@link #KEEP}: the endpoint refuses messages
 * signed more than a day ago, so an older one cannot come back.
 */
@ApplicationScoped
public class CallbackInbox {
  private static final Logger LOG = Logger.getLogger(CallbackInbox.class.getName());
  static final Duration KEEP = Duration.ofDays(7);

  @Inject Sql sql;

  @Inject Event<WeComCallbackMessage> delivery;

  @Inject Clock clock;

  /**
   * @return true if this was the first time (observers ran), false for a retry or replay (nothing
   *     done)
   */
  @Transactional
  public boolean receive(WeComCallbackMessage message) {
    int inserted =
        sql.update(
            "INSERT IGNORE INTO wecom_callback_received"
                + " (dedupe_key, msg_type, event, from_user, agent_id, create_time, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
            message.dedupeKey(),
            message.msgType() == null ? "" : truncate(message.msgType(), 32),
            truncate(message.event(), 64),
            truncate(message.fromUser(), 64),
            truncate(message.agentId(), 16),
            message.createTime(),
            Timestamp.from(clock.instant()));
    if (inserted == 0) {
      LOG.log(
          Level.INFO,
          "WeCom callback {0}/{1} from {2} at {3} already received; not handled again",
          new Object[] {
            message.msgType(),
            message.event(),
            message.fromUser(),
            String.valueOf(message.createTime())
          });
      return false;
    }
    delivery.fire(message);
    return true;
  }

  /**
   * Forgets up to 500 receipts older than {@link #KEEP}, in a short transaction of its own (never
   * in a receiving one, where its range lock could deadlock with concurrent receipts). Safe on
   * every server at any time.
   *
   * @return how many were removed
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int forgetOldReceipts() {
    return sql.update(
        "DELETE FROM wecom_callback_received WHERE received_at < ? LIMIT 500",
        Timestamp.from(clock.instant().minus(KEEP)));
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
