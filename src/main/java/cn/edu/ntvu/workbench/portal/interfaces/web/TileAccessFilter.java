package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.web.CanonicalPath;
import cn.edu.ntvu.workbench.portal.application.Badges;
import cn.edu.ntvu.workbench.portal.application.WorkbenchTiles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * After the sign-in guard: a page under an internal tile's path is only for people that tile is
 * visible to (and only while it is enabled and within its visible dates); anyone else gets 403. A
 * GET of a page of a tile in maintenance goes to the tile's entry path, which shows its message.
 * Pages no tile covers, admin pages (the admin role guards them), resources and the sign-in and
 * error paths pass untouched. Costs one small query per page (the tiles stamp).
 */
public class TileAccessFilter extends HttpFilter {
  private static final String[] UNGUARDED = {
    "/admin/",
    "/login",
    "/callback",
    "/logout",
    "/signed-out.xhtml",
    "/error.xhtml",
    "/jakarta.faces.resource/",
    "/resources/",
    "/rest/",
    "/health",
    "/favicon.ico",
    "/WW_verify_",
    "/calendar/",
    "/go/"
  };

  private final transient WorkbenchTiles tiles;
  private final transient Badges badges;

  /**
   * Told, after a signed-in person's request under a micro-app ran, whose numbers may have changed
   * (the numbers on WeCom's own tile, {@code NativeTilePush#touched}).
   */
  private final transient java.util.function.Consumer<String> touched;

  public TileAccessFilter(WorkbenchTiles tiles, Badges badges) {
    this(tiles, badges, account -> {});
  }

  public TileAccessFilter(
      WorkbenchTiles tiles, Badges badges, java.util.function.Consumer<String> touched) {
    this.tiles = tiles;
    this.badges = badges;
    this.touched = touched;
  }

  static boolean guarded(String path) {
    if (path.isEmpty() || path.equals("/") || path.equals("/index.xhtml")) {
      return false;
    }
    for (String p : UNGUARDED) {
      if (path.startsWith(p)) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = CanonicalPath.of(req);
    SignedInUser user = CurrentUser.of(req);
    if (user != null && guarded(path)) {
      WorkbenchTiles.Snapshot snapshot = tiles.snapshot(user);
      if (!snapshot.mayOpen(path)) {
        res.sendError(HttpServletResponse.SC_FORBIDDEN);
        return;
      }
      // A page of a tile in maintenance (a bookmark, a link in a message): its message instead.
      var maintenance = snapshot.maintenanceOf(path);
      if (maintenance.isPresent()
          && ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))) {
        res.sendRedirect(req.getContextPath() + "/go/" + maintenance.get().id());
        return;
      }
    }
    if (user == null || "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod())) {
      chain.doFilter(req, res);
      if (user != null && guarded(path)) {
        touched.accept(user.account()); // a first read of a notice lowers its number
      }
      return;
    }
    // Whatever the person submits may change one of their badges (a form filled, a request
    // approved): the next home
    // page counts them anew. Forgotten after it too, in case the home page was counted while this
    // request ran.
    badges.forget(user);
    try {
      chain.doFilter(req, res);
    } finally {
      badges.forget(user);
      touched.accept(user.account());
    }
  }
}
