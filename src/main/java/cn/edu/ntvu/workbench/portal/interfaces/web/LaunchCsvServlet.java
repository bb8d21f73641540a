package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.ServletGuard;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.RequestLocale;
import cn.edu.ntvu.workbench.portal.application.LaunchFigures;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /admin/workbench/launches.csv?from=…&to=…&by=day|week}: the launch figures page's figures,
 * one line per tile, period and person kind, for Excel (every cell formula-safe). A bad range
 * answers 400 with a sentence.
 */
@WebServlet(LaunchCsvServlet.PATH)
public class LaunchCsvServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/admin/workbench/launches.csv";

  @Inject transient LaunchFigures figures;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!ServletGuard.anyRole(req, res, Role.ADMIN)) {
      return;
    }
    Locale locale = RequestLocale.of(req);
    LaunchFiguresBean.Query q = LaunchFiguresBean.Query.of(req, figures.today());
    if (q.problem() != null) {
      res.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      res.setContentType("text/plain;charset=UTF-8");
      res.getOutputStream()
          .write(
              BundleText.format(
                      LaunchFiguresBean.BUNDLE,
                      locale,
                      q.problem(),
                      List.of("" + LaunchFiguresBean.MAX_DAYS))
                  .getBytes(StandardCharsets.UTF_8));
      return;
    }
    String b = LaunchFiguresBean.BUNDLE;
    List<String> header =
        List.of(
            BundleText.text(b, locale, "workbench.figures.tile"),
            BundleText.text(
                b, locale, q.byWeek() ? "workbench.figures.week" : "workbench.figures.day"),
            BundleText.text(b, locale, "workbench.figures.kind"),
            BundleText.text(b, locale, "workbench.figures.opens"),
            BundleText.text(b, locale, "workbench.figures.people"));
    Map<String, String> kinds =
        Map.of(
            "STUDENT", BundleText.text("i18n.messages", locale, "home.kind.STUDENT"),
            "STAFF", BundleText.text("i18n.messages", locale, "home.kind.STAFF"),
            "OTHER", BundleText.text(b, locale, "workbench.figures.kind.OTHER"));
    byte[] csv =
        LaunchFigures.csv(figures.lines(q.from(), q.to(), q.byWeek()), header, kinds)
            .getBytes(StandardCharsets.UTF_8);
    res.setContentType("text/csv;charset=UTF-8");
    res.setHeader(
        "Content-Disposition",
        "attachment; filename=\"launches-" + q.from() + "-" + q.to() + ".csv\"");
    res.setHeader("Cache-Control", "private, no-store");
    res.setContentLength(csv.length);
    res.getOutputStream().write(csv);
  }
}
