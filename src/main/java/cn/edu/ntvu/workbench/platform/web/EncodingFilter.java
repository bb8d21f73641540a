package cn.edu.ntvu.workbench.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * UTF-8 for every request and response (Payara answered Faces partial responses as ISO-8859-1 when
 * the request named no charset). The security headers are {@link SecurityHeadersFilter}'s.
 */
public class EncodingFilter extends HttpFilter {
  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getCharacterEncoding() == null) {
      req.setCharacterEncoding("UTF-8");
    }
    res.setCharacterEncoding("UTF-8");
    chain.doFilter(req, res);
  }
}
