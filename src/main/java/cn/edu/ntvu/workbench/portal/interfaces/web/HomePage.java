package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.Html;
import cn.edu.ntvu.workbench.portal.application.HomeStates;
import cn.edu.ntvu.workbench.portal.application.PinnedItems;
import cn.edu.ntvu.workbench.portal.domain.Banner;
import cn.edu.ntvu.workbench.portal.interfaces.web.WorkbenchHome.SceneView;
import java.util.List;
import java.util.Locale;

/**
 * The markup of the workbench home: the same page the Faces template {@code
 * WEB-INF/templates/page.xhtml} makes (head, development banner, header, the "page expired"
 * notice), with the greeting, the tiles, the roles, the admin links and sign-out. It is the page
 * opened most, on every tap of the workbench in WeCom, and it has no form and no component: written
 * in one pass it costs a fraction of a Faces render (bench/foundation.sh). Every text comes from
 * the resource bundles of the page's language and every value from a person or an admin is
 * HTML-escaped.
 */
public final class HomePage {
  /** The admin's links: page, element id (null: none), bundle, key. */
  static final String[][] ADMIN_LINKS = {
    {"/admin/directory/import.xhtml", null, "i18n.messages", "home.admin.import"},
    {"/admin/directory/people.xhtml", null, "i18n.messages", "home.admin.people"},
    {"/admin/timetable/import.xhtml", "admin-timetable", "i18n.timetable", "timetable.admin.home"},
    {"/admin/workbench/tiles.xhtml", "admin-tiles", "i18n.workbench", "workbench.admin.home"},
    {"/admin/workbench/banners.xhtml", "admin-banners", "i18n.workbench", "workbench.banner.home"},
    {
      "/admin/workbench/launches.xhtml",
      "admin-launches",
      "i18n.workbench",
      "workbench.figures.home"
    },
    {"/leave/admin.xhtml", "admin-leave", "i18n.leave", "leave.home.admin"},
    {"/admin/attendance.xhtml", "admin-attendance", "i18n.attendance", "attendance.admin.home"},
    {"/admin/audit.xhtml", "admin-audit", "i18n.audit", "audit.home.link"},
    {"/admin/wecom/outbox.xhtml", "admin-outbox", "i18n.outbox", "outbox.home.link"},
    {"/admin/wecom/setup.xhtml", "admin-wecom", "i18n.wecom", "wecom.setup.home.link"},
    {"/admin/wecom/contacts.xhtml", "admin-contacts", "i18n.contacts", "contacts.home.link"},
  };

  /** What the page shows. */
  public record Model(
      SignedInUser user,
      List<SceneView> scenes,
      String contextPath,
      String assetVersion,
      boolean devMode,
      boolean expiredNotice,
      String logoutToken,
      List<PinnedItems.Pinned> pinned,
      boolean inWeCom,
      HomeStates.Marks marks,
      String favourites) {
    public Model {
      marks = marks == null ? HomeStates.Marks.NONE : marks;
    }

    /** Without tile states, banners, the 常用 row and 最近使用 ({@link FavouritesHtml}). */
    public Model(
        SignedInUser user,
        List<SceneView> scenes,
        String contextPath,
        String assetVersion,
        boolean devMode,
        boolean expiredNotice,
        String logoutToken,
        List<PinnedItems.Pinned> pinned,
        boolean inWeCom) {
      this(
          user,
          scenes,
          contextPath,
          assetVersion,
          devMode,
          expiredNotice,
          logoutToken,
          pinned,
          inWeCom,
          HomeStates.Marks.NONE,
          "");
    }

    /** Outside WeCom, nothing pinned. */
    public Model(
        SignedInUser user,
        List<SceneView> scenes,
        String contextPath,
        String assetVersion,
        boolean devMode,
        boolean expiredNotice,
        String logoutToken) {
      this(
          user,
          scenes,
          contextPath,
          assetVersion,
          devMode,
          expiredNotice,
          logoutToken,
          List.of(),
          false,
          HomeStates.Marks.NONE,
          "");
    }
  }

  private HomePage() {}

  public static String render(Model m, Locale locale) {
    String ctx = Html.escape(m.contextPath());
    String v = Html.escape(m.assetVersion());
    SignedInUser u = m.user();
    StringBuilder out = new StringBuilder(4096);
    out.append("<!DOCTYPE html>\n<html lang=\"")
        .append("en".equals(locale.getLanguage()) ? "en" : "zh-CN")
        .append("\" xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/>")
        .append(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\"/>")
        .append("<meta name=\"format-detection\" content=\"telephone=no\"/>")
        .append("<title>")
        .append(text(locale, "i18n.messages", "home.title"))
        .append("</title>")
        .append("<link rel=\"stylesheet\" href=\"")
        .append(ctx)
        .append("/resources/workbench/theme.css?v=")
        .append(v)
        .append("\"/>")
        .append("<link rel=\"icon\" href=\"")
        .append(ctx)
        .append("/resources/workbench/icon.svg?v=")
        .append(v)
        .append("\" type=\"image/svg+xml\"/>")
        .append("<link rel=\"stylesheet\" href=\"")
        .append(ctx)
        .append("/resources/workbench-tiles/tiles.css?v=")
        .append(v)
        .append("\"/>")
        .append(SearchHtml.head(ctx, v))
        .append("<link rel=\"stylesheet\" href=\"")
        .append(ctx)
        .append("/resources/workbench-favourites/favourites.css?v=")
        .append(v)
        .append("\"/></head><body class=\"wb\">");
    if (m.devMode()) {
      out.append("<div class=\"wb-devbanner\" role=\"note\">")
          .append(text(locale, "i18n.messages", "app.devBanner"))
          .append("</div>");
    }
    out.append("<header class=\"wb-header\"><p class=\"wb-hello\" id=\"hello\">")
        .append(format(locale, "i18n.messages", "home.hello", u.name()))
        .append("</p><p class=\"wb-sub\">")
        .append(Html.escape(u.unitName()))
        .append("</p></header><main class=\"wb-main\" id=\"main\">");
    out.append(SearchHtml.box(ctx, locale, "")); // issue 21: the search on top
    if (m.expiredNotice()) {
      out.append("<p class=\"wb-notice\" id=\"expired-notice\" role=\"status\">")
          .append(text(locale, "i18n.messages", "error.expired.text"))
          .append("</p>");
    }
    banners(out, m, locale);
    if (!m.pinned().isEmpty()) {
      out.append("<section class=\"wb-card\" id=\"pinned\"><nav class=\"wb-list\">");
      for (PinnedItems.Pinned p : m.pinned()) {
        out.append("<a class=\"wb-list-item pinned-item\" href=\"")
            .append(ctx)
            .append(Html.escape(p.path()))
            .append("\"><b>")
            .append(Html.escape(p.label()))
            .append("</b>：")
            .append(Html.escape(p.title()))
            .append("</a>");
      }
      out.append("</nav></section>");
    }
    out.append(m.favourites() == null ? "" : m.favourites());
    out.append(TileHtml.render(m.scenes(), locale, m.marks().newTiles(), m.marks().maintenance()));
    if (m.scenes().isEmpty()) {
      out.append("<section class=\"wb-card\" id=\"no-tiles\"><p class=\"wb-muted\">")
          .append(text(locale, "i18n.workbench", "workbench.home.empty"))
          .append("</p></section>");
    }
    out.append(
            "<section class=\"wb-card\" aria-labelledby=\"roles-h\"><h2 id=\"roles-h\" class=\"wb-card-title\">")
        .append(text(locale, "i18n.messages", "home.roles"))
        .append("</h2><ul class=\"wb-badges\" id=\"roles\">");
    for (Role role : u.roles().stream().sorted().toList()) {
      out.append("<li class=\"wb-badge wb-badge-")
          .append(role.name().toLowerCase(Locale.ROOT))
          .append("\">")
          .append(text(locale, "i18n.messages", "role." + role.name()))
          .append("</li>");
    }
    out.append("</ul><p class=\"wb-muted\">")
        .append(
            format(
                locale,
                "i18n.messages",
                "home.signedInVia",
                BundleText.text("i18n.messages", locale, "path." + u.path().name())))
        .append(" · ")
        .append(Html.escape(u.account()))
        .append("</p><nav class=\"wb-list\"><a class=\"wb-list-item\" id=\"my-account\" href=\"")
        .append(ctx)
        .append("/account/\">")
        .append(text(locale, "i18n.contacts", "account.title"))
        .append("</a></nav></section>");
    if (u.has(Role.ADMIN)) {
      out.append(
              "<section class=\"wb-card\" aria-labelledby=\"admin-h\"><h2 id=\"admin-h\" class=\"wb-card-title\">")
          .append(text(locale, "i18n.messages", "home.admin"))
          .append("</h2><nav class=\"wb-list\">");
      for (String[] link : ADMIN_LINKS) {
        out.append("<a class=\"wb-list-item\" href=\"").append(ctx).append(link[0]).append('"');
        if (link[1] != null) {
          out.append(" id=\"").append(link[1]).append('"');
        }
        out.append('>').append(text(locale, link[2], link[3])).append("</a>");
      }
      out.append("</nav></section>");
    }
    if (m.inWeCom()) {
      // Inside WeCom there is no signing out: WeCom closes the window, and opening the app again
      // signs the same person in. (GET /logout still offers the button, for whoever needs it.)
      return out.append("</main></body></html>").toString();
    }
    // Sign-out posts the session's token (LogoutToken): a form on another site cannot sign anybody
    // out.
    out.append("<form method=\"post\" action=\"")
        .append(ctx)
        .append("/logout\" class=\"wb-actions\">")
        .append("<input type=\"hidden\" name=\"logoutToken\" value=\"")
        .append(Html.escape(m.logoutToken()))
        .append(
            "\"/><button type=\"submit\" class=\"wb-button wb-button-secondary\" id=\"logout\">")
        .append(text(locale, "i18n.messages", "home.logout"))
        .append("</button><p class=\"wb-muted wb-small\">")
        .append(text(locale, "i18n.messages", "home.sharedComputerHint"))
        .append("</p></form></main></body></html>");
    return out.toString();
  }

  /**
   * The banners for this person (issue 21), each with a close button; banner.js (right after them,
   * so a dismissed one is gone before the page is painted) hides those the person closed on this
   * device (localStorage, by account).
   */
  private static void banners(StringBuilder out, Model m, Locale locale) {
    if (m.marks().banners().isEmpty()) {
      return;
    }
    String close = text(locale, "i18n.workbench", "workbench.banner.close");
    out.append("<div class=\"wb-banners\" id=\"banners\" data-banner-owner=\"")
        .append(Html.escape(m.user().account()))
        .append("\">");
    for (Banner b : m.marks().banners()) {
      out.append("<section class=\"wb-banner\" role=\"status\" id=\"banner-")
          .append(b.id())
          .append("\" data-banner=\"")
          .append(b.id())
          .append("\"><p class=\"wb-banner-text\">")
          .append(Html.escape(b.message()))
          .append("</p><button type=\"button\" class=\"wb-banner-close\" data-banner-close=\"")
          .append(b.id())
          .append("\" aria-label=\"")
          .append(close)
          .append("\">×</button></section>");
    }
    out.append("</div><script src=\"")
        .append(Html.escape(m.contextPath()))
        .append("/resources/workbench-tiles/banner.js?v=")
        .append(Html.escape(m.assetVersion()))
        .append("\"></script>");
  }

  private static String text(Locale locale, String bundle, String key) {
    return Html.escape(BundleText.text(bundle, locale, key));
  }

  private static String format(Locale locale, String bundle, String key, String arg) {
    return Html.escape(BundleText.format(bundle, locale, key, List.of(arg)));
  }
}
