package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.files.StoredFileResponse;
import cn.edu.ntvu.workbench.portal.application.TileStore;
import cn.edu.ntvu.workbench.portal.domain.TileIcons;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Uploaded tile icons ({@code /resources/tile-icons/up-<hex>.png}): always our own re-encoded PNG,
 * as image/png with nosniff and a sandboxing policy, cached for ever (the name is the content's
 * digest). Public like the other resources: an icon is no secret, and the home page must not wait
 * for a check per image.
 */
@WebServlet(TileIcons.UPLOADED_PATH + "*")
public class TileIconServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /**
   * Icons are small (a few kB) and few; beyond this many, the rest are read from the database each
   * time.
   */
  private static final int CACHED = 500;

  @Inject TileStore store;

  private final transient ConcurrentMap<String, byte[]> cache = new ConcurrentHashMap<>();

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String file = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    String name = file.endsWith(".png") ? file.substring(0, file.length() - 4) : "";
    if (!TileIcons.isUploaded(name)) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    byte[] png = cache.get(name);
    if (png == null) {
      Optional<byte[]> stored = store.icon(name);
      if (stored.isEmpty()) {
        res.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      png = stored.get();
      if (cache.size() < CACHED) {
        cache.put(name, png);
      }
    }
    StoredFileResponse.protect(res, "image/png");
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.setContentLength(png.length);
    res.getOutputStream().write(png);
  }
}
