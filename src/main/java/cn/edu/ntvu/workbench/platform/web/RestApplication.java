package cn.edu.ntvu.workbench.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The application's only Jakarta REST application. All resources live under {@code /rest}, so that
 * later REST endpoints share one path instead of claiming several. Jersey's generated description
 * of every resource ({@code /rest/application.wadl}) is switched off: it would list the routes to
 * anyone signed in.
 */
@ApplicationPath("/rest")
public class RestApplication extends Application {
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
