package cn.edu.ntvu.workbench.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Our own assets are referenced with a version parameter ({@code ?v=<build>}), so a phone may keep
 * them for a year and a repeat visit downloads nothing but the page.
 */
public class StaticCacheFilter extends HttpFilter {
  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getParameter("v") != null) {
      res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    } else {
      res.setHeader("Cache-Control", "public, max-age=3600");
    }
    chain.doFilter(req, res);
  }
}
