package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.ServletGuard;
import cn.edu.ntvu.workbench.portal.application.TileAdmin;
import cn.edu.ntvu.workbench.portal.application.TileTransfer;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The tile configuration as a JSON file ({@link TileTransfer}), to import on another server. Under
 * {@code /admin/}, so the sign-in filter answers 403 to everyone but admins.
 */
@WebServlet(TileExportServlet.PATH)
public class TileExportServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/admin/workbench/tiles.json";

  @Inject TileAdmin admin;
  @Inject Clock clock;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!ServletGuard.anyRole(req, res, Role.ADMIN)) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(clock).withNano(0);
    byte[] json = admin.export(now);
    res.setContentType("application/json;charset=UTF-8");
    res.setHeader(
        "Content-Disposition",
        "attachment; filename=\"workbench-tiles-"
            + now.format(DateTimeFormatter.BASIC_ISO_DATE).substring(0, 8)
            + ".json\"");
    res.setHeader("Cache-Control", "private, no-store");
    res.setContentLength(json.length);
    res.getOutputStream().write(json);
  }
}
