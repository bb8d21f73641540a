package cn.edu.ntvu.workbench.messaging.application;

import java.util.List;

/** What one attempt to deliver an outbox message came to. */
public sealed interface DeliveryOutcome {

  /**
   * WeCom took the message (errcode 0).
   *
   * @param msgid WeCom's msgid (for recall), or null (update_template_card answers none)
   * @param responseCode the response_code of an interactive template card, for
   *     update_template_card, or null
   * @param invalidUsers recipients WeCom reported invalid or out of scope (the others got it),
   *     lower-cased
   */
  record Sent(String msgid, String responseCode, List<String> invalidUsers)
      implements DeliveryOutcome {
    public Sent {
      invalidUsers = List.copyOf(invalidUsers);
    }
  }

  /**
   * Worth another attempt later: WeCom busy (-1) or unreachable (timeout, 5xx), rate-limited
   * (45009), an access token problem, or a configuration problem an admin can fix without touching
   * the message.
   *
   * @param errcode WeCom's errcode, or null when WeCom did not answer usefully
   * @param reason a technical description for the admin page and the log; never a secret
   * @param atLeast the shortest sensible wait (60 s after 45009, whose block lasts that long)
   */
  record Retry(Integer errcode, String reason, java.time.Duration atLeast)
      implements DeliveryOutcome {}

  /**
   * Will never succeed as it stands: every recipient invalid (81013), a malformed message, or
   * another permanent WeCom error.
   */
  record Failed(Integer errcode, String reason) implements DeliveryOutcome {}
}
