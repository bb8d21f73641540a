package cn.edu.ntvu.workbench.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * The first filter of every request (declared in web.xml, so it runs before every filter registered
 * in code or by annotation): a request whose raw path is not canonical ({@link
 * CanonicalPath#problem}) is answered 400 with a short text page and nothing behind it runs — no
 * guard, no servlet, no error page. An accepted request carries its decoded path in {@link
 * CanonicalPath#ATTRIBUTE} for the guards after it.
 */
public class CanonicalPathFilter extends HttpFilter {
  private static final Logger LOG = Logger.getLogger(CanonicalPathFilter.class.getName());

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    Optional<String> problem = CanonicalPath.problem(req);
    if (problem.isPresent()) {
      // Scanners send these by the thousand: one line each at FINE, never the path itself at INFO.
      LOG.fine(
          () -> "Refused a non-canonical path (" + problem.get() + ") from " + req.getRemoteAddr());
      refuse(req, res);
      return;
    }
    req.setAttribute(CanonicalPath.ATTRIBUTE, CanonicalPath.of(req));
    chain.doFilter(req, res);
  }

  private static void refuse(HttpServletRequest req, HttpServletResponse res) throws IOException {
    ResourceBundle text = RequestLocale.messages(req);
    byte[] body =
        (text.getString("error.path.title") + "\n\n" + text.getString("error.path.text") + "\n")
            .getBytes(StandardCharsets.UTF_8);
    res.reset();
    res.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    res.setContentType("text/plain;charset=UTF-8");
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Connection", "close");
    res.setContentLength(body.length);
    if (!"HEAD".equals(req.getMethod())) {
      res.getOutputStream().write(body);
    }
  }
}
