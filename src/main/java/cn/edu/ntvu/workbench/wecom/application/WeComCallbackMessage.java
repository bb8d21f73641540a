package cn.edu.ntvu.workbench.wecom.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A message or event WeCom called us back with, decrypted and checked (docs/wecom-api.md §4, §5.1).
 * Fired as a CDI event, once per message across all servers, inside the transaction that records it
 * as received: observe it with {@code void on(@Observes WeComCallbackMessage m)} and keep the work
 * short (WeCom waits 5 s); a button click ({@link #isTemplateCardEvent()}) carries {@code eventKey}
 * (the button key), {@code taskId} and {@code responseCode}. To update the card in the answer, set
 * a passive reply on the request's {@link CallbackReply}. An observer that throws rolls the receipt
 * back and WeCom's retry gets another chance.
 *
 * @param fields every child element of the decrypted {@code <xml>} (raw text), for what has no
 *     component here
 */
public record WeComCallbackMessage(
    String toUser,
    String fromUser,
    String msgType,
    String event,
    String eventKey,
    String taskId,
    String responseCode,
    String agentId,
    long createTime,
    String msgId,
    Map<String, String> fields) {

  public static final String TEMPLATE_CARD_EVENT = "template_card_event";

  public WeComCallbackMessage {
    fields = Map.copyOf(fields);
  }

  /** From the decrypted document's fields; absent elements become {@code null} (createTime 0). */
  public static WeComCallbackMessage of(Map<String, String> f) {
    long created;
    try {
      created = Long.parseLong(f.getOrDefault("CreateTime", "0"));
    } catch (NumberFormatException e) {
      created = 0;
    }
    return new WeComCallbackMessage(
        blankToNull(f.get("ToUserName")),
        blankToNull(f.get("FromUserName")),
        blankToNull(f.get("MsgType")),
        blankToNull(f.get("Event")),
        blankToNull(f.get("EventKey")),
        blankToNull(f.get("TaskId")),
        blankToNull(f.get("ResponseCode")),
        blankToNull(f.get("AgentID")),
        created,
        blankToNull(f.get("MsgId")),
        f);
  }

  public boolean isEvent() {
    return "event".equals(msgType);
  }

  public boolean isTemplateCardEvent() {
    return isEvent() && TEMPLATE_CARD_EVENT.equals(event);
  }

  public Optional<String> field(String name) {
    return Optional.ofNullable(blankToNull(fields.get(name)));
  }

  /**
   * What makes a message the same message: WeCom's MsgId, or for events (which have none) the
   * sender, the second, the event and what it was about (§4.1). A retry or replay gives the same
   * key.
   */
  public String dedupeKey() {
    String basis =
        msgId != null
            ? "msg:" + msgId
            : String.join(
                    "\u0000",
                    "event",
                    String.valueOf(fromUser),
                    String.valueOf(createTime),
                    String.valueOf(msgType),
                    String.valueOf(event),
                    String.valueOf(eventKey),
                    String.valueOf(taskId),
                    String.valueOf(agentId))
                + contactsSubject();
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * Contacts events all come from {@code sys} (§6.6): two members changed in the same second, or
   * two batch jobs ending together, are different events. Empty for every other event, so their
   * keys are as before.
   */
  private String contactsSubject() {
    StringBuilder subject = new StringBuilder();
    for (String name : new String[] {"ChangeType", "UserID", "Id", "BatchJob.JobId"}) {
      String value = blankToNull(fields.get(name));
      if (value != null) {
        subject.append('\u0000').append(name).append('=').append(value);
      }
    }
    return subject.toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
