package cn.edu.ntvu.workbench.leave.interfaces.wecom;

import cn.edu.ntvu.workbench.leave.application.DecisionOutcome;
import cn.edu.ntvu.workbench.leave.application.LeaveDecisions;
import cn.edu.ntvu.workbench.leave.domain.CardAction;
import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.wecom.application.WeComCallbackMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * 同意/驳回 clicked on a leave card inside WeCom (a {@code template_card_event} from the callback
 * endpoint, which hands each click over once across servers, inside the transaction that records
 * it). The decision is the same as on the page — only an approver of the open step decides, and
 * only once — and the clicker's card then shows what happened ("已同意", "已驳回", "已由 X 处理", …) through
 * {@code update_template_card} with the click's response code, queued in the outbox in the same
 * transaction (so a WeCom hiccup delays the card update but never loses it).
 */
@ApplicationScoped
public class LeaveCardButtons {
  private static final Logger LOG = Logger.getLogger(LeaveCardButtons.class.getName());
  private static final String BUNDLE = "i18n.leave";

  @Inject LeaveDecisions decisions;
  @Inject WeComOutbox outbox;

  void onClick(@Observes WeComCallbackMessage m) {
    if (!m.isTemplateCardEvent() || CardAction.parse(m.taskId(), m.eventKey()).isEmpty()) {
      return; // not a leave card
    }
    if (m.fromUser() == null) {
      return;
    }
    DecisionOutcome outcome = decisions.decideFromCard(m.fromUser(), m.taskId(), m.eventKey());
    LOG.info(
        () ->
            "leave card "
                + m.taskId()
                + " "
                + m.eventKey()
                + " by "
                + m.fromUser()
                + ": "
                + outcome.kind());
    if (m.responseCode() == null
        || m.responseCode().isBlank()
        || outcome.kind() == DecisionOutcome.Kind.REASON_MISSING
        || outcome.kind() == DecisionOutcome.Kind.WAITING) {
      // A 驳回 without a reason decided nothing: the card keeps its buttons, and the approver got
      // the page that asks for the reason (LeaveDecisions.decideFromCard). An adder still waiting
      // for the one they added before (加签) keeps the buttons too, for later.
      return;
    }
    String body =
        Jsons.createObjectBuilder()
            .add("response_code", m.responseCode())
            .add(
                "button",
                Jsons.createObjectBuilder().add("replace_name", buttonText(outcome, m.eventKey())))
            .build()
            .toString();
    outbox.enqueue(
        new OutgoingMessage(
            "leave-card:"
                + m.taskId()
                + ":"
                + m.fromUser()
                + ":"
                + Integer.toHexString(m.responseCode().hashCode())
                + ":"
                + m.responseCode().length(),
            OutgoingMessage.Kind.UPDATE_TEMPLATE_CARD,
            List.of(m.fromUser()),
            body,
            "leave:" + outcome.requestId()));
  }

  /**
   * What the clicker's button says afterwards (WeCom users read Chinese; the card is not localised
   * per person).
   */
  static String buttonText(DecisionOutcome outcome, String eventKey) {
    return switch (outcome.kind()) {
      case DECIDED ->
          text(
              eventKey.startsWith("approve:")
                  ? "leave.card.done.approved"
                  : "leave.card.done.rejected");
      case ALREADY_DECIDED ->
          outcome.decidedByName() == null
              ? text("leave.card.done.already")
              : text("leave.card.done.by", outcome.decidedByName());
      case CLOSED ->
          "REVOKED".equals(outcome.decision()) || "CANCELLED".equals(outcome.decision())
              ? text("leave.card.done." + outcome.decision())
              : text("leave.card.done.closed");
      case NOT_YOUR_STEP, UNKNOWN -> text("leave.card.done.notYours");
      case REASON_MISSING -> text("leave.card.done.reasonMissing");
      case HANDED_OVER ->
          outcome.decidedByName() == null || outcome.decidedByName().isBlank()
              ? text("leave.card.done.already")
              : text("leave.card.done.handedOver", outcome.decidedByName());
      case WAITING -> text("leave.card.done.waiting");
    };
  }

  private static String text(String key, String... args) {
    return BundleText.format(BUNDLE, Locale.SIMPLIFIED_CHINESE, key, List.of(args));
  }
}
