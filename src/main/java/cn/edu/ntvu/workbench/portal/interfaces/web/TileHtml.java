package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.Html;
import cn.edu.ntvu.workbench.portal.interfaces.web.WorkbenchHome.SceneView;
import cn.edu.ntvu.workbench.portal.interfaces.web.WorkbenchHome.TileView;
import java.util.List;
import java.util.Locale;

/**
 * The tiles' markup, written in one pass. The home page is the page opened most, and rendering its
 * tiles through nested {@code ui:repeat}s (about ten EL expressions per tile) was the largest part
 * of its cost; the markup is the same, every admin- or user-supplied text HTML-escaped here.
 */
public final class TileHtml {
  private static final String BUNDLE = "i18n.workbench";

  private TileHtml() {}

  public static String render(List<SceneView> scenes, Locale locale) {
    return render(scenes, locale, java.util.Set.of(), java.util.Set.of());
  }

  /**
   * As above, with the 新 dot on the tiles in {@code newTiles} and 维护中 on those in {@code
   * maintenance} (issue 21).
   */
  public static String render(
      List<SceneView> scenes,
      Locale locale,
      java.util.Set<Long> newTiles,
      java.util.Set<Long> maintenance) {
    StringBuilder out =
        new StringBuilder(512 + 400 * scenes.stream().mapToInt(s -> s.tiles().size()).sum());
    String badgeLabel =
        escape(BundleText.format(BUNDLE, locale, "workbench.badge.label", List.of()));
    String infoLabel = escape(BundleText.format(BUNDLE, locale, "workbench.badge.info", List.of()));
    boolean english = "en".equals(locale.getLanguage());
    for (SceneView scene : scenes) {
      String name = scene.scene().name();
      out.append("<section class=\"wb-card wb-scene\" id=\"scene-")
          .append(name)
          .append("\" aria-labelledby=\"scene-h-")
          .append(name)
          .append("\">")
          .append("<h2 class=\"wb-scene-title\" id=\"scene-h-")
          .append(name)
          .append("\">")
          .append(escape(BundleText.format(BUNDLE, locale, scene.key(), List.of())))
          .append("</h2>")
          .append("<ul class=\"wb-tiles\">");
      for (TileView t : scene.tiles()) {
        out.append("<li><a class=\"wb-tile\" id=\"tile-")
            .append(t.id())
            .append("\" data-tile=\"")
            .append(escape(t.name()))
            .append("\" href=\"")
            .append(escape(t.href()))
            .append('"');
        if (t.external()) {
          out.append(" rel=\"noopener noreferrer\"");
        }
        out.append("><img class=\"wb-tile-icon\" alt=\"\" width=\"28\" height=\"28\" src=\"")
            .append(escape(t.iconUrl()))
            .append("\"/>")
            .append("<span class=\"wb-tile-text\"><span class=\"wb-tile-name\">")
            .append(escape(t.name(english)))
            .append("</span>");
        String description = t.description(english);
        if (description != null && !description.isEmpty()) {
          out.append("<span class=\"wb-tile-desc\">").append(escape(description)).append("</span>");
        }
        if (maintenance.contains(t.id())) {
          out.append("<span class=\"wb-tile-state\">")
              .append(escape(BundleText.text(BUNDLE, locale, "workbench.state.maintenance")))
              .append("</span>");
        }
        out.append("</span>");
        if (newTiles.contains(t.id())) {
          out.append("<span class=\"wb-tile-new\" id=\"new-")
              .append(t.id())
              .append("\"><span class=\"wb-tile-new-text\">")
              .append(escape(BundleText.text(BUNDLE, locale, "workbench.state.new")))
              .append("</span></span>");
        }
        if (t.badge() != null) {
          out.append(
                  t.badgeInformational()
                      ? "<span class=\"wb-tile-badge wb-tile-badge-info\" aria-label=\""
                      : "<span class=\"wb-tile-badge\" aria-label=\"")
              .append(t.badgeInformational() ? infoLabel : badgeLabel)
              .append("\">")
              .append(t.badge())
              .append("</span>");
        }
        out.append("</a></li>");
      }
      out.append("</ul></section>");
    }
    return out.toString();
  }

  static String escape(String s) {
    return Html.escape(s);
  }
}
