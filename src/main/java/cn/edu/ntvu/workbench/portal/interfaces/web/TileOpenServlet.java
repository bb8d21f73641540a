package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.web.AppInfo;
import cn.edu.ntvu.workbench.platform.web.RequestLocale;
import cn.edu.ntvu.workbench.portal.application.TileLaunch;
import cn.edu.ntvu.workbench.portal.domain.TileKind;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The tiles' entry path, {@code /go/<tile id>} (issue 21): every tile on the home page links here.
 * A tile in maintenance answers its message and expected end (200: WeCom's browser shows its own
 * page for a 5xx) ({@link MaintenancePage}, also when the path is opened directly); one the person
 * may not see, or outside its visible dates, is not found; else the open is counted ({@link
 * TileLaunch}) and the person is sent on to the tile's page or site.
 */
@WebServlet(urlPatterns = "/go/*")
public class TileOpenServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient TileLaunch launch;
  @Inject transient AppInfo app;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    SignedInUser user = CurrentUser.of(req);
    long id = tileId(req.getPathInfo());
    if (user == null || id <= 0) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    TileLaunch.Outcome outcome = launch.open(user, id);
    if (outcome instanceof TileLaunch.InMaintenance m) {
      Locale locale = RequestLocale.of(req);
      byte[] body =
          MaintenancePage.render(
                  m.tile(), m.state(), req.getContextPath(), app.getAssetVersion(), locale)
              .getBytes(StandardCharsets.UTF_8);
      res.setHeader("Cache-Control", "no-store");
      res.setContentType("text/html;charset=UTF-8");
      res.setHeader("Content-Language", "en".equals(locale.getLanguage()) ? "en" : "zh-CN");
      res.getOutputStream().write(body);
    } else if (outcome instanceof TileLaunch.Go g) {
      res.setHeader("Cache-Control", "no-store");
      res.sendRedirect(
          g.tile().kind() == TileKind.EXTERNAL
              ? g.tile().target()
              : req.getContextPath() + g.tile().target());
    } else {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  /** The tile id of {@code /<id>}; 0 when it is not one. */
  static long tileId(String pathInfo) {
    if (pathInfo == null || !pathInfo.matches("/[1-9][0-9]{0,17}")) {
      return 0;
    }
    return Long.parseLong(pathInfo.substring(1));
  }
}
