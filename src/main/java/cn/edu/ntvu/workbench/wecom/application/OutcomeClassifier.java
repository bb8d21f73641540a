package cn.edu.ntvu.workbench.wecom.application;

import cn.edu.ntvu.workbench.messaging.application.DeliveryOutcome;
import cn.edu.ntvu.workbench.wecom.domain.WeComApiException;
import cn.edu.ntvu.workbench.wecom.domain.WeComConfigurationException;
import cn.edu.ntvu.workbench.wecom.domain.WeComRateLimitedException;
import cn.edu.ntvu.workbench.wecom.domain.WeComUnavailableException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Turns WeCom's answer to {@code message/send} or {@code update_template_card} (or the client's
 * typed exception) into a {@link DeliveryOutcome} (docs/wecom-api.md §2.4, §5.1): errcode 0 is sent
 * (keeping msgid, response_code and invaliduser); -1, timeouts, HTTP errors, 45009/45033 and token
 * or configuration errors are retried; 81013 (every recipient invalid) and any other errcode fail
 * the message.
 */
public final class OutcomeClassifier {

  /** Errcodes that say nothing about the message itself: try again later. */
  static final Set<Integer> RETRYABLE =
      Set.of(
          -1, 40014, 42001, 42007, 42009, 45009, 45033, 40001, 40013, 48002, 50001, 60020, 301002);

  static final Duration RATE_LIMIT_BLOCK = Duration.ofSeconds(60);

  private OutcomeClassifier() {}

  /** WeCom's answer with errcode 0 (the client throws for any other). */
  public static DeliveryOutcome.Sent sent(JsonObject answer) {
    return new DeliveryOutcome.Sent(
        text(answer, "msgid"),
        text(answer, "response_code"),
        invalidUsers(answer.get("invaliduser")));
  }

  /** What a failed call means for the message. */
  public static DeliveryOutcome failure(RuntimeException failure) {
    if (failure instanceof WeComUnavailableException unavailable) {
      return new DeliveryOutcome.Retry(null, unavailable.getMessage(), Duration.ZERO);
    }
    if (failure instanceof WeComRateLimitedException limited) {
      return new DeliveryOutcome.Retry(limited.errcode(), limited.getMessage(), RATE_LIMIT_BLOCK);
    }
    if (failure instanceof WeComConfigurationException config) {
      return new DeliveryOutcome.Retry(config.errcode(), config.getMessage(), Duration.ZERO);
    }
    if (failure instanceof WeComApiException api) {
      return RETRYABLE.contains(api.errcode())
          ? new DeliveryOutcome.Retry(api.errcode(), api.getMessage(), Duration.ZERO)
          : new DeliveryOutcome.Failed(api.errcode(), api.getMessage());
    }
    // Not a WeCom answer: something in our own message or code; retrying cannot help.
    return new DeliveryOutcome.Failed(
        null, failure.getClass().getSimpleName() + ": " + failure.getMessage());
  }

  /** invaliduser as message/send gives it ({@code "a|b"}), or as a JSON array. */
  static List<String> invalidUsers(JsonValue value) {
    List<String> users = new ArrayList<>();
    if (value instanceof JsonString s) {
      Arrays.stream(s.getString().split("\\|"))
          .map(String::strip)
          .filter(u -> !u.isEmpty())
          .forEach(users::add);
    } else if (value instanceof JsonArray array) {
      for (JsonValue v : array) {
        if (v instanceof JsonString s && !s.getString().isBlank()) {
          users.add(s.getString().strip());
        }
      }
    }
    return users;
  }

  private static String text(JsonObject answer, String name) {
    return answer.get(name) instanceof JsonString s && !s.getString().isBlank()
        ? s.getString()
        : null;
  }
}
