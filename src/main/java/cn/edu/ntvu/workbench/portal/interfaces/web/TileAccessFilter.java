package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.web.CanonicalPath;
import cn.edu.ntvu.workbench.portal.application.Badges;
import cn.edu.ntvu.workbench.portal.application.MyFavourites;
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
 * error paths pass untouched. Costs one small query per page (the tiles stamp). A tile's page
 * opened from the home page is recorded for the person's 最近使用 in the same request (one upsert,
 * {@link #fromHome}).
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

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(TileAccessFilter.class.getName());

  private final transient WorkbenchTiles tiles;
  private final transient Badges badges;
  private final transient MyFavourites favourites;

  /**
   * Told, after a signed-in person's request under a micro-app ran, whose numbers may have changed
   * (the numbers on WeCom's own tile, {@code NativeTilePush#touched}).
   */
  private final transient java.util.function.Consumer<String> touched;

  public TileAccessFilter(WorkbenchTiles tiles, Badges badges) {
    this(tiles, badges, account -> {}, null);
  }

  /**
   * With {@code touched} (whose numbers may have changed) and {@code favourites} (a tile opened
   * from the home page is recorded for 最近使用; null: not recorded).
   */
  public TileAccessFilter(
      WorkbenchTiles tiles,
      Badges badges,
      java.util.function.Consumer<String> touched,
      MyFavourites favourites) {
    this.tiles = tiles;
    this.badges = badges;
    this.touched = touched;
    this.favourites = favourites;
  }

  /**
   * Whether this GET is a tile opened from our home page: the browser says it came from there (the
   * Referer, sent for same-origin requests under our Referrer-Policy). Other pages of the same
   * micro-app, opened from within it, are not tile opens.
   */
  static boolean fromHome(HttpServletRequest req) {
    return fromHome(
        req.getMethod(), req.getHeader("Referer"), req.getHeader("Host"), req.getContextPath());
  }

  static boolean fromHome(String method, String referer, String host, String contextPath) {
    if (referer == null || host == null || !"GET".equals(method)) {
      return false;
    }
    try {
      java.net.URI uri = java.net.URI.create(referer);
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      return host.equalsIgnoreCase(uri.getRawAuthority())
          && (path.equals(contextPath)
              || path.equals(contextPath + "/")
              || path.equals(contextPath + "/index.xhtml"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Records the open of the visible tile covering {@code path}; never fails the page. */
  private void recordOpen(WorkbenchTiles.Snapshot snapshot, SignedInUser user, String path) {
    try {
      // The most specific tile: 订阅到手机日历 (/timetable/calendar.xhtml), not 查课表 (/timetable/).
      snapshot.tiles().stream()
          .filter(t -> t.covers(path) && t.isVisibleTo(snapshot.viewer()))
          .max(java.util.Comparator.comparingInt(t -> t.target().length()))
          .ifPresent(t -> favourites.recordOpen(user, t.id()));
    } catch (RuntimeException e) {
      LOG.log(java.util.logging.Level.WARNING, "tile open not recorded", e);
    }
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
      if (favourites != null && fromHome(req)) {
        recordOpen(snapshot, user, path);
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
