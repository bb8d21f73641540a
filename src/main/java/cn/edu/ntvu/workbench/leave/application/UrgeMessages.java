package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.TextCard;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The WeCom messages of 催办 and escalation (issue 18, item 5), in Chinese, through the outbox. Keys:
 * {@code leave:42:step:1:urged} (the reminder to the approvers still to decide), {@code
 * leave:42:step:1:escalated:1} (stage 1, to the approvers and the fallback approver), {@code
 * leave:42:step:1:escalated:2} (stage 2, to the fallback approver: you may decide now), {@code
 * leave:approver-digest:2026-12-07:10001} (the 08:00 digest). A retried transaction queues none
 * twice.
 */
@ApplicationScoped
public class UrgeMessages {
  /** Lines of the digest card before "…等 N 条". */
  static final int DIGEST_LINES = 8;

  @Inject AppSettings settings;

  /** The reminder to the approvers still to decide a step the student urged. */
  public OutgoingMessage reminder(
      long requestId,
      int step,
      String studentName,
      String typeName,
      LocalDateTime start,
      LocalDateTime end,
      Duration waited,
      List<String> to) {
    LeaveTexts t = LeaveTexts.chinese();
    return OutgoingMessage.send(
        "leave:" + requestId + ":step:" + step + ":urged",
        to,
        TextCard.body(
            t.get("leave.urge.msg.title", studentName, typeName),
            TextCard.div("gray", times(start, end))
                + TextCard.div("highlight", t.get("leave.urge.msg.text", waited.toHours())),
            detailUrl(requestId),
            t.get("leave.urge.msg.button")),
        LeaveMessages.topic(requestId));
  }

  /**
   * Stage 1: the approvers and the fallback approver are told the step waits too long; stage 2: the
   * fallback approver may decide it now.
   */
  public OutgoingMessage escalated(
      int stage,
      UrgeStore.DueStep s,
      String typeName,
      Duration waited,
      String fallbackNames,
      List<String> to) {
    LeaveTexts t = LeaveTexts.chinese();
    String text =
        stage == 1
            ? t.get("leave.escalate.msg.text1", waited.toHours(), fallbackNames)
            : t.get("leave.escalate.msg.text2", waited.toHours());
    return OutgoingMessage.send(
        "leave:" + s.requestId() + ":step:" + s.stepNo() + ":escalated:" + stage,
        to,
        TextCard.body(
            t.get(
                stage == 1 ? "leave.escalate.msg.title1" : "leave.escalate.msg.title2",
                s.studentName(),
                typeName),
            TextCard.div("gray", times(s.start(), s.end())) + TextCard.div("highlight", text),
            detailUrl(s.requestId()),
            t.get("leave.urge.msg.button")),
        LeaveMessages.topic(s.requestId()));
  }

  /** The 08:00 digest of one approver: what waits for them, oldest first. */
  public OutgoingMessage digest(
      LocalDate day,
      String approver,
      List<UrgeStore.Waiting> waiting,
      java.util.function.Function<String, String> typeName,
      LocalDateTime now) {
    LeaveTexts t = LeaveTexts.chinese();
    StringBuilder lines = new StringBuilder();
    int shown = 0;
    for (UrgeStore.Waiting w : waiting) {
      if (shown == DIGEST_LINES) {
        lines.append(
            TextCard.div("gray", t.get("leave.approverDigest.more", waiting.size() - shown)));
        break;
      }
      lines.append(
          TextCard.div(
              "normal",
              t.get(
                  "leave.approverDigest.line",
                  w.studentName(),
                  typeName.apply(w.typeCode()),
                  LeaveTexts.shortTime(w.start()),
                  Math.max(0, Duration.between(w.openedAt(), now).toHours()))));
      shown++;
    }
    return OutgoingMessage.send(
        "leave:approver-digest:" + day + ":" + approver,
        List.of(approver),
        TextCard.body(
            t.get("leave.approverDigest.title", waiting.size()),
            TextCard.fitBytes(lines.toString(), TextCard.DESCRIPTION_BYTES),
            settings.publicBaseUrl() + "/leave/approvals.xhtml",
            t.get("leave.approverDigest.button")),
        "leave:approver-digest:" + day);
  }

  private String detailUrl(long id) {
    return settings.publicBaseUrl() + "/leave/request.xhtml?id=" + id;
  }

  private static String times(LocalDateTime start, LocalDateTime end) {
    return LeaveTexts.shortTime(start) + " ~ " + LeaveTexts.shortTime(end);
  }
}
