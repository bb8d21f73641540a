package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.CardAction;
import cn.edu.ntvu.workbench.messaging.application.OutboxSender;
import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.TextCard;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * The WeCom messages of the leave workflow (docs/wecom-api.md §5.1), in Chinese. Each key names the
 * request and the event, so a retried transaction queues nothing twice: {@code
 * leave:42:step:1:open} (the approvers' card), {@code leave:42:step:1:decided} (the student's
 * notice), {@code leave:42:step:1:card-settled} (the card's buttons replaced once the step is
 * decided or withdrawn), {@code leave:42:withdrawn}, {@code leave:42:revoked} and {@code
 * leave:42:cancelled} (an approved leave taken back or cancelled), {@code leave:42:overdue}, {@code
 * leave:42:step:1:reason-asked:10001} (a 驳回 click of an older card: the page that asks the reason).
 */
@ApplicationScoped
public class LeaveMessages {
  @Inject AppSettings settings;

  /** The 同意/驳回 card to the approvers of a step that just opened. */
  public OutgoingMessage approvalCard(
      LeaveRequestRow r, int step, String typeName, String className, List<String> approvers) {
    LeaveTexts t = LeaveTexts.chinese();
    String title =
        t.get("leave.msg.card.title", r.studentName(), typeName, r.duration().daysText());
    JsonObjectBuilder card =
        Jsons.createObjectBuilder()
            .add("card_type", "button_interaction")
            .add("source", Jsons.createObjectBuilder().add("desc", t.get("leave.app")))
            .add(
                "main_title",
                Jsons.createObjectBuilder()
                    .add("title", cut(title, 36))
                    .add("desc", cut(className == null ? "" : className, 40)))
            .add("sub_title_text", cut(r.reason(), 60))
            .add(
                "horizontal_content_list",
                Jsons.createArrayBuilder()
                    .add(
                        kv(
                            t.get("leave.msg.card.time"),
                            LeaveTexts.shortTime(r.start())
                                + " ~ "
                                + LeaveTexts.shortTime(r.end())))
                    .add(
                        kv(
                            t.get("leave.msg.card.offCampus"),
                            r.offCampus()
                                ? t.get("leave.msg.yes") + " · " + cut(r.destination(), 20)
                                : t.get("leave.msg.no")))
                    .addAll(missedLine(t, r)))
            .add("task_id", CardAction.taskId(r.id(), step))
            .add(
                "card_action",
                Jsons.createObjectBuilder().add("type", 1).add("url", detailUrl(r.id())))
            .add(
                "button_list",
                Jsons.createArrayBuilder()
                    .add(
                        Jsons.createObjectBuilder()
                            .add("text", t.get("leave.msg.card.approve"))
                            .add("style", 1)
                            .add("key", CardAction.approveKey(r.id(), step)))
                    // 驳回 opens our page (through sign-in, as the card itself does), where the
                    // reason is asked: a click event could carry none (docs/wecom-api.md §5.1,
                    // button type 1 = URL).
                    .add(
                        Jsons.createObjectBuilder()
                            .add("text", t.get("leave.msg.card.reject"))
                            .add("style", 2)
                            .add("type", 1)
                            .add("url", rejectUrl(r.id(), step))));
    String body =
        Jsons.createObjectBuilder()
            .add("msgtype", "template_card")
            .add("template_card", card)
            .build()
            .toString();
    return OutgoingMessage.send(
        "leave:" + r.id() + ":step:" + step + ":open", approvers, body, topic(r.id()));
  }

  /**
   * The buttons of a step's card turned into a line saying how it ended ("张老师 已同意", "学生已撤回"), for
   * the approvers in {@code to} — all of the step's, or all but the one who clicked the card (whose
   * own button the click's response code updates). The card's send answered the response code this
   * needs; the outbox looks it up when it delivers.
   */
  public OutgoingMessage cardSettled(
      LeaveRequestRow r, int step, List<String> to, String buttonText) {
    String body =
        Jsons.createObjectBuilder()
            .add(OutboxSender.RESPONSE_CODE_OF, "leave:" + r.id() + ":step:" + step + ":open")
            .add("button", Jsons.createObjectBuilder().add("replace_name", cut(buttonText, 20)))
            .build()
            .toString();
    return new OutgoingMessage(
        "leave:" + r.id() + ":step:" + step + ":card-settled",
        OutgoingMessage.Kind.UPDATE_TEMPLATE_CARD,
        to,
        body,
        topic(r.id()));
  }

  /** The student's notice of a decision on one step (or of the final one). */
  public OutgoingMessage decisionNotice(
      LeaveRequestRow r,
      int step,
      boolean approved,
      boolean last,
      String deciderName,
      String comment,
      String typeName) {
    LeaveTexts t = LeaveTexts.chinese();
    String title =
        approved
            ? t.get(last ? "leave.msg.approved.title" : "leave.msg.stepApproved.title", typeName)
            : t.get("leave.msg.rejected.title", typeName);
    String desc =
        div("gray", LeaveTexts.shortTime(r.start()) + " ~ " + LeaveTexts.shortTime(r.end()))
            + div(
                "normal",
                t.get(approved ? "leave.msg.by.approved" : "leave.msg.by.rejected", deciderName))
            + (comment == null || comment.isBlank() ? "" : div("highlight", cut(comment, 80)));
    return OutgoingMessage.send(
        "leave:" + r.id() + ":step:" + step + ":decided",
        List.of(r.studentAccount()),
        textcard(title, desc, detailUrl(r.id())),
        topic(r.id()));
  }

  /** To the approvers of the open step: the student took the request back. */
  public OutgoingMessage withdrawnNotice(
      LeaveRequestRow r, List<String> approvers, String typeName) {
    LeaveTexts t = LeaveTexts.chinese();
    return closedNotice(
        r,
        "withdrawn",
        approvers,
        t.get("leave.msg.withdrawn.title", r.studentName(), typeName),
        div("normal", t.get("leave.msg.withdrawn.text")));
  }

  /**
   * To the approvers who approved it: the student took an approved leave back before it started
   * (key {@code leave:42:revoked}).
   */
  public OutgoingMessage revokedNotice(LeaveRequestRow r, List<String> to, String typeName) {
    LeaveTexts t = LeaveTexts.chinese();
    return closedNotice(
        r,
        "revoked",
        to,
        t.get("leave.msg.revoked.title", r.studentName(), typeName),
        div("normal", t.get("leave.msg.revoked.text")));
  }

  /**
   * To the student and the other approvers: an approver cancelled an approved leave, with the
   * reason (key {@code leave:42:cancelled}).
   */
  public OutgoingMessage cancelledNotice(
      LeaveRequestRow r, List<String> to, String typeName, String byName, String reason) {
    LeaveTexts t = LeaveTexts.chinese();
    return closedNotice(
        r,
        "cancelled",
        to,
        t.get("leave.msg.cancelled.title", r.studentName(), typeName),
        div("normal", t.get("leave.msg.cancelled.by", byName))
            + div("highlight", cut(t.get("leave.msg.cancelled.reason", reason), 120)));
  }

  /** A request closed by the student or an approver: its time, then what happened. */
  private OutgoingMessage closedNotice(
      LeaveRequestRow r, String event, List<String> to, String title, String what) {
    return OutgoingMessage.send(
        "leave:" + r.id() + ":" + event,
        to,
        textcard(
            title,
            div("gray", LeaveTexts.shortTime(r.start()) + " ~ " + LeaveTexts.shortTime(r.end()))
                + what,
            detailUrl(r.id())),
        topic(r.id()));
  }

  /** Once, to the student and the counsellors: the leave ended without 销假. */
  public OutgoingMessage overdueNotice(LeaveRequestRow r, List<String> to) {
    LeaveTexts t = LeaveTexts.chinese();
    return OutgoingMessage.send(
        "leave:" + r.id() + ":overdue",
        to,
        textcard(
            t.get("leave.msg.overdue.title", r.studentName()),
            div("gray", LeaveTexts.shortTime(r.start()) + " ~ " + LeaveTexts.shortTime(r.end()))
                + div("highlight", t.get("leave.msg.overdue.text")),
            detailUrl(r.id())),
        topic(r.id()));
  }

  /** To the counsellors: a student reported back (销假) and waits for their confirmation. */
  public OutgoingMessage returnNotice(LeaveRequestRow r, List<String> to) {
    LeaveTexts t = LeaveTexts.chinese();
    return OutgoingMessage.send(
        "leave:" + r.id() + ":returned",
        to,
        textcard(
            t.get("leave.msg.returned.title", r.studentName()),
            div("gray", LeaveTexts.shortTime(r.start()) + " ~ " + LeaveTexts.shortTime(r.end()))
                + div("highlight", t.get("leave.msg.returned.text")),
            detailUrl(r.id())),
        topic(r.id()));
  }

  /**
   * To an approver who clicked the 驳回 button of an older card (a click event, which carries no
   * reason): nothing was decided; the link opens the page where the reason is asked.
   */
  public OutgoingMessage reasonAsked(LeaveRequestRow r, int step, String to, String typeName) {
    LeaveTexts t = LeaveTexts.chinese();
    return OutgoingMessage.send(
        "leave:" + r.id() + ":step:" + step + ":reason-asked:" + to,
        List.of(to),
        textcard(
            t.get("leave.msg.reasonAsked.title", r.studentName(), typeName),
            div("gray", LeaveTexts.shortTime(r.start()) + " ~ " + LeaveTexts.shortTime(r.end()))
                + div("highlight", t.get("leave.msg.reasonAsked.text")),
            rejectUrl(r.id(), step)),
        topic(r.id()));
  }

  /** The request's page with the 驳回 reason asked for step {@code step}. */
  public String rejectUrl(long id, int step) {
    return detailUrl(id) + "&reject=" + step;
  }

  public String detailUrl(long id) {
    return settings.publicBaseUrl() + "/leave/request.xhtml?id=" + id;
  }

  static String topic(long id) {
    return "leave:" + id;
  }

  private static String textcard(String title, String description, String url) {
    return TextCard.body(title, description, url, LeaveTexts.chinese().get("leave.msg.details"));
  }

  /**
   * The card's one line on the classes missed ("缺课 4 门课 8 节"), as stored at submit; nothing when
   * none.
   */
  private static jakarta.json.JsonArrayBuilder missedLine(LeaveTexts t, LeaveRequestRow r) {
    jakarta.json.JsonArrayBuilder a = Jsons.createArrayBuilder();
    if (r.missedPeriodCount() > 0) {
      a.add(
          kv(
              t.get("leave.msg.card.missed"),
              cut(t.get("leave.missed.total", r.missedCourseCount(), r.missedPeriodCount()), 26)));
    }
    return a;
  }

  private static JsonObjectBuilder kv(String key, String value) {
    return Jsons.createObjectBuilder().add("keyname", key).add("value", value);
  }

  private static String div(String cls, String text) {
    return TextCard.div(cls, text);
  }

  private static String cut(String s, int max) {
    return TextCard.cut(s, max);
  }
}
