package cn.edu.ntvu.workbench.platform.health;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /health/ready}: the load balancer's probe, answered by the app itself. Payara's own
 * MicroProfile Health endpoints are switched off in production ({@code
 * server-config/pre-boot-commands.asadmin}): they list every check with its name and data, and
 * Payara binds them into this root-context app. This answer says UP or DOWN and nothing else, so an
 * outsider learns no more than the load balancer needs.
 */
@WebServlet("/health/ready")
public class ReadinessServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient DatabaseReadiness database;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    boolean up = database.ready();
    byte[] body =
        (up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8);
    res.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    res.setHeader("Cache-Control", "no-store");
    res.setContentType("application/json");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
