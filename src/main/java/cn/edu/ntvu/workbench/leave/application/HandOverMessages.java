package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.ApprovalChain;
import cn.edu.ntvu.workbench.leave.domain.CardAction;
import cn.edu.ntvu.workbench.leave.domain.SeatOrigin;
import cn.edu.ntvu.workbench.leave.domain.StepMode;
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
 * The WeCom cards of 转审 (hand over) and 加签 (add an approver), in Chinese, through the outbox.
 *
 * <p>WeCom wants every task id of an app unique and lets a card's response code be used once
 * (wecom-api-notes §5.2). So a seat given to someone after its step opened gets its OWN card, as a
 * 会签 seat does ({@link ChainMessages}): key {@code leave:42:step:1:open:<account>}, task id {@code
 * leave-42-1-<position>}, the step's buttons — with a first line saying who handed it over or added
 * them. {@link #ownCard} tells which seats hold such a card and which the step's first card, shared
 * by the approvers it opened with ({@code leave:42:step:1:open}); an update of a shared card uses
 * the step's one settle key ({@code leave:42:step:1:card-settled}), so its code is never used
 * twice.
 */
@ApplicationScoped
public class HandOverMessages {
  @Inject LeaveMessages messages;

  /**
   * Whether {@code seat} holds a card of its own (a 会签 step's seats, and seats given after the step
   * opened: 转审, 加签 before, an admin's replacement) rather than the step's first card.
   */
  public static boolean ownCard(ApprovalChain.Step step, ApprovalChain.Seat seat) {
    return step.mode() == StepMode.ALL
        || !(seat.origin() == SeatOrigin.RULE
            || seat.origin() == SeatOrigin.FALLBACK
            || seat.origin() == SeatOrigin.ADDED_AFTER);
  }

  /**
   * The 同意/驳回 card of step {@code step} to one more approver ({@code to}, seat {@code position}),
   * with {@code why} as its first line ("毛敏 转审：我出差").
   */
  public OutgoingMessage approverCard(
      LeaveRequestRow r,
      int step,
      int position,
      String typeName,
      String className,
      String to,
      String why) {
    JsonObject tc = cardOf(messages.approvalCard(r, step, typeName, className, List.of(to)));
    var lines = Jsons.createArrayBuilder();
    lines.add(
        Jsons.createObjectBuilder()
            .add("keyname", LeaveTexts.chinese().get("leave.handOver.card.why"))
            .add("value", TextCard.cut(why, 26)));
    tc.getJsonArray("horizontal_content_list").forEach(lines::add);
    var card =
        Jsons.createObjectBuilder(tc)
            .add("task_id", CardAction.seatTaskId(r.id(), step, position))
            .add("horizontal_content_list", lines);
    String json =
        Jsons.createObjectBuilder()
            .add("msgtype", "template_card")
            .add("template_card", card)
            .build()
            .toString();
    return OutgoingMessage.send(
        ChainMessages.seatCardKey(r.id(), step, to),
        List.of(to),
        json,
        LeaveMessages.topic(r.id()));
  }

  /**
   * The step's first card, held by {@code to} alone now, says {@code text} instead of its buttons
   * (under the step's one settle key: the card's code is used once).
   */
  public OutgoingMessage sharedCardSays(LeaveRequestRow r, int step, String to, String text) {
    return messages.cardSettled(r, step, List.of(to), text);
  }

  /**
   * The step's first card, held by {@code to} alone now, again in full with its buttons and {@code
   * text} as its subtitle ("等待 陶博 先审批"): the adder decides from it later, and the click's own code
   * updates it then.
   */
  public OutgoingMessage sharedCardWaits(
      LeaveRequestRow r, int step, String typeName, String className, String to, String text) {
    JsonObject tc = cardOf(messages.approvalCard(r, step, typeName, className, List.of(to)));
    String body =
        Jsons.createObjectBuilder()
            .add(OutboxSender.RESPONSE_CODE_OF, "leave:" + r.id() + ":step:" + step + ":open")
            .add(
                "template_card",
                Jsons.createObjectBuilder(tc).add("sub_title_text", TextCard.cut(text, 60)))
            .build()
            .toString();
    return new OutgoingMessage(
        "leave:" + r.id() + ":step:" + step + ":card-settled",
        OutgoingMessage.Kind.UPDATE_TEMPLATE_CARD,
        List.of(to),
        body,
        LeaveMessages.topic(r.id()));
  }

  /**
   * To an adder (加签 before) once the one they added approved: the step is theirs to decide again
   * (key {@code leave:42:step:1:back:<adder>:<approver>}; a seat decides once, so once).
   */
  public OutgoingMessage backToYou(
      LeaveRequestRow r, int step, String adder, String byAccount, String byName) {
    LeaveTexts t = LeaveTexts.chinese();
    return OutgoingMessage.send(
        "leave:" + r.id() + ":step:" + step + ":back:" + adder + ":" + byAccount,
        List.of(adder),
        TextCard.body(
            t.get("leave.handOver.back.title", byName, r.studentName()),
            TextCard.div(
                    "gray", LeaveTexts.shortTime(r.start()) + " ~ " + LeaveTexts.shortTime(r.end()))
                + TextCard.div("highlight", t.get("leave.handOver.back.text")),
            messages.detailUrl(r.id()),
            t.get("leave.msg.details")),
        LeaveMessages.topic(r.id()));
  }

  /** "已转审给 王老师": the old approver's card. */
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

  private static JsonObject cardOf(OutgoingMessage m) {
    try (JsonReader in = Jsons.createReader(new StringReader(m.body()))) {
      return in.readObject().getJsonObject("template_card");
    }
  }
}
