package cn.edu.ntvu.workbench.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Puts {@link SecurityHeaders} on every response: no MIME sniffing, no framing by other sites, the
 * referrer only to ourselves, no powerful browser features, HSTS behind https, and the
 * Content-Security-Policy. A Faces page's policy comes from PrimeFaces with the response's nonce;
 * PrimeFaces adds it as a second header, and two policies would both apply (this one, without the
 * nonce, blocking the page's own scripts) — so a policy added later in the response replaces this
 * one. Mapped to requests, forwards and error pages alike, since a servlet may forward to a Faces
 * page and an error page is rendered by Faces.
 */
public class SecurityHeadersFilter extends HttpFilter {
  static final String CSP = "Content-Security-Policy";

  private final transient SecurityHeaders headers;

  public SecurityHeadersFilter(SecurityHeaders headers) {
    this.headers = headers;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!res.isCommitted()) {
      apply(res, headers);
    }
    chain.doFilter(req, new OnePolicy(res));
  }

  /** Sets the headers on {@code res} (also again after a {@code reset()}, e.g. the 503 page's). */
  static void apply(HttpServletResponse res, SecurityHeaders headers) {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "SAMEORIGIN");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Permissions-Policy", SecurityHeaders.PERMISSIONS);
    if (headers.isHsts()) {
      // Not includeSubDomains: other hosts of the school's domain are not ours to move to https.
      res.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    if (res.getHeader(CSP) == null) {
      res.setHeader(CSP, headers.getPolicy());
    }
  }

  /** A Content-Security-Policy added later (PrimeFaces' nonce'd one) replaces the one set here. */
  static final class OnePolicy extends HttpServletResponseWrapper {
    OnePolicy(HttpServletResponse res) {
      super(res);
    }

    @Override
    public void addHeader(String name, String value) {
      if (CSP.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }
  }
}
