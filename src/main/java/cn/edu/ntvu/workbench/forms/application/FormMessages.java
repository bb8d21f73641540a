package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.TextCard;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The WeCom textcards of 收集表 (docs/wecom-api.md §5.1), in Chinese, at most 1,000 recipients a
 * message. Keys name the form, the event and the part: {@code forms:42:published:0}, {@code
 * forms:42:remind:2026-11-25T10:20:0}; a retried transaction queues nothing twice, and each
 * reminder differs in its text (WeCom's duplicate check drops repeats).
 */
@ApplicationScoped
public class FormMessages {
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  @Inject AppSettings settings;

  public List<OutgoingMessage> published(FormRow f, List<String> to) {
    FormsTexts t = FormsTexts.chinese();
    String desc =
        div("gray", t.get("forms.msg.from", f.ownerName()))
            + (f.settings().description().isEmpty()
                ? ""
                : div("normal", cut(f.settings().description(), 80)))
            + div("highlight", deadline(f, t));
    return split(
        "forms:" + f.id() + ":published",
        to,
        cut(t.get("forms.msg.published.title", f.title()), 40),
        desc,
        f.id());
  }

  public List<OutgoingMessage> reminder(FormRow f, List<String> to, LocalDateTime now) {
    FormsTexts t = FormsTexts.chinese();
    String desc =
        div("gray", t.get("forms.msg.remindAt", SHORT.format(now), f.ownerName()))
            + div("highlight", deadline(f, t));
    return split(
        "forms:" + f.id() + ":remind:" + now.withSecond(0).withNano(0),
        to,
        cut(t.get("forms.msg.remind.title", f.title()), 40),
        desc,
        f.id());
  }

  public String fillUrl(long id) {
    return settings.publicBaseUrl() + "/forms/fill.xhtml?id=" + id;
  }

  private static String deadline(FormRow f, FormsTexts t) {
    return f.settings().deadline() == null
        ? t.get("forms.msg.noDeadline")
        : t.get("forms.msg.deadline", SHORT.format(f.settings().deadline()));
  }

  private List<OutgoingMessage> split(
      String key, List<String> to, String title, String desc, long formId) {
    String body =
        TextCard.body(title, desc, fillUrl(formId), FormsTexts.chinese().get("forms.msg.button"));
    return TextCard.split(key, to, body, "forms:" + formId);
  }

  private static String div(String cls, String text) {
    return TextCard.div(cls, text);
  }

  private static String cut(String s, int max) {
    return TextCard.cut(s, max);
  }
}
