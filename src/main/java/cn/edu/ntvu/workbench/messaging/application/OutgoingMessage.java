package cn.edu.ntvu.workbench.messaging.application;

import java.util.List;
import java.util.Objects;

/**
 * A WeCom message a micro-app wants sent, queued through {@link WeComOutbox#enqueue}.
 *
 * @param messageKey our own message id, unique for what it says to whom (e.g. {@code
 *     leave:42:step:1:open}); queuing the same key again does nothing, so a retried transaction or
 *     a double tap never sends twice
 * @param kind which WeCom call delivers it
 * @param toUsers the recipients' WeCom userids (= account ids), at least one
 * @param body the JSON body without {@code touser}/{@code userids} and {@code agentid}, which the
 *     sender adds, e.g. {@code
 *     {"msgtype":"textcard","textcard":{"title":"…","description":"…","url":"…"}}}
 * @param topic what the message is about, shown to admins and used to find a card again, e.g.
 *     {@code leave:42}
 */
public record OutgoingMessage(
    String messageKey, Kind kind, List<String> toUsers, String body, String topic) {

  /** The WeCom call that delivers a message. */
  public enum Kind {
    /** {@code POST /cgi-bin/message/send} (docs/wecom-api.md §5.1). */
    SEND,
    /**
     * {@code POST /cgi-bin/message/update_template_card} (§5.2); the body carries the
     * response_code.
     */
    UPDATE_TEMPLATE_CARD,
    /**
     * {@code POST /cgi-bin/message/recall} (wecom-api-notes §5.3, §10.3): the body names the
     * message to recall by its key ({@code {"msgid_of":"<message key>"}}); its msgid is looked up
     * when the recall is delivered. Queued by {@link WeComOutbox#recallTopic}. Not counted toward
     * anybody's per-person limit.
     */
    RECALL,
    /**
     * {@code POST /cgi-bin/agent/set_workbench_data} for one recipient, {@code
     * batch_set_workbench_data} for several with the same values (≤1000; wecom-api-notes §10.1):
     * the numbers on WeCom's own workbench tile. The body is {@code {"type":"keydata",
     * "keydata":{"items":[…]}}}; the sender adds agentid and the userid(s). Not counted toward
     * anybody's message limit (WeCom's 10 a minute per person is kept by the queuing side).
     */
    WORKBENCH_DATA
  }

  public OutgoingMessage {
    Objects.requireNonNull(kind, "kind");
    if (messageKey == null || messageKey.isBlank() || messageKey.length() > 191) {
      throw new IllegalArgumentException("a message needs a key of 1 to 191 characters");
    }
    toUsers = List.copyOf(toUsers);
    if (toUsers.isEmpty()) {
      throw new IllegalArgumentException("a message needs at least one recipient");
    }
    if (body == null || !body.strip().startsWith("{")) {
      throw new IllegalArgumentException("a message body is a JSON object");
    }
    if (topic == null || topic.isBlank() || topic.length() > 191) {
      throw new IllegalArgumentException("a message needs a topic of 1 to 191 characters");
    }
  }

  /** A {@code message/send} message. */
  public static OutgoingMessage send(
      String messageKey, List<String> toUsers, String body, String topic) {
    return new OutgoingMessage(messageKey, Kind.SEND, toUsers, body, topic);
  }
}
