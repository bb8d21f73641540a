package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.CardAction;
import cn.edu.ntvu.workbench.messaging.application.OutboxSender;
import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.StringReader;
import java.util.List;
import java.util.Set;

/**
 * The cards of a 会签 step (issue 18): one card per seat, so that each approver's card can be changed
 * on its own ("毛敏 已同意，等待 2 人", then "已同意" or "王老师 已驳回").
 *
 * <p>WeCom lets a card's response code be used once (wecom-api-notes §5.2; the stand-in enforces
 * it). So each seat's card has ONE update key, {@code leave:<id>:step:<n>:card:<account>}, on topic
 * {@code leave-card:<id>:<n>:<account>}: a newer state drops the still-waiting older update and
 * queues itself under that key ("updated, not re-sent"); once an update has gone out, the card
 * keeps it and a click on its buttons is answered with text by the callback (a stale card never
 * acts: {@code LeaveDecisions} refuses a second decision of a seat). A progress update replaces the
 * whole card and keeps its buttons, so the approver can still decide from it.
 */
@ApplicationScoped
public class ChainMessages {
  @Inject LeaveMessages messages;
  @Inject WeComOutbox outbox;

  /** The key of the send of one seat's card. */
  public static String seatCardKey(long requestId, int step, String account) {
    return "leave:" + requestId + ":step:" + step + ":open:" + account;
  }

  static String updateKey(long requestId, int step, String account) {
    return "leave:" + requestId + ":step:" + step + ":card:" + account;
  }

  static String updateTopic(long requestId, int step, String account) {
    return "leave-card:" + requestId + ":" + step + ":" + account;
  }

  /** The 同意/驳回 card of one seat of a 会签 step (its own task id and send key). */
  public OutgoingMessage seatCard(
      LeaveRequestRow r,
      int step,
      int position,
      String account,
      String typeName,
      String className,
      String progress) {
    JsonObject card = cardOf(messages.approvalCard(r, step, typeName, className, List.of(account)));
    var b =
        Jsons.createObjectBuilder(card)
            .add("task_id", CardAction.seatTaskId(r.id(), step, position));
    if (progress != null) {
      b.add("sub_title_text", cut(progress, 60));
    }
    String body =
        Jsons.createObjectBuilder()
            .add("msgtype", "template_card")
            .add("template_card", b)
            .build()
            .toString();
    return OutgoingMessage.send(
        seatCardKey(r.id(), step, account), List.of(account), body, LeaveMessages.topic(r.id()));
  }

  /**
   * Progress on the cards of the seats still to decide: the whole card again, buttons kept, its
   * subtitle saying who decided and how many are left.
   */
  @Transactional(TxType.MANDATORY)
  public void progress(
      LeaveRequestRow r,
      int step,
      List<Integer> positions,
      List<String> accounts,
      String typeName,
      String className,
      String text) {
    for (int i = 0; i < accounts.size(); i++) {
      String a = accounts.get(i);
      JsonObject card = cardOf(seatCard(r, step, positions.get(i), a, typeName, className, text));
      String body =
          Jsons.createObjectBuilder()
              .add(OutboxSender.RESPONSE_CODE_OF, seatCardKey(r.id(), step, a))
              .add("template_card", card)
              .build()
              .toString();
      update(r.id(), step, a, body);
    }
  }

  /** The buttons of these seats' cards turned into a line saying how it ended for them. */
  @Transactional(TxType.MANDATORY)
  public void settle(LeaveRequestRow r, int step, List<String> accounts, String buttonText) {
    for (String a : accounts) {
      String body =
          Jsons.createObjectBuilder()
              .add(OutboxSender.RESPONSE_CODE_OF, seatCardKey(r.id(), step, a))
              .add("button", Jsons.createObjectBuilder().add("replace_name", cut(buttonText, 20)))
              .build()
              .toString();
      update(r.id(), step, a, body);
    }
  }

  private void update(long requestId, int step, String account, String body) {
    String topic = updateTopic(requestId, step, account);
    String key = updateKey(requestId, step, account);
    outbox.dropWaiting(OutgoingMessage.Kind.UPDATE_TEMPLATE_CARD, List.of(topic));
    Set<String> there = outbox.queuedKeys(List.of(key));
    if (!there.isEmpty()) {
      return; // this card's one update went out already
    }
    outbox.enqueue(
        new OutgoingMessage(
            key, OutgoingMessage.Kind.UPDATE_TEMPLATE_CARD, List.of(account), body, topic));
  }

  private static JsonObject cardOf(OutgoingMessage m) {
    try (JsonReader reader = Jsons.createReader(new StringReader(m.body()))) {
      return reader.readObject().getJsonObject("template_card");
    }
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
