package cn.edu.ntvu.standin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The stand-in's pages: plain HTML written by its servlets (no Faces: the stand-in should deploy in
 * a second), in the app's own mobile theme (served from {@code /wecom-standin/theme/}), every text
 * from the stand-in's bundle in Chinese or English as the browser asks.
 */
public final class Pages {
  private final ResourceBundle messages;
  private final StringBuilder out = new StringBuilder(8192);
  private final String contextPath;

  private Pages(HttpServletRequest req) {
    // Chinese unless the browser asks for English first (without Accept-Language the container
    // guesses its own).
    boolean english =
        req.getHeader("Accept-Language") != null && "en".equals(req.getLocale().getLanguage());
    Locale locale = english ? Locale.ENGLISH : Locale.ROOT;
    this.messages =
        ResourceBundle.getBundle(
            "cn.edu.ntvu.standin.messages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.contextPath = req.getContextPath();
  }

  public static Pages of(HttpServletRequest req) {
    return new Pages(req);
  }

  /** The text of {@code key}, its placeholders filled. */
  public String text(String key, Object... args) {
    String pattern = messages.getString(key);
    return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
  }

  /** Starts the page: head, the stand-in banner, the title. */
  public Pages begin(String title) {
    String lang = messages.getLocale().getLanguage().equals("en") ? "en" : "zh-CN";
    out.append("<!DOCTYPE html><html lang=\"")
        .append(lang)
        .append("\"><head><meta charset=\"UTF-8\"/>")
        .append(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\"/>")
        .append("<title>")
        .append(esc(title))
        .append("</title>")
        .append("<link rel=\"stylesheet\" href=\"")
        .append(contextPath)
        .append("/theme/theme.css\"/>")
        .append("<link rel=\"stylesheet\" href=\"")
        .append(contextPath)
        .append("/standin.css\"/>")
        .append("</head><body class=\"wb\"><div class=\"wb-devbanner\" role=\"note\">")
        .append(esc(text("banner")))
        .append("</div><header class=\"wb-header\"><h1 class=\"wb-title\">")
        .append(esc(title))
        .append("</h1></header><main class=\"wb-main\" id=\"main\">");
    return this;
  }

  /** Appends HTML as it is: the caller escaped what needs it. */
  public Pages raw(String html) {
    out.append(html);
    return this;
  }

  /** Appends text, escaped. */
  public Pages escaped(String text) {
    out.append(esc(text));
    return this;
  }

  public String contextPath() {
    return contextPath;
  }

  /** Ends and sends the page, never cached (each shows a moment of the stand-in's state). */
  public void send(HttpServletResponse res, int status) throws IOException {
    out.append("</main></body></html>");
    res.setStatus(status);
    res.setContentType("text/html;charset=UTF-8");
    res.setHeader("Cache-Control", "no-store");
    res.getWriter().write(out.toString());
  }

  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
