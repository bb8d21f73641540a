package cn.edu.ntvu.workbench.wecom.application;

import cn.edu.ntvu.workbench.messaging.application.DeliveryOutcome;
import cn.edu.ntvu.workbench.messaging.application.MessageSender;
import cn.edu.ntvu.workbench.messaging.application.OutboxSettings;
import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.wecom.domain.Agent;
import cn.edu.ntvu.workbench.wecom.domain.WeComApiException;
import cn.edu.ntvu.workbench.wecom.domain.WeComErrorHint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the messaging outbox's messages as the workbench agent: {@code message/send} with {@code
 * agentid}, {@code touser} and WeCom's duplicate check, or {@code update_template_card} with {@code
 * userids} (docs/wecom-api.md §5), through the one {@link WeComClient} (so its token and retry
 * rules apply), and says what came of it ({@link OutcomeClassifier}).
 */
@ApplicationScoped
public class WeComMessageSender implements MessageSender {
  static final String SEND = "/cgi-bin/message/send";
  static final String UPDATE_TEMPLATE_CARD = "/cgi-bin/message/update_template_card";
  static final String RECALL = "/cgi-bin/message/recall";

  @Inject WeComClient client;
  @Inject OutboxSettings settings;

  @Override
  public DeliveryOutcome deliver(OutgoingMessage.Kind kind, List<String> users, JsonObject body) {
    JsonObjectBuilder request = Jsons.createObjectBuilder(body);
    String path;
    if (kind == OutgoingMessage.Kind.RECALL) {
      // §5.3/§10.3: only {"msgid": …}, with the token of the app that sent it (else 40058).
      try {
        JsonObject answer =
            client.post(
                client.workbenchAgent(),
                RECALL,
                Map.of(),
                Jsons.createObjectBuilder().add("msgid", body.getString("msgid", "")).build());
        return OutcomeClassifier.sent(answer);
      } catch (RuntimeException e) {
        return OutcomeClassifier.failure(e);
      }
    }
    if (kind == OutgoingMessage.Kind.WORKBENCH_DATA) {
      // §10.1, §10.0 gotcha 1: one person → set_workbench_data (type at the top level); several
      // with the same values → batch_set_workbench_data (≤1000, wrapped in data).
      try {
        Agent agent = client.workbenchAgent();
        List<String> outside = new java.util.ArrayList<>();
        JsonObject answer = setWorkbenchData(agent, users, body, outside);
        if (!outside.isEmpty() && outside.size() == users.size()) {
          throw WeComApiException.of(
              WorkbenchPayloads.BATCH_SET_DATA, NOT_IN_APP_RANGE, "no one in the app's range");
        }
        DeliveryOutcome.Sent sent = OutcomeClassifier.sent(answer);
        return outside.isEmpty()
            ? sent
            : new DeliveryOutcome.Sent(sent.msgid(), sent.responseCode(), List.copyOf(outside));
      } catch (RuntimeException e) {
        return OutcomeClassifier.failure(e);
      }
    }
    if (kind == OutgoingMessage.Kind.UPDATE_TEMPLATE_CARD) {
      path = UPDATE_TEMPLATE_CARD;
      JsonArrayBuilder userids = Jsons.createArrayBuilder();
      users.forEach(userids::add);
      request.add("userids", userids);
    } else {
      path = SEND;
      request.add("touser", String.join("|", users));
      // §5.1: WeCom drops a repeat of the same message within the interval: a send retried after a
      // lost answer
      // (or by a server whose lease ran out) does not reach the person twice.
      request.add("enable_duplicate_check", 1);
      request.add("duplicate_check_interval", settings.duplicateCheckIntervalSeconds());
    }
    try {
      Agent agent = client.workbenchAgent();
      if (agentId(agent) instanceof Long id) {
        request.add("agentid", id);
      } else {
        request.add("agentid", agent.agentId());
      }
      JsonObject answer = client.post(agent, path, Map.of(), request.build());
      return OutcomeClassifier.sent(answer);
    } catch (RuntimeException e) {
      return OutcomeClassifier.failure(e);
    }
  }

  @Override
  public Optional<String> explain(int errcode, Locale locale) {
    return WeComErrorHint.of(errcode)
        .map(h -> "en".equals(locale.getLanguage()) ? h.english() : h.chinese());
  }

  private static Object agentId(Agent agent) {
    try {
      return Long.parseLong(agent.agentId());
    } catch (NumberFormatException e) {
      return agent.agentId();
    }
  }

  /** 60011: a userid outside the app's visible range (or not a member). */
  static final int NOT_IN_APP_RANGE = 60011;

  /**
   * Sets {@code users}' workbench data: one person with {@code set_workbench_data}, several with
   * {@code batch_set_workbench_data}. A batch refused with 60011 names no one, so a person our
   * directory has but WeCom does not (not joined yet, outside the app's range) would stop everyone
   * in the batch: the batch is split in halves until the refused people are alone; they are added
   * to {@code outside} and the others get their numbers (a few extra calls per such person).
   */
  private JsonObject setWorkbenchData(
      Agent agent, List<String> users, JsonObject body, List<String> outside) {
    boolean one = users.size() == 1;
    try {
      return client.post(
          agent,
          one ? WorkbenchPayloads.SET_DATA : WorkbenchPayloads.BATCH_SET_DATA,
          Map.of(),
          one
              ? WorkbenchPayloads.setData(agent.agentId(), users.get(0), body)
              : WorkbenchPayloads.batchSetData(agent.agentId(), users, body));
    } catch (WeComApiException e) {
      if (e.errcode() != NOT_IN_APP_RANGE) {
        throw e;
      }
      if (one) {
        outside.add(users.get(0));
        return Jsons.createObjectBuilder().add("errcode", 0).add("errmsg", "ok").build();
      }
      int half = users.size() / 2;
      setWorkbenchData(agent, users.subList(0, half), body, outside);
      return setWorkbenchData(agent, users.subList(half, users.size()), body, outside);
    }
  }
}
