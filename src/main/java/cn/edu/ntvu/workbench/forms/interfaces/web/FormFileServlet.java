package cn.edu.ntvu.workbench.forms.interfaces.web;

import cn.edu.ntvu.workbench.forms.application.FormAccessDenied;
import cn.edu.ntvu.workbench.forms.application.FormResults;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /forms/file?id=}: an uploaded answer file, for the form's owners and the person who
 * uploaded it; 403 to anyone else, 404 when there is no such file. A photo is shown inline, a PDF
 * is a download, both unsniffed and sandboxed ({@link
 * cn.edu.ntvu.workbench.platform.files.StoredFileResponse}).
 */
@WebServlet("/forms/file")
public class FormFileServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject FormResults results;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    SignedInUser user = CurrentUser.of(req);
    if (user == null) {
      resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    Optional<Object[]> file;
    try {
      file = results.file(user, Pages.id(req.getParameter("id")));
    } catch (FormAccessDenied e) {
      resp.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (file.isEmpty()) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Object[] f = file.get();
    byte[] bytes = (byte[]) f[4];
    cn.edu.ntvu.workbench.platform.files.StoredFileResponse.send(
        resp, String.valueOf(f[2]), "private, no-store", bytes);
  }
}
