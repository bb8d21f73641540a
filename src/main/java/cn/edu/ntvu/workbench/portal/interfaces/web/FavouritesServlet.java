package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.LogoutToken;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.RequestLocale;
import cn.edu.ntvu.workbench.portal.application.MyFavourites;
import cn.edu.ntvu.workbench.portal.domain.Favourites;
import cn.edu.ntvu.workbench.portal.domain.TileInputException;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /portal/favourites}: the home page's 常用 changes, by its script ({@code
 * workbench-favourites/favourites.js}). Always for the signed-in person (no account is read from
 * the request); the post carries the session's token ({@link LogoutToken}, the same secret the
 * sign-out form carries), else 400 and nothing changes. {@code action}: {@code pin}, {@code unpin},
 * {@code up}, {@code down} with {@code tile}; {@code order} with {@code ids} (the whole row, comma
 * separated); {@code opened} with {@code tile} (an external tile opened from the home page:
 * internal ones are recorded by {@link TileAccessFilter}). Answers JSON {@code
 * {"ok":true,"ids":[…]}}, or 400/403 with {@code {"ok":false,"message":"…"}}: 403 for a tile the
 * person does not see, 400 for the limit of {@link Favourites#MAX}, an out-of-date order or a
 * malformed post.
 */
@WebServlet("/portal/favourites")
public class FavouritesServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient MyFavourites favourites;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    SignedInUser user = CurrentUser.of(req);
    HttpSession session = req.getSession(false);
    if (user == null || session == null) {
      res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    if (!LogoutToken.matches(session, req.getParameter("token"))) {
      refuse(req, res, HttpServletResponse.SC_BAD_REQUEST, "workbench.fav.expired");
      return;
    }
    String action = req.getParameter("action");
    try {
      List<Long> ids =
          switch (action == null ? "" : action) {
            case "pin" -> favourites.pin(user, tile(req));
            case "unpin" -> favourites.unpin(user, tile(req));
            case "up" -> favourites.move(user, tile(req), true);
            case "down" -> favourites.move(user, tile(req), false);
            case "order" -> favourites.order(user, ids(req.getParameter("ids")));
            case "opened" -> {
              favourites.opened(user, tile(req));
              yield List.of();
            }
            default -> throw new TileInputException("workbench.fav.bad");
          };
      JsonArrayBuilder arr = Jsons.createArrayBuilder();
      ids.forEach(arr::add);
      write(
          res, 200, Jsons.createObjectBuilder().add("ok", true).add("ids", arr).build().toString());
    } catch (TileInputException e) {
      int status =
          MyFavourites.NOT_VISIBLE.equals(e.key())
              ? HttpServletResponse.SC_FORBIDDEN
              : HttpServletResponse.SC_BAD_REQUEST;
      refuse(req, res, status, e.key(), e.args());
    }
  }

  private long tile(HttpServletRequest req) {
    String value = req.getParameter("tile");
    try {
      long id = Long.parseLong(value == null ? "" : value.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new TileInputException("workbench.fav.bad");
  }

  /** The ids of an order: at most the limit, each a number, else refused. */
  static List<Long> ids(String value) {
    if (value == null || value.length() > 400) {
      throw new TileInputException("workbench.fav.bad");
    }
    List<Long> out = new ArrayList<>();
    if (value.isBlank()) {
      return out;
    }
    for (String part : value.split(",")) {
      try {
        out.add(Long.parseLong(part.strip()));
      } catch (NumberFormatException e) {
        throw new TileInputException("workbench.fav.bad");
      }
    }
    if (out.size() > Favourites.MAX || out.stream().distinct().count() != out.size()) {
      throw new TileInputException("workbench.fav.bad");
    }
    return out;
  }

  private static void refuse(
      HttpServletRequest req, HttpServletResponse res, int status, String key, List<String> args)
      throws IOException {
    String message = BundleText.format("i18n.workbench", RequestLocale.of(req), key, args);
    write(
        res,
        status,
        Jsons.createObjectBuilder().add("ok", false).add("message", message).build().toString());
  }

  private static void refuse(
      HttpServletRequest req, HttpServletResponse res, int status, String key) throws IOException {
    refuse(req, res, status, key, List.of());
  }

  private static void write(HttpServletResponse res, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    res.setStatus(status);
    res.setHeader("Cache-Control", "no-store");
    res.setContentType("application/json;charset=UTF-8");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
