package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.CasLogouts;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.web.DevOnlyFilter;
import cn.edu.ntvu.workbench.platform.web.EncodingFilter;
import cn.edu.ntvu.workbench.platform.web.StaticCacheFilter;
import cn.edu.ntvu.workbench.platform.web.UploadLimitFilter;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import org.pac4j.core.config.Config;
import org.pac4j.jee.filter.CallbackFilter;
import org.pac4j.jee.filter.SecurityFilter;

/**
 * Registers the filters in code, in a fixed order (annotations give no order): encoding and headers, asset caching,
 * the dev-only guard, pac4j for CAS, then the sign-in guard, the tile guard and, for admin uploads, the upload-size answer. Also
 * applies the session settings.
 */
@WebListener
public class WebSetup implements ServletContextListener {
  @Inject AppSettings settings;
  @Inject SignInSupport support;
  @Inject CasLogouts casLogouts;
  @Inject cn.edu.ntvu.workbench.workbench.application.WorkbenchTiles tiles;
  @Inject cn.edu.ntvu.workbench.workbench.application.Badges badges;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext ctx = event.getServletContext();
    ctx.setSessionTimeout((int) settings.sessionIdle().toMinutes());
    // Behind https the session cookie must never travel over plain http.
    ctx.getSessionCookieConfig().setSecure(settings.publicBaseUrl().startsWith("https:"));

    add(ctx, "encoding", new EncodingFilter(), "/*");
    add(ctx, "staticCache", new StaticCacheFilter(), "/resources/*");
    add(ctx, "devOnly", new DevOnlyFilter(settings.isDevMode()), "/dev/*", "/rest/standin/*");
    if (settings.casEnabled()) {
      Config config = CasSignIn.buildConfig(settings, casLogouts);
      // Only isAuthenticated: pac4j's default csrfCheck would refuse every Faces POST (cas-notes.md).
      add(ctx, "casSecurity", new SecurityFilter(config, CasSignIn.CLIENT_NAME, "isAuthenticated"), "/login/cas");
      CallbackFilter callback = new CallbackFilter(config);
      callback.setDefaultClient(CasSignIn.CLIENT_NAME);
      callback.setRenewSession(true);
      add(ctx, "casLogoutRequest", new CasLogoutRequestFilter(casLogouts, config.getSessionLogoutHandler()), "/callback");
      add(ctx, "casCallbackGuard", new CasCallbackGuard(support), "/callback");
      add(ctx, "casCallback", callback, "/callback");
    }
    add(ctx, "signIn", new SignInFilter(casLogouts), "/*");
    // Internal tiles' pages only for the people their tile is visible to; a person's own change refreshes their badges.
    add(ctx, "tileAccess", new cn.edu.ntvu.workbench.workbench.interfaces.web.TileAccessFilter(tiles, badges), "/*");
    add(ctx, "uploadLimit", new UploadLimitFilter(), "/*");
  }

  private static void add(ServletContext ctx, String name, jakarta.servlet.Filter filter, String... urls) {
    FilterRegistration.Dynamic reg = ctx.addFilter(name, filter);
    reg.setAsyncSupported(true);
    reg.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, urls);
  }
}
