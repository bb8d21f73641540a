package cn.edu.ntvu.standin.wecom;

import java.time.LocalDateTime;

/**
 * One message the stand-in received, per recipient, with what WeCom would have done with it.
 *
 * @param api {@code SEND} (message/send) or {@code UPDATE_CARD} (update_template_card)
 * @param contentHash SHA-256 of what WeCom compares for its duplicate check (the message without
 *     addressing)
 * @param outcome {@code DELIVERED}, {@code DUPLICATE} (suppressed by enable_duplicate_check),
 *     {@code DROPPED} (over the per-member limit: WeCom drops it silently) or {@code UPDATED} (a
 *     card update)
 */
public record StandInMessage(
    long id,
    LocalDateTime receivedAt,
    String api,
    String touser,
    String msgtype,
    String contentHash,
    String body,
    String msgid,
    String outcome) {
  public static final String DELIVERED = "DELIVERED";
  public static final String DUPLICATE = "DUPLICATE";
  public static final String DROPPED = "DROPPED";
  public static final String UPDATED = "UPDATED";

  /**
   * A title to show on the inbox page: a card's or textcard's title, else the start of the text.
   */
  public String title() {
    for (String key : new String[] {"\"title\":\"", "\"content\":\""}) {
      int at = body.indexOf(key);
      if (at >= 0) {
        int start = at + key.length();
        int end = body.indexOf('"', start);
        String t = end > start ? body.substring(start, end) : "";
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
      }
    }
    return msgtype;
  }
}
