package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.messaging.application.OutboxSender;
import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.TextCard;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * The WeCom card of a person copied (抄送) on a request, and its update. One card per person and
 * request ({@code leave:42:cc:10004}): a {@code button_interaction} card whose one button opens the
 * request (so WeCom answers a response code, and the card can be updated through the outbox as the
 * approvers' are); when the request changes later (approved, rejected, withdrawn, cancelled,
 * extended) the button is replaced by what happened ({@code leave:42:cc:10004:updated}). WeCom
 * takes a response code once (docs/wecom-api.md §5.2), so a card is updated once: at the first
 * change after it was sent; the page it opens always tells the rest.
 */
@ApplicationScoped
public class CcMessages {
  @Inject LeaveMessages leaveMessages;

  public static String cardKey(long requestId, String account) {
    return "leave:" + requestId + ":cc:" + account;
  }

  /** WeCom's task_id allows {@code [0-9a-zA-Z_-@]}: anything else in an account becomes "_". */
  public static String taskId(long requestId, String account) {
    return "leave-cc-" + requestId + "-" + account.replaceAll("[^0-9a-zA-Z_@-]", "_");
  }

  /** The card to one copied person, with where the request stands now ({@code statusText}). */
  public OutgoingMessage card(
      LeaveRequestRow r, String typeName, String className, String account, String statusText) {
    LeaveTexts t = LeaveTexts.chinese();
    String title = t.get("leave.cc.card.title", r.studentName(), typeName, r.duration().daysText());
    JsonObjectBuilder card =
        Jsons.createObjectBuilder()
            .add("card_type", "button_interaction")
            .add("source", Jsons.createObjectBuilder().add("desc", t.get("leave.app")))
            .add(
                "main_title",
                Jsons.createObjectBuilder()
                    .add("title", TextCard.cut(title, 36))
                    .add("desc", TextCard.cut(className == null ? "" : className, 40)))
            .add("sub_title_text", TextCard.cut(r.reason(), 60))
            .add(
                "horizontal_content_list",
                Jsons.createArrayBuilder()
                    .add(
                        kv(
                            t.get("leave.msg.card.time"),
                            LeaveTexts.shortTime(r.start())
                                + " ~ "
                                + LeaveTexts.shortTime(r.end())))
                    .add(kv(t.get("leave.cc.card.status"), TextCard.cut(statusText, 26))))
            .add("task_id", taskId(r.id(), account))
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
                            .add("text", t.get("leave.cc.card.open"))
                            .add("style", 1)
                            .add("type", 1)
                            .add("url", leaveMessages.detailUrl(r.id()))));
    String body =
        Jsons.createObjectBuilder()
            .add("msgtype", "template_card")
            .add("template_card", card)
            .build()
            .toString();
    return OutgoingMessage.send(
        cardKey(r.id(), account), List.of(account), body, LeaveMessages.topic(r.id()));
  }

  /** The copied person's card says what became of the request ("已批准", "学生已撤回", …). */
  public OutgoingMessage cardUpdated(LeaveRequestRow r, String account, String text) {
    String body =
        Jsons.createObjectBuilder()
            .add(OutboxSender.RESPONSE_CODE_OF, cardKey(r.id(), account))
            .add("button", Jsons.createObjectBuilder().add("replace_name", TextCard.cut(text, 20)))
            .build()
            .toString();
    return new OutgoingMessage(
        cardKey(r.id(), account) + ":updated",
        OutgoingMessage.Kind.UPDATE_TEMPLATE_CARD,
        List.of(account),
        body,
        LeaveMessages.topic(r.id()));
  }

  private static JsonObjectBuilder kv(String key, String value) {
    return Jsons.createObjectBuilder().add("keyname", key).add("value", value);
  }
}
