package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.Html;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileState;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The page a tile in maintenance answers instead of opening: its name, the admin's message (or a
 * standard one) and the expected end, with a way back to the home page. Written in one pass like
 * the home page; every text from the bundles, every value escaped.
 */
final class MaintenancePage {
  private static final String BUNDLE = "i18n.workbench";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private MaintenancePage() {}

  static String render(
      Tile tile, TileState state, String contextPath, String assetVersion, Locale locale) {
    String ctx = Html.escape(contextPath);
    String v = Html.escape(assetVersion);
    boolean english = "en".equals(locale.getLanguage());
    String name =
        english && tile.texts().nameEn() != null && !tile.texts().nameEn().isBlank()
            ? tile.texts().nameEn()
            : tile.name();
    StringBuilder out = new StringBuilder(1500);
    out.append("<!DOCTYPE html>\n<html lang=\"")
        .append(english ? "en" : "zh-CN")
        .append("\"><head><meta charset=\"UTF-8\"/>")
        .append(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\"/>")
        .append("<title>")
        .append(Html.escape(format(locale, "workbench.maintenance.title", name)))
        .append("</title><link rel=\"stylesheet\" href=\"")
        .append(ctx)
        .append("/resources/workbench/theme.css?v=")
        .append(v)
        .append("\"/><link rel=\"stylesheet\" href=\"")
        .append(ctx)
        .append("/resources/workbench-tiles/tiles.css?v=")
        .append(v)
        .append("\"/></head><body class=\"wb\"><header class=\"wb-header\"><h1 class=\"wb-hello\">")
        .append(Html.escape(name))
        .append("</h1></header><main class=\"wb-main\" id=\"main\">")
        .append("<section class=\"wb-card wb-maintenance\" id=\"maintenance\" role=\"status\">")
        .append("<h2 class=\"wb-card-title\">")
        .append(Html.escape(BundleText.text(BUNDLE, locale, "workbench.maintenance.heading")))
        .append("</h2><p id=\"maintenance-message\">")
        .append(
            Html.escape(
                state.maintenanceMessage() == null
                    ? BundleText.text(BUNDLE, locale, "workbench.maintenance.defaultMessage")
                    : state.maintenanceMessage()))
        .append("</p>");
    if (state.maintenanceUntil() != null) {
      out.append("<p id=\"maintenance-until\" class=\"wb-muted\">")
          .append(
              Html.escape(
                  format(
                      locale,
                      "workbench.maintenance.until",
                      WHEN.format(state.maintenanceUntil()))))
          .append("</p>");
    }
    out.append(
            "</section><nav class=\"wb-list\"><a class=\"wb-list-item\" id=\"back-home\" href=\"")
        .append(ctx)
        .append("/\">")
        .append(Html.escape(BundleText.text(BUNDLE, locale, "workbench.maintenance.back")))
        .append("</a></nav></main></body></html>");
    return out.toString();
  }

  private static String format(Locale locale, String key, String arg) {
    return BundleText.format(BUNDLE, locale, key, List.of(arg));
  }
}
