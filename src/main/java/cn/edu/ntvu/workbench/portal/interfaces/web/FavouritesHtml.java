package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.Html;
import cn.edu.ntvu.workbench.portal.application.MyFavourites;
import cn.edu.ntvu.workbench.portal.interfaces.web.WorkbenchHome.SceneView;
import cn.edu.ntvu.workbench.portal.interfaces.web.WorkbenchHome.TileView;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The home page's 常用 row and 最近使用, written in one pass from the tiles the page already shows (so a
 * tile the person no longer sees cannot appear here). Without script the row is a row of links;
 * {@code workbench-favourites/favourites.js} adds 编辑: a ☆ on every tile to pin it, and on each
 * pinned tile 上移/下移/移除 buttons and a handle to drag it.
 */
public final class FavouritesHtml {
  private static final String BUNDLE = "i18n.workbench";

  /** The address the page's script posts to. */
  public static final String ENDPOINT = "/portal/favourites";

  private FavouritesHtml() {}

  /** The tile views of these scenes by tile id. */
  static Map<Long, TileView> byId(List<SceneView> scenes) {
    Map<Long, TileView> out = new HashMap<>();
    scenes.forEach(s -> s.tiles().forEach(t -> out.put(t.id(), t)));
    return out;
  }

  public static String render(
      List<SceneView> scenes,
      MyFavourites.Shown shown,
      String contextPath,
      String token,
      String assetVersion,
      Locale locale) {
    if (scenes.isEmpty()) {
      return "";
    }
    Map<Long, TileView> tiles = byId(scenes);
    boolean english = "en".equals(locale.getLanguage());
    StringBuilder out = new StringBuilder(1024);
    out.append("<section class=\"wb-card wb-fav\" id=\"favourites\" aria-labelledby=\"fav-h\"")
        .append(" data-endpoint=\"")
        .append(Html.escape(contextPath + ENDPOINT))
        .append("\" data-token=\"")
        .append(Html.escape(token))
        .append('"');
    for (String k : List.of("pin", "unpin", "up", "down", "remove", "moved", "error", "drag")) {
      out.append(" data-l-")
          .append(k)
          .append("=\"")
          .append(text(locale, "workbench.fav." + k))
          .append('"');
    }
    out.append("><div class=\"wb-fav-head\"><h2 class=\"wb-scene-title\" id=\"fav-h\">")
        .append(text(locale, "workbench.fav.title"))
        .append("</h2><button type=\"button\" class=\"wb-fav-edit\" id=\"fav-edit\"")
        .append(" aria-pressed=\"false\" hidden=\"hidden\" data-done=\"")
        .append(text(locale, "workbench.fav.done"))
        .append("\">")
        .append(text(locale, "workbench.fav.edit"))
        .append("</button></div><p class=\"wb-muted wb-small\" id=\"fav-empty\"");
    if (!shown.favourites().isEmpty()) {
      out.append(" hidden=\"hidden\"");
    }
    out.append('>')
        .append(text(locale, "workbench.fav.empty"))
        .append("</p><ul class=\"wb-tiles wb-fav-row\" id=\"fav-row\">");
    for (long id : shown.favourites()) {
      TileView t = tiles.get(id);
      if (t != null) {
        out.append("<li class=\"wb-fav-item\" data-id=\"").append(id).append("\">");
        tile(out, t, "fav-tile-", english, locale);
        out.append("</li>");
      }
    }
    out.append("</ul><p class=\"wb-fav-status\" id=\"fav-status\" role=\"status\"></p></section>");
    List<TileView> recent =
        shown.recent().stream().map(tiles::get).filter(java.util.Objects::nonNull).toList();
    if (!recent.isEmpty()) {
      out.append(
              "<section class=\"wb-card wb-recent\" id=\"recent\" aria-labelledby=\"recent-h\">"
                  + "<h2 class=\"wb-scene-title\" id=\"recent-h\">")
          .append(text(locale, "workbench.fav.recent"))
          .append("</h2><ul class=\"wb-tiles\">");
      for (TileView t : recent) {
        out.append("<li>");
        tile(out, t, "recent-tile-", english, locale);
        out.append("</li>");
      }
      out.append("</ul></section>");
    }
    out.append("<script defer=\"defer\" src=\"")
        .append(Html.escape(contextPath))
        .append("/resources/workbench-favourites/favourites.js?v=")
        .append(Html.escape(assetVersion))
        .append("\"></script>");
    return out.toString();
  }

  /** A tile's link as in the scenes (name, icon, badge), without its description. */
  private static void tile(
      StringBuilder out, TileView t, String idPrefix, boolean english, Locale locale) {
    out.append("<a class=\"wb-tile wb-tile-compact\" id=\"")
        .append(idPrefix)
        .append(t.id())
        .append("\" data-tile=\"")
        .append(Html.escape(t.name()))
        .append("\" data-tile-id=\"")
        .append(t.id())
        .append("\" href=\"")
        .append(Html.escape(t.href()))
        .append('"');
    if (t.external()) {
      out.append(" rel=\"noopener noreferrer\" data-external=\"\"");
    }
    out.append("><img class=\"wb-tile-icon\" alt=\"\" width=\"28\" height=\"28\" src=\"")
        .append(Html.escape(t.iconUrl()))
        .append("\"/><span class=\"wb-tile-text\"><span class=\"wb-tile-name\">")
        .append(Html.escape(t.name(english)))
        .append("</span></span>");
    if (t.badge() != null) {
      out.append(
              t.badgeInformational()
                  ? "<span class=\"wb-tile-badge wb-tile-badge-info\" aria-label=\""
                  : "<span class=\"wb-tile-badge\" aria-label=\"")
          .append(
              text(
                  locale,
                  t.badgeInformational() ? "workbench.badge.info" : "workbench.badge.label"))
          .append("\">")
          .append(t.badge())
          .append("</span>");
    }
    out.append("</a>");
  }

  private static String text(Locale locale, String key) {
    return Html.escape(BundleText.format(BUNDLE, locale, key, List.of()));
  }
}
