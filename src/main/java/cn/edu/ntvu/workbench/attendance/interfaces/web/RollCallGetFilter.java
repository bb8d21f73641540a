package cn.edu.ntvu.workbench.attendance.interfaces.web;

import cn.edu.ntvu.workbench.attendance.application.AttendanceTexts;
import cn.edu.ntvu.workbench.attendance.application.RollCallRefused;
import cn.edu.ntvu.workbench.attendance.application.RollCalls;
import cn.edu.ntvu.workbench.attendance.application.Roster;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.LogoutToken;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.ServletGuard;
import cn.edu.ntvu.workbench.platform.web.AppInfo;
import cn.edu.ntvu.workbench.platform.web.RequestLocale;
import cn.edu.ntvu.workbench.platform.web.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * 点名's GET, {@code /attendance/roll.xhtml?term=…&src=…&no=…&date=…}, answered in one pass ({@link
 * RollCallPage}) instead of by Faces; every other method (提交考勤's POST) goes on to Faces ({@link
 * RollCallView}). Registered last of the filters (composition.WebSetup), so the sign-in, the route
 * guard (STAFF), the security headers and the database check have run as for the Faces page; it
 * checks the person's kind itself ({@link ServletGuard}, the view's {@code @Requires}) and {@link
 * RollCalls#open} decides, as for the view, whether this person teaches the meeting.
 */
public class RollCallGetFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  private final transient RollCalls rollCalls;
  private final transient AppInfo app;
  private final transient SecurityHeaders headers;

  public RollCallGetFilter(RollCalls rollCalls, AppInfo app, SecurityHeaders headers) {
    this.rollCalls = rollCalls;
    this.app = app;
    this.headers = headers;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!"GET".equals(req.getMethod())) {
      chain.doFilter(req, res);
      return;
    }
    if (!ServletGuard.kind(req, res, PersonKind.STAFF)) {
      return;
    }
    Locale locale = RequestLocale.of(req);
    AttendanceTexts text = AttendanceTexts.of(locale);
    Roster roster = null;
    String problem = null;
    int status = HttpServletResponse.SC_OK;
    String term = param(req, "term");
    String source = param(req, "src");
    int no = 0;
    LocalDate date = null;
    try {
      no = Integer.parseInt(param(req, "no"));
      date = LocalDate.parse(param(req, "date"));
    } catch (NumberFormatException | DateTimeParseException e) {
      date = null;
    }
    if (date == null
        || term.isEmpty()
        || source.isEmpty()
        || term.length() > 16
        || source.length() > 8) {
      status = HttpServletResponse.SC_BAD_REQUEST;
      problem = text.get("attendance.refused.badLink");
    } else {
      try {
        roster = rollCalls.open(CurrentUser.of(req), term, source, no, date);
      } catch (RollCallRefused e) {
        status = e.status();
        problem = text.get(e.key(), e.args().toArray());
      }
    }
    String nonce = nonce();
    String html =
        RollCallPage.render(
            new RollCallPage.Model(
                roster,
                problem,
                req.getContextPath(),
                app.getAssetVersion(),
                app.isDevMode(),
                "1".equals(req.getParameter("expired")),
                LogoutToken.of(req.getSession()),
                nonce),
            locale);
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    res.setStatus(status);
    // the policy every page has, with this response's nonce for its two scripts (PrimeFaces'
    // spelling: it appends the nonce to the policy's script-src, and takes the page's nonce back
    // from the form's primefaces.nonce on the post)
    res.setHeader("Content-Security-Policy", headers.getPolicy() + " 'nonce-" + nonce + "';");
    res.setContentType("text/html;charset=UTF-8");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  /** A fresh nonce as PrimeFaces makes them ({@code CspState.generateNonce}): base64 of a UUID. */
  static String nonce() {
    return Base64.getEncoder()
        .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String param(HttpServletRequest req, String name) {
    String v = req.getParameter(name);
    return v == null ? "" : v.strip();
  }
}
