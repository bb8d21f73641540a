package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.LogoutToken;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.web.AppInfo;
import cn.edu.ntvu.workbench.platform.web.RequestLocale;
import cn.edu.ntvu.workbench.portal.application.Badges;
import cn.edu.ntvu.workbench.portal.application.MyFavourites;
import cn.edu.ntvu.workbench.portal.application.PinnedItems;
import cn.edu.ntvu.workbench.portal.application.WorkbenchTiles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The workbench home, {@code /} and {@code /index.xhtml} (deep links and bookmarks of either keep
 * working): the greeting, the person's tiles with their badges, roles, admin links and sign-out
 * ({@link HomePage}). The sign-in filter has already run, so a person is signed in here.
 */
@WebServlet(urlPatterns = {"", "/index.xhtml"})
public class HomeServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient WorkbenchTiles tiles;
  @Inject transient Badges badges;
  @Inject transient AppInfo app;
  @Inject transient cn.edu.ntvu.workbench.portal.application.HomeStates homeStates;
  @Inject transient jakarta.enterprise.inject.Instance<PinnedItems> pinnedItems;
  @Inject transient MyFavourites favourites;

  /**
   * The 常用 row and 最近使用 among the tiles the page shows (one statement); without them when they
   * cannot be read, like the tiles.
   */
  private String favourites(
      SignedInUser user,
      java.util.List<WorkbenchHome.SceneView> scenes,
      HttpServletRequest req,
      Locale locale) {
    if (scenes.isEmpty()) {
      return "";
    }
    MyFavourites.Shown shown;
    try {
      shown = favourites.shown(user, FavouritesHtml.byId(scenes).keySet());
    } catch (RuntimeException e) {
      java.util.logging.Logger.getLogger(HomeServlet.class.getName())
          .log(java.util.logging.Level.WARNING, "favourites unavailable", e);
      shown = MyFavourites.Shown.NONE;
    }
    return FavouritesHtml.render(
        scenes,
        shown,
        req.getContextPath(),
        LogoutToken.of(req.getSession()),
        app.getAssetVersion(),
        locale);
  }

  /** What micro-apps keep on top of this person's home; a failing one only loses its items. */
  private java.util.List<PinnedItems.Pinned> pinned(SignedInUser user) {
    java.util.List<PinnedItems.Pinned> out = new java.util.ArrayList<>();
    for (PinnedItems p : pinnedItems) {
      try {
        out.addAll(p.pinned(user));
      } catch (RuntimeException e) {
        java.util.logging.Logger.getLogger(HomeServlet.class.getName())
            .log(java.util.logging.Level.WARNING, "pinned items unavailable", e);
      }
    }
    return out;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    SignedInUser user = CurrentUser.of(req);
    if (user == null) { // only if the sign-in filter were not mapped here
      res.sendRedirect(
          req.getContextPath() + "/login?target=" + URLEncoder.encode("/", StandardCharsets.UTF_8));
      return;
    }
    Locale locale = RequestLocale.of(req);
    java.util.List<WorkbenchHome.SceneView> scenes =
        WorkbenchHome.of(user, tiles, badges, req.getContextPath(), app.getAssetVersion());
    String html =
        HomePage.render(
            new HomePage.Model(
                user,
                scenes,
                req.getContextPath(),
                app.getAssetVersion(),
                app.isDevMode(),
                "1".equals(req.getParameter("expired")),
                LogoutToken.of(req.getSession()),
                pinned(user),
                inWeCom(req.getHeader("User-Agent")),
                homeStates.of(user),
                favourites(user, scenes, req, locale)),
            locale);
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    res.setContentType("text/html;charset=UTF-8");
    res.setHeader("Content-Language", "en".equals(locale.getLanguage()) ? "en" : "zh-CN");
    res.getOutputStream().write(body);
  }

  /**
   * WeCom's browser says {@code wxwork/<version>} in its user agent (as the JS-SDK and {@code
   * WeComPage} check).
   */
  static boolean inWeCom(String userAgent) {
    return userAgent != null && userAgent.toLowerCase(Locale.ROOT).contains("wxwork/");
  }
}
