package cn.edu.ntvu.workbench.messaging.application;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A WeCom textcard (docs/wecom-api.md §5.1) as the micro-apps send it: a title of at most 40
 * characters, an HTML-like description of at most 512 bytes made of {@code <div class="gray|normal|
 * highlight">} lines, a link and a button text; and the split into messages of at most {@link
 * #PER_MESSAGE} recipients each. One place for WeCom's limits, so 收集表, 通知 and 请假 cannot drift apart
 * on them.
 */
public final class TextCard {
  /** WeCom's touser limit. */
  public static final int PER_MESSAGE = 1000;

  /** The title's limit in characters. */
  public static final int TITLE_CHARS = 40;

  /** The description's limit in bytes. */
  public static final int DESCRIPTION_BYTES = 512;

  private TextCard() {}

  /** The message body: {@code {"msgtype":"textcard","textcard":{…}}}. */
  public static String body(String title, String description, String url, String button) {
    return Jsons.createObjectBuilder()
        .add("msgtype", "textcard")
        .add(
            "textcard",
            Jsons.createObjectBuilder()
                .add("title", cut(title, TITLE_CHARS))
                .add("description", fitBytes(description, DESCRIPTION_BYTES))
                .add("url", url)
                .add("btntxt", button))
        .build()
        .toString();
  }

  /**
   * One message per {@link #PER_MESSAGE} recipients, keyed {@code key:0}, {@code key:1}, …, all
   * with the same body and topic.
   */
  public static List<OutgoingMessage> split(
      String key, List<String> to, String body, String topic) {
    List<OutgoingMessage> out = new ArrayList<>();
    for (int i = 0, part = 0; i < to.size(); i += PER_MESSAGE, part++) {
      out.add(
          OutgoingMessage.send(
              key + ":" + part, to.subList(i, Math.min(to.size(), i + PER_MESSAGE)), body, topic));
    }
    return out;
  }

  /** A description line, its text escaped. */
  public static String div(String cls, String text) {
    return "<div class=\"" + cls + "\">" + escape(text) + "</div>";
  }

  /** The few characters the description treats as markup, escaped. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Whitespace folded to single spaces; longer than {@code max} ends in "…". */
  public static String cut(String s, int max) {
    String one = s == null ? "" : s.strip().replaceAll("\\s+", " ");
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }

  /** Drops whole trailing {@code <div>}s until the description fits in {@code max} bytes. */
  public static String fitBytes(String html, int max) {
    String s = html;
    while (s.getBytes(StandardCharsets.UTF_8).length > max && s.lastIndexOf("<div") > 0) {
      s = s.substring(0, s.lastIndexOf("<div"));
    }
    return s;
  }
}
