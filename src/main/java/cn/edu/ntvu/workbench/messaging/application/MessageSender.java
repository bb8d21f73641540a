package cn.edu.ntvu.workbench.messaging.application;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a message leaves this app: the one thing messaging needs from the outside world, implemented
 * by the WeCom context ({@code wecom.application.WeComMessageSender}), so that messaging imports
 * nothing of WeCom and WeCom may use messaging's types. Called without any database lock or
 * transaction held.
 */
public interface MessageSender {
  /**
   * Delivers one message to {@code users} and says what came of it; never throws: an unreachable
   * server, a refusal or a malformed body is an outcome (retry later, or failed for good).
   *
   * @param body the message as a micro-app queued it, any {@code response_code_of} already resolved
   */
  DeliveryOutcome deliver(OutgoingMessage.Kind kind, List<String> users, JsonObject body);

  /**
   * What an error code of a failed delivery means, in {@code locale}'s words, for the admin page;
   * empty if unknown.
   */
  Optional<String> explain(int errcode, Locale locale);
}
