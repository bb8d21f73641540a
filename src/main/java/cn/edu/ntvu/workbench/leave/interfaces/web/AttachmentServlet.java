package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.AttachmentStore;
import cn.edu.ntvu.workbench.leave.application.LeaveQueries;
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
 * {@code /leave/attachment?id=7[&preview=1]}: an attachment for those who may see its request (the
 * sign-in filter has already run; anyone else gets 403, an unknown id 404). Photos come downscaled
 * with {@code preview=1}. Shown inline only when its bytes are a picture, else a download, always
 * unsniffed and sandboxed ({@link StoredFileResponse}).
 */
@WebServlet("/leave/attachment")
public class AttachmentServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject LeaveQueries queries;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    SignedInUser user = CurrentUser.of(req);
    if (user == null) {
      resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    // anything but a number names no file: 404 below
    long id = Pages.id(req.getParameter("id"));
    Optional<AttachmentStore.Info> info = queries.attachment(id);
    if (info.isEmpty()) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!queries.maySee(info.get().requestId(), user)) {
      resp.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    boolean preview = "1".equals(req.getParameter("preview")) && info.get().hasPreview();
    byte[] bytes = queries.attachmentContent(id, preview).orElse(new byte[0]);
    StoredFileResponse.send(resp, info.get().fileName(), "private, max-age=3600", bytes);
  }
}
