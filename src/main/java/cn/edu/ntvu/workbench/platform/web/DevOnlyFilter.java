package cn.edu.ntvu.workbench.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The development stand-ins (WeCom, CAS sign-in) do not exist in production: their URLs answer 404 there, and no
 * request can switch them on — the mode comes from the server's configuration only.
 */
public class DevOnlyFilter extends HttpFilter {
  private final boolean devMode;

  public DevOnlyFilter(boolean devMode) {
    this.devMode = devMode;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!devMode) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    chain.doFilter(req, res);
  }
}
