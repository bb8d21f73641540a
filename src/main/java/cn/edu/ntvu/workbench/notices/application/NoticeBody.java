package cn.edu.ntvu.workbench.notices.application;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * A notice's body made safe on the server with the OWASP Java HTML Sanitizer, whatever the browser
 * sent: paragraphs, line breaks, bold, italics, lists and links — nothing else. A link keeps only
 * an {@code http}, {@code https} or {@code mailto} address and gets {@code rel="nofollow
 * noopener"}; a script, a style, an event handler or a {@code javascript:} link is dropped (its
 * text stays, as text). Text typed without any tag becomes paragraphs (a blank line) and line
 * breaks.
 */
public final class NoticeBody {
  private NoticeBody() {}

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements("p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "a")
          .allowUrlProtocols("http", "https", "mailto")
          .allowAttributes("href")
          .onElements("a")
          .requireRelsOnLinks("nofollow", "noopener")
          .toFactory();

  private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z]");

  /** The safe HTML of what the sender typed. */
  public static String safe(String typed) {
    if (typed == null || typed.isBlank()) {
      return "";
    }
    String html = TAG.matcher(typed).find() ? typed : paragraphs(typed);
    return POLICY.sanitize(html);
  }

  /** Plain text as paragraphs: a blank line starts one, a line break stays one. */
  static String paragraphs(String text) {
    StringBuilder out = new StringBuilder();
    for (String para : text.strip().replace("\r\n", "\n").split("\n\\s*\n")) {
      out.append("<p>").append(escape(para.strip()).replace("\n", "<br>")).append("</p>");
    }
    return out.toString();
  }

  /** The body as one line of plain text (for the WeCom card's description). */
  public static String plain(String safeHtml) {
    return safeHtml
        .replaceAll("<[^>]*>", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#61;", "=")
        .replace("&#64;", "@")
        .replace("&#43;", "+")
        .replace("&#96;", "`")
        .replace("&amp;", "&")
        .replaceAll("\\s+", " ")
        .strip();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
