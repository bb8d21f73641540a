package cn.edu.ntvu.workbench.notices.application;

import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.TextCard;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The WeCom textcards of 通知 (docs/wecom-api.md §5.1), in Chinese, at most 1,000 recipients a
 * message, each opening the notice's page (signed in through OAuth inside WeCom). Keys name the
 * notice, the event and the part ({@code notices:42:sent:0}, {@code
 * notices:42:remind:2026-11-25T10:20:0}, {@code notices:42:edited:…:0}); a retried transaction
 * queues nothing twice, and each reminder differs in its text (WeCom's duplicate check).
 */
@ApplicationScoped
public class NoticeMessages {
  /** WeCom's touser limit. */
  public static final int PER_MESSAGE = TextCard.PER_MESSAGE;

  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  @Inject AppSettings settings;

  public List<OutgoingMessage> sent(NoticeRow n, List<String> to) {
    NoticesTexts t = NoticesTexts.chinese();
    String desc =
        div("gray", t.get("notices.msg.from", n.ownerName()))
            + div("normal", cut(NoticeBody.plain(n.bodyHtml()), 80))
            + confirm(n, t);
    String title = (n.settings().important() ? t.get("notices.msg.important") : "") + n.title();
    return split("notices:" + n.id() + ":sent", to, cut(title, 40), desc, n.id());
  }

  public List<OutgoingMessage> reminder(NoticeRow n, List<String> to, LocalDateTime now) {
    NoticesTexts t = NoticesTexts.chinese();
    String desc =
        div("gray", t.get("notices.msg.remindAt", SHORT.format(now), n.ownerName()))
            + confirm(n, t);
    return split(
        "notices:" + n.id() + ":remind:" + now.withSecond(0).withNano(0),
        to,
        cut(t.get("notices.msg.remind.title", n.title()), 40),
        desc,
        n.id());
  }

  public List<OutgoingMessage> edited(NoticeRow n, List<String> to, LocalDateTime now) {
    NoticesTexts t = NoticesTexts.chinese();
    String desc = div("gray", t.get("notices.msg.editedAt", SHORT.format(now), n.ownerName()));
    return split(
        "notices:" + n.id() + ":edited:" + now,
        to,
        cut(t.get("notices.msg.edited.title", n.title()), 40),
        desc,
        n.id());
  }

  /** The outbox topic of every message about notice {@code id}. */
  public static String topic(long id) {
    return "notices:" + id;
  }

  public String viewUrl(long id) {
    return settings.publicBaseUrl() + "/notices/view.xhtml?id=" + id;
  }

  private static String confirm(NoticeRow n, NoticesTexts t) {
    if (!n.settings().needsConfirm()) {
      return "";
    }
    return div(
        "highlight",
        n.settings().confirmDeadline() == null
            ? t.get("notices.msg.confirm")
            : t.get("notices.msg.confirmBy", SHORT.format(n.settings().confirmDeadline())));
  }

  private List<OutgoingMessage> split(
      String key, List<String> to, String title, String desc, long id) {
    String body =
        TextCard.body(title, desc, viewUrl(id), NoticesTexts.chinese().get("notices.msg.button"));
    return TextCard.split(key, to, body, topic(id));
  }

  private static String div(String cls, String text) {
    return TextCard.div(cls, text);
  }

  private static String cut(String s, int max) {
    return TextCard.cut(s, max);
  }
}
