package cn.edu.ntvu.workbench.forms.interfaces.web;

import cn.edu.ntvu.workbench.forms.application.ExportLinks;
import cn.edu.ntvu.workbench.forms.application.FormAccessDenied;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.ServletGuard;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /forms/export-link?id=&format=xlsx|csv} (staff; owners only, else 403): {@code {"url",
 * "name", "size"}} — a signed link to the export that works without the session for {@link
 * ExportLinks#LIFETIME}, the file's name and its size in bytes now, which is what WeCom's {@code
 * ww.previewFile} wants. Never cached.
 */
@WebServlet(ExportLinkServlet.PATH)
public class ExportLinkServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/forms/export-link";

  @Inject ExportLinks links;
  @Inject FormExportWriter exports;
  @Inject AppSettings settings;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!ServletGuard.kind(req, resp, PersonKind.STAFF)) {
      return;
    }
    SignedInUser user = CurrentUser.of(req);
    long id = Pages.id(req.getParameter("id"));
    String format = req.getParameter("format");
    if (!"xlsx".equals(format) && !"csv".equals(format)) {
      resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    boolean csv = "csv".equals(format);
    String token;
    String name;
    long size;
    try {
      token = links.issue(user, id, format);
      name = exports.fileName(user, id, csv);
      size = exports.size(user, id, csv);
    } catch (FormAccessDenied e) {
      resp.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String url = settings.publicBaseUrl() + SignedExportServlet.path(format) + "?t=" + token;
    byte[] body =
        Jsons.createObjectBuilder()
            .add("url", url)
            .add("name", name)
            .add("size", size)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    resp.setHeader("Cache-Control", "no-store");
    resp.setContentType("application/json;charset=UTF-8");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
