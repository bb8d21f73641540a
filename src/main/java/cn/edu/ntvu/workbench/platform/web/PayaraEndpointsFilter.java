package cn.edu.ntvu.workbench.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Payara binds its MicroProfile endpoints (Metrics, OpenAPI, Health) into the root-context
 * application, which is ours, so our filters see them. They are switched off in {@code
 * server-config/pre-boot-commands.asadmin}; this answers 404 there whatever Payara's configuration
 * says — a start without that file, or a part Payara keeps serving when switched off (Jersey's
 * {@code /openapi/application.wadl} does). Only {@code /health/ready}, the app's own readiness
 * servlet, goes through. Decided on the container's decoded path. The route table's deny-by-default
 * says the same ({@code composition.Routes} has no line for them); this is the second word,
 * registered by {@code composition.WebSetup} for the paths listed in {@link #PATHS}.
 */
public class PayaraEndpointsFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  static final String READY = "/health/ready";

  /** Where Payara binds its MicroProfile endpoints. */
  public static final String[] PATHS = {
    "/metrics", "/metrics/*", "/openapi", "/openapi/*", "/health", "/health/*"
  };

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = CanonicalPath.of(req);
    if (READY.equals(path)) {
      chain.doFilter(req, res);
      return;
    }
    res.sendError(HttpServletResponse.SC_NOT_FOUND);
  }
}
