package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.CardAction;
import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.TextCard;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * The WeCom messages of a 续假 (extension). The approvers' card is the approval card of its step
 * (same task id and keys as every step, {@code leave:42:step:3:open}, so a click and the "已同意"
 * update work as for any step) but says it is an extension: "续假：田芬 事假 延长 1天", the original period,
 * the new end and the extension's reason. The student's notice of each decision is keyed {@code
 * leave:42:step:3:decided}.
 */
@ApplicationScoped
public class ExtensionMessages {
  @Inject LeaveMessages leaveMessages;

  public OutgoingMessage approvalCard(
      LeaveRequestRow r,
      ExtensionRow e,
      int step,
      String typeName,
      String className,
      List<String> approvers) {
    LeaveTexts t = LeaveTexts.chinese();
    String title =
        t.get("leave.ext.card.title", r.studentName(), typeName, e.duration().daysText());
    JsonObjectBuilder card =
        Jsons.createObjectBuilder()
            .add("card_type", "button_interaction")
            .add("source", Jsons.createObjectBuilder().add("desc", t.get("leave.app")))
            .add(
                "main_title",
                Jsons.createObjectBuilder()
                    .add("title", TextCard.cut(title, 36))
                    .add("desc", TextCard.cut(className == null ? "" : className, 40)))
            .add("sub_title_text", TextCard.cut(e.reason(), 60))
            .add(
                "horizontal_content_list",
                Jsons.createArrayBuilder()
                    .add(
                        kv(
                            t.get("leave.ext.original"),
                            LeaveTexts.shortTime(r.start())
                                + " ~ "
                                + LeaveTexts.shortTime(e.oldEnd())))
                    .add(kv(t.get("leave.ext.until"), LeaveTexts.shortTime(e.newEnd()))))
            .add("task_id", CardAction.taskId(r.id(), step))
            .add(
                "card_action",
                Jsons.createObjectBuilder()
                    .add("type", 1)
                    .add("url", leaveMessages.detailUrl(r.id())))
            .add(
                "button_list",
                Jsons.createArrayBuilder()
                    .add(
                        Jsons.createObjectBuilder()
                            .add("text", t.get("leave.msg.card.approve"))
                            .add("style", 1)
                            .add("key", CardAction.approveKey(r.id(), step)))
                    .add(
                        Jsons.createObjectBuilder()
                            .add("text", t.get("leave.msg.card.reject"))
                            .add("style", 2)
                            .add("type", 1)
                            .add("url", leaveMessages.rejectUrl(r.id(), step))));
    String body =
        Jsons.createObjectBuilder()
            .add("msgtype", "template_card")
            .add("template_card", card)
            .build()
            .toString();
    return OutgoingMessage.send(
        "leave:" + r.id() + ":step:" + step + ":open",
        approvers,
        body,
        LeaveMessages.topic(r.id()));
  }

  /** The student's notice of a decision on an extension's step (or of the last one). */
  public OutgoingMessage decisionNotice(
      LeaveRequestRow r,
      ExtensionRow e,
      int step,
      boolean approved,
      boolean last,
      String deciderName,
      String comment,
      String typeName) {
    LeaveTexts t = LeaveTexts.chinese();
    String title =
        approved
            ? t.get(last ? "leave.ext.msg.approved" : "leave.ext.msg.stepApproved", typeName)
            : t.get("leave.ext.msg.rejected", typeName);
    String desc =
        TextCard.div("gray", t.get("leave.ext.msg.until", LeaveTexts.shortTime(e.newEnd())))
            + TextCard.div(
                "normal",
                t.get(approved ? "leave.msg.by.approved" : "leave.msg.by.rejected", deciderName))
            + (comment == null || comment.isBlank()
                ? ""
                : TextCard.div("highlight", TextCard.cut(comment, 80)));
    return OutgoingMessage.send(
        "leave:" + r.id() + ":step:" + step + ":decided",
        List.of(r.studentAccount()),
        TextCard.body(title, desc, leaveMessages.detailUrl(r.id()), t.get("leave.msg.details")),
        LeaveMessages.topic(r.id()));
  }

  private static JsonObjectBuilder kv(String key, String value) {
    return Jsons.createObjectBuilder().add("keyname", key).add("value", value);
  }
}
