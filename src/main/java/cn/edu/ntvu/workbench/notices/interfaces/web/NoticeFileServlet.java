package cn.edu.ntvu.workbench.notices.interfaces.web;

import cn.edu.ntvu.workbench.notices.application.NoticeAccessDenied;
import cn.edu.ntvu.workbench.notices.application.NoticeFiles;
import cn.edu.ntvu.workbench.platform.files.StoredFileResponse;
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
 * {@code /notices/file?id=}: an image or file of a notice for its recipients (once sent, not once
 * recalled) and its sender and co-senders (the sign-in filter has already run; anyone else 403, an
 * unknown id 404). An image is shown inline only when its bytes are one, everything else is a
 * download, always unsniffed and sandboxed ({@link StoredFileResponse}).
 */
@WebServlet("/notices/file")
public class NoticeFileServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject NoticeFiles files;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    SignedInUser user = CurrentUser.of(req);
    if (user == null) {
      resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    // anything but a number names no file: 404 below
    long id = Pages.id(req.getParameter("id"));
    Optional<NoticeFiles.Download> d;
    try {
      d = files.download(user, id);
    } catch (NoticeAccessDenied e) {
      resp.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (d.isEmpty()) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    StoredFileResponse.send(
        resp, d.get().info().fileName(), "private, max-age=3600", d.get().content());
  }
}
