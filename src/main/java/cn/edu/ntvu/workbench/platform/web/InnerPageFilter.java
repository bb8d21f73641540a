package cn.edu.ntvu.workbench.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * The pages under {@code /WEB-INF/} (error pages, the sign-in problem page, the sign-out page) are
 * rendered for another request — an error, a forward from a servlet — and must render as a fresh
 * page whatever that request was. Faces would otherwise take a POST that carried a view state (a
 * forged or stale form post answered 403 or 404) for a postback of the error page itself and fail
 * on it, ending on the 500 page. So they see a GET without parameters and without the Faces Ajax
 * header.
 */
public class InnerPageFilter extends HttpFilter {
  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(new FreshGet(req), res);
  }

  /** The request as a plain GET without parameters. */
  static final class FreshGet extends HttpServletRequestWrapper {
    FreshGet(HttpServletRequest req) {
      super(req);
    }

    @Override
    public String getMethod() {
      return "GET";
    }

    @Override
    public String getParameter(String name) {
      return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return Map.of();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
      return null;
    }

    @Override
    public String getQueryString() {
      return null;
    }

    @Override
    public String getHeader(String name) {
      return "Faces-Request".equalsIgnoreCase(name) ? null : super.getHeader(name);
    }
  }
}
