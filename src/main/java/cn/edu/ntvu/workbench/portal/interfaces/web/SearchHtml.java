package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.Html;
import cn.edu.ntvu.workbench.portal.application.SearchableItems;
import cn.edu.ntvu.workbench.portal.application.WorkbenchSearch;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileIcons;
import cn.edu.ntvu.workbench.portal.domain.TileKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The workbench search's markup (issue 21), written in one pass like the home page: the box at the
 * top of the home page ({@link #box}), the results as a fragment the page's script puts under it
 * ({@link #results}), and the whole page {@code /search?q=…} for browsers without script. Every
 * text comes from the bundles; the query and every found title are HTML-escaped here.
 */
public final class SearchHtml {
  static final String BUNDLE = "i18n.workbench";

  private SearchHtml() {}

  /** The search's stylesheet and script, for the page's head. */
  static String head(String ctx, String v) {
    return "<link rel=\"stylesheet\" href=\""
        + ctx
        + "/resources/workbench-search/search.css?v="
        + v
        + "\"/><script src=\""
        + ctx
        + "/resources/workbench-search/search.js?v="
        + v
        + "\" defer=\"defer\"></script>";
  }

  /**
   * The search box: a plain GET form to {@code /search} (it works without script), which the script
   * turns into search-as-you-type. {@code query} is what it shows (already cut).
   */
  static String box(String ctx, Locale locale, String query) {
    StringBuilder out = new StringBuilder(1024);
    out.append("<form class=\"wb-search\" id=\"search\" role=\"search\" method=\"get\" action=\"")
        .append(ctx)
        .append("/search\" data-search-url=\"")
        .append(ctx)
        .append("/search?part=results&amp;q=\"><label class=\"wb-search-label\" for=\"search-q\">")
        .append(text(locale, "workbench.search.label"))
        .append("</label><div class=\"wb-search-row\">")
        .append(
            "<input class=\"wb-input wb-search-input\" type=\"search\" id=\"search-q\" name=\"q\"")
        .append(" maxlength=\"40\" autocomplete=\"off\" enterkeyhint=\"search\"")
        .append(" aria-controls=\"search-results\" aria-describedby=\"search-hint\" placeholder=\"")
        .append(text(locale, "workbench.search.placeholder"))
        .append("\" value=\"")
        .append(Html.escape(query))
        .append(
            "\"/><button class=\"wb-button wb-search-submit\" type=\"submit\" id=\"search-go\">")
        .append(text(locale, "workbench.search.submit"))
        .append("</button></div><p class=\"wb-search-hint\" id=\"search-hint\">")
        .append(text(locale, "workbench.search.hint"))
        .append("</p><p class=\"wb-search-status\" id=\"search-status\" role=\"status\"")
        .append(" aria-live=\"polite\" aria-atomic=\"true\"></p>")
        .append("<div class=\"wb-search-results\" id=\"search-results\"></div></form>");
    return out.toString();
  }

  /**
   * What a search found, grouped: 应用 (tiles), then each micro-app's own things, and the fallback
   * when nothing was found. Empty for an empty query. The first element carries the count the
   * script announces ({@code data-count}, {@code data-status}).
   */
  static String results(
      WorkbenchSearch.Result r,
      String ctx,
      String v,
      Locale locale,
      boolean student,
      String supportContact) {
    if (r.query().isEmpty()) {
      return "";
    }
    boolean english = "en".equals(locale.getLanguage());
    StringBuilder out = new StringBuilder(2048);
    int count = r.count();
    out.append("<p class=\"wb-search-count\" id=\"search-count\" data-count=\"")
        .append(count)
        .append("\">")
        .append(
            count == 0
                ? text(locale, "workbench.search.none")
                : Html.escape(
                    BundleText.format(
                        BUNDLE, locale, "workbench.search.count", List.of(String.valueOf(count)))))
        .append("</p>");
    if (!r.tiles().isEmpty()) {
      group(out, "search-g-apps", text(locale, "workbench.search.apps"));
      for (Tile t : r.tiles()) {
        boolean external = t.kind() == TileKind.EXTERNAL;
        out.append("<li><a class=\"wb-search-item\" data-search-item=\"tile\" href=\"")
            .append(Html.escape(external ? t.target() : ctx + t.target()))
            .append('"');
        if (external) {
          out.append(" rel=\"noopener noreferrer\"");
        }
        out.append("><img class=\"wb-search-icon\" alt=\"\" width=\"24\" height=\"24\" src=\"")
            .append(Html.escape(TileIcons.url(ctx, t.icon(), v)))
            .append("\"/><span class=\"wb-search-text\"><span class=\"wb-search-title\">")
            .append(Html.escape(t.texts().name(t.name(), english)))
            .append("</span>");
        String d = t.texts().description(t.description(), student, english);
        if (d != null && !d.isBlank()) {
          out.append("<span class=\"wb-search-detail\">").append(Html.escape(d)).append("</span>");
        }
        out.append("</span></a></li>");
      }
      out.append("</ul></section>");
    }
    int g = 0;
    for (WorkbenchSearch.Group group : r.groups()) {
      group(
          out,
          "search-g-" + (++g),
          Html.escape(BundleText.text(group.bundle(), locale, group.key())));
      for (SearchableItems.Found f : group.items()) {
        out.append("<li><a class=\"wb-search-item\" data-search-item=\"item\" href=\"")
            .append(ctx)
            .append(Html.escape(f.path()))
            .append("\"><span class=\"wb-search-text\"><span class=\"wb-search-title\">")
            .append(Html.escape(f.title()))
            .append("</span>");
        if (f.detailKey() != null) {
          List<String> args = new ArrayList<>();
          args.add(f.detailArg() == null ? "" : f.detailArg());
          out.append("<span class=\"wb-search-detail\">")
              .append(Html.escape(BundleText.format(group.bundle(), locale, f.detailKey(), args)))
              .append("</span>");
        }
        out.append("</span></a></li>");
      }
      out.append("</ul></section>");
    }
    out.append("<p class=\"wb-search-help\" id=\"search-help\">")
        .append(
            supportContact == null || supportContact.isBlank()
                ? text(locale, "workbench.search.help")
                : Html.escape(
                    BundleText.format(
                        BUNDLE, locale, "workbench.search.helpContact", List.of(supportContact))))
        .append("</p>");
    return out.toString();
  }

  private static void group(StringBuilder out, String id, String title) {
    out.append("<section class=\"wb-search-group\" aria-labelledby=\"")
        .append(id)
        .append("\"><h2 class=\"wb-search-group-title\" id=\"")
        .append(id)
        .append("\">")
        .append(title)
        .append("</h2><ul class=\"wb-search-list\">");
  }

  /** The whole page, for a browser without script (the box's form posts here with GET). */
  static String page(
      String ctx, String v, Locale locale, String query, String resultsHtml, boolean devMode) {
    StringBuilder out = new StringBuilder(4096);
    out.append("<!DOCTYPE html>\n<html lang=\"")
        .append("en".equals(locale.getLanguage()) ? "en" : "zh-CN")
        .append("\" xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/>")
        .append(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\"/>")
        .append("<meta name=\"format-detection\" content=\"telephone=no\"/><title>")
        .append(text(locale, "workbench.search.title"))
        .append("</title><link rel=\"stylesheet\" href=\"")
        .append(ctx)
        .append("/resources/workbench/theme.css?v=")
        .append(v)
        .append("\"/><link rel=\"icon\" href=\"")
        .append(ctx)
        .append("/resources/workbench/icon.svg?v=")
        .append(v)
        .append("\" type=\"image/svg+xml\"/>")
        .append(head(ctx, v))
        .append("</head><body class=\"wb\">");
    if (devMode) {
      out.append("<div class=\"wb-devbanner\" role=\"note\">")
          .append(Html.escape(BundleText.text("i18n.messages", locale, "app.devBanner")))
          .append("</div>");
    }
    out.append("<header class=\"wb-header\"><h1 class=\"wb-title\" id=\"search-title\">")
        .append(text(locale, "workbench.search.title"))
        .append("</h1></header><main class=\"wb-main\" id=\"main\">")
        .append(box(ctx, locale, query));
    // Without script the results come with the page, inside the box's region.
    int at = out.lastIndexOf("<div class=\"wb-search-results\" id=\"search-results\">");
    out.insert(
        at + "<div class=\"wb-search-results\" id=\"search-results\">".length(), resultsHtml);
    out.append("<nav class=\"wb-list wb-card\"><a class=\"wb-list-item\" id=\"back-home\" href=\"")
        .append(ctx)
        .append("/\">")
        .append(text(locale, "workbench.search.back"))
        .append("</a></nav></main></body></html>");
    return out.toString();
  }

  private static String text(Locale locale, String key) {
    return Html.escape(BundleText.text(BUNDLE, locale, key));
  }
}
