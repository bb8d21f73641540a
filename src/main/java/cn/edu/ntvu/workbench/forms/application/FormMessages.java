package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The WeCom textcards of 收集表 (docs/wecom-api.md §5.1), in Chinese, at most 1,000 recipients a
 * message. Keys name the form, the event and the part: {@code forms:42:published:0}, {@code
 * forms:42:remind:2026-11-25T10:20:0}; a retried transaction queues nothing twice, and each
 * reminder differs in its text (WeCom's duplicate check drops repeats).
 */
@ApplicationScoped
public class FormMessages {
  /** WeCom's touser limit. */
  static final int PER_MESSAGE = 1000;

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
    List<OutgoingMessage> out = new ArrayList<>();
    String body =
        Jsons.createObjectBuilder()
            .add("msgtype", "textcard")
            .add(
                "textcard",
                Jsons.createObjectBuilder()
                    .add("title", title)
                    .add("description", fitBytes(desc, 512))
                    .add("url", fillUrl(formId))
                    .add("btntxt", FormsTexts.chinese().get("forms.msg.button")))
            .build()
            .toString();
    for (int i = 0, part = 0; i < to.size(); i += PER_MESSAGE, part++) {
      out.add(
          OutgoingMessage.send(
              key + ":" + part,
              to.subList(i, Math.min(to.size(), i + PER_MESSAGE)),
              body,
              "forms:" + formId));
    }
    return out;
  }

  /** The description's limit is in bytes (§5.1); drop whole trailing divs until it fits. */
  static String fitBytes(String html, int max) {
    String s = html;
    while (s.getBytes(StandardCharsets.UTF_8).length > max && s.lastIndexOf("<div") > 0) {
      s = s.substring(0, s.lastIndexOf("<div"));
    }
    return s;
  }

  static String div(String cls, String text) {
    return "<div class=\"" + cls + "\">" + escape(text) + "</div>";
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  static String cut(String s, int max) {
    String one = s == null ? "" : s.strip().replaceAll("\\s+", " ");
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }
}
