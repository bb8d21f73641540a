package cn.edu.ntvu.workbench.timetable.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.ServletGuard;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportKind;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportSamples;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /admin/timetable/sample/TIMETABLE_ZF.csv}: a sample file of one kind to fill in. Under
 * {@code /admin/}, so only admins get it (the sign-in filter answers 403 to everyone else).
 */
@WebServlet(TimetableSampleServlet.PATH + "*")
public class TimetableSampleServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  static final String PATH = "/admin/timetable/sample/";

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!ServletGuard.anyRole(req, res, Role.ADMIN)) {
      return;
    }
    String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    TimetableImportKind kind = null;
    for (TimetableImportKind k : TimetableImportKind.values()) {
      if (name.equals(k.name() + ".csv")) {
        kind = k;
      }
    }
    if (kind == null) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    byte[] csv = TimetableImportSamples.csv(kind);
    res.setContentType("text/csv;charset=UTF-8");
    res.setHeader(
        "Content-Disposition",
        "attachment; filename=\"" + TimetableImportSamples.fileName(kind) + "\"");
    res.setContentLength(csv.length);
    res.getOutputStream().write(csv);
  }
}
