package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.CardAction;
import cn.edu.ntvu.workbench.messaging.application.OutboxSender;
import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.TextCard;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;

/**
 * The WeCom messages of 转审 (hand over) and 加签 (add an approver), in Chinese, through the outbox:
 *
 * <ul>
 *   <li>the new approver's 同意/驳回 card — the step's card with a line saying who handed it over or
 *       added them (and the note), under its own message key {@code leave:42:step:1:open:<card>}
 *       and task id {@code leave-42-1-<card>} (WeCom wants task ids unique), where {@code <card>}
 *       is the seat's number; its buttons are the step's, so a click decides as on the first card;
 *   <li>an earlier card of the step turned into a line ({@code update_template_card} with the
 *       response code of that card's own send, looked up by the outbox): "已转审给 王老师" for the one who
 *       handed over, "等待 王老师 先审批" for the one who added someone before themselves.
 * </ul>
 *
 * Every key names the request, the step and the seat, so a retried transaction queues nothing twice
 * and two hand-overs of one step are two messages.
 */
@ApplicationScoped
public class HandOverMessages {
  @Inject LeaveMessages messages;

  /** The message key of a step's card: the first card of the step, or card {@code card}. */
  public static String cardKey(long requestId, int step, long card) {
    String first = "leave:" + requestId + ":step:" + step + ":open";
    return card == 0 ? first : first + ":" + card;
  }

  /**
   * The 同意/驳回 card of step {@code step} to one more approver ({@code to}), as card number {@code
   * card} of that step, with {@code why} as its first line ("毛敏 转审：我出差").
   */
  public OutgoingMessage approverCard(
      LeaveRequestRow r,
      int step,
      long card,
      String typeName,
      String className,
      String to,
      String why) {
    OutgoingMessage first = messages.approvalCard(r, step, typeName, className, List.of(to));
    JsonObject body;
    try (JsonReader in = Jsons.createReader(new StringReader(first.body()))) {
      body = in.readObject();
    }
    JsonObject tc = body.getJsonObject("template_card");
    var lines = Jsons.createArrayBuilder();
    lines.add(
        Jsons.createObjectBuilder()
            .add("keyname", LeaveTexts.chinese().get("leave.handOver.card.why"))
            .add("value", TextCard.cut(why, 26)));
    tc.getJsonArray("horizontal_content_list").forEach(lines::add);
    var card1 =
        Jsons.createObjectBuilder(tc)
            .add("task_id", CardAction.taskId(r.id(), step, card))
            .add("horizontal_content_list", lines);
    String json = Jsons.createObjectBuilder(body).add("template_card", card1).build().toString();
    return OutgoingMessage.send(
        cardKey(r.id(), step, card), List.of(to), json, LeaveMessages.topic(r.id()));
  }

  /**
   * Card {@code card} of step {@code step}, held by {@code to}, now says {@code text} instead of
   * its buttons; {@code event} makes the key unique ({@code leave:42:step:1:card:0:handed-over:7}).
   */
  public OutgoingMessage cardSays(
      LeaveRequestRow r, int step, long card, String event, List<String> to, String text) {
    String body =
        Jsons.createObjectBuilder()
            .add(OutboxSender.RESPONSE_CODE_OF, cardKey(r.id(), step, card))
            .add("button", Jsons.createObjectBuilder().add("replace_name", TextCard.cut(text, 20)))
            .build()
            .toString();
    return new OutgoingMessage(
        "leave:" + r.id() + ":step:" + step + ":card:" + card + ":" + event,
        OutgoingMessage.Kind.UPDATE_TEMPLATE_CARD,
        to,
        body,
        LeaveMessages.topic(r.id()));
  }

  /** "已转审给 王老师": the old approver's card and a stale click on it. */
  public static String handedOverTo(String name) {
    return LeaveTexts.chinese().get("leave.handOver.card.handedOver", name);
  }

  /** "等待 王老师 先审批": the card of the one who added someone before themselves. */
  public static String waitingFor(String name) {
    return LeaveTexts.chinese().get("leave.handOver.card.waiting", name);
  }

  /** The new card's first line: who handed the step over, and why. */
  public static String handedOverBy(String name, String note) {
    LeaveTexts t = LeaveTexts.chinese();
    return note == null || note.isBlank()
        ? t.get("leave.handOver.card.by", name)
        : t.get("leave.handOver.card.byWithNote", name, note.strip());
  }

  /** The added approver's first line: who added them, before or after themselves. */
  public static String addedBy(String name, boolean before) {
    return LeaveTexts.chinese()
        .get(before ? "leave.handOver.card.addedBefore" : "leave.handOver.card.addedAfter", name);
  }
}
