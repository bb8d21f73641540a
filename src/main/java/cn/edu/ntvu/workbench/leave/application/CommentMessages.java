package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.TextCard;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The WeCom message of a comment on a request (issue 18, item 7): one textcard to everyone else on
 * the request, key {@code leave:42:comment:7} (one per comment: a retried transaction queues it
 * once, and each recipient is named once).
 */
@ApplicationScoped
public class CommentMessages {
  @Inject AppSettings settings;

  public OutgoingMessage comment(
      LeaveRequestRow r,
      long commentId,
      List<String> to,
      String authorName,
      String text,
      String typeName) {
    LeaveTexts t = LeaveTexts.chinese();
    String desc =
        TextCard.div(
                "gray", LeaveTexts.shortTime(r.start()) + " ~ " + LeaveTexts.shortTime(r.end()))
            + TextCard.div("normal", t.get("leave.msg.comment.by", authorName))
            + TextCard.div("highlight", TextCard.cut(text, 150));
    return OutgoingMessage.send(
        "leave:" + r.id() + ":comment:" + commentId,
        to,
        TextCard.body(
            t.get("leave.msg.comment.title", r.studentName(), typeName),
            desc,
            settings.publicBaseUrl() + "/leave/request.xhtml?id=" + r.id(),
            t.get("leave.msg.details")),
        LeaveMessages.topic(r.id()));
  }
}
