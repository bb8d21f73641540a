package cn.edu.ntvu.workbench.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Puts {@link SecurityHeaders} on every response: no MIME sniffing, no framing by other sites, the referrer only
 * to ourselves, no powerful browser features, HSTS behind https, and the Content-Security-Policy — except on Faces
 * pages, where PrimeFaces sends the same policy with the response's nonce (two policies would both apply, and this
 * one, having no nonce, would block the page's own scripts).
 */
public class SecurityHeadersFilter extends HttpFilter {
  /** The servlet name of Faces in web.xml. */
  static final String FACES_SERVLET = "Faces Servlet";

  private final transient SecurityHeaders headers;

  public SecurityHeadersFilter(SecurityHeaders headers) {
    this.headers = headers;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "SAMEORIGIN");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Permissions-Policy", SecurityHeaders.PERMISSIONS);
    if (headers.isHsts()) {
      // Not includeSubDomains: other hosts of the school's domain are not ours to move to https.
      res.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    if (!isFaces(req)) {
      res.setHeader("Content-Security-Policy", headers.getPolicy());
    }
    chain.doFilter(req, res);
  }

  private static boolean isFaces(HttpServletRequest req) {
    HttpServletMapping mapping = req.getHttpServletMapping();
    return mapping != null && FACES_SERVLET.equals(mapping.getServletName());
  }
}
