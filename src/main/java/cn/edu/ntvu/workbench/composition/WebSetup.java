package cn.edu.ntvu.workbench.composition;

import cn.edu.ntvu.workbench.attendance.application.RollCalls;
import cn.edu.ntvu.workbench.attendance.interfaces.web.RollCallGetFilter;
import cn.edu.ntvu.workbench.identity.application.Authorities;
import cn.edu.ntvu.workbench.identity.application.CasLogouts;
import cn.edu.ntvu.workbench.identity.interfaces.web.CasCallbackGuard;
import cn.edu.ntvu.workbench.identity.interfaces.web.CasLogoutRequestFilter;
import cn.edu.ntvu.workbench.identity.interfaces.web.CasSignIn;
import cn.edu.ntvu.workbench.identity.interfaces.web.SignInSupport;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.security.Callers;
import cn.edu.ntvu.workbench.platform.web.AppInfo;
import cn.edu.ntvu.workbench.platform.web.DatabaseUnavailableFilter;
import cn.edu.ntvu.workbench.platform.web.EncodingFilter;
import cn.edu.ntvu.workbench.platform.web.InnerPageFilter;
import cn.edu.ntvu.workbench.platform.web.PayaraEndpointsFilter;
import cn.edu.ntvu.workbench.platform.web.SecurityHeaders;
import cn.edu.ntvu.workbench.platform.web.SecurityHeadersFilter;
import cn.edu.ntvu.workbench.platform.web.StaticCacheFilter;
import cn.edu.ntvu.workbench.platform.web.UploadLimitFilter;
import cn.edu.ntvu.workbench.portal.application.Badges;
import cn.edu.ntvu.workbench.portal.application.WorkbenchTiles;
import cn.edu.ntvu.workbench.portal.interfaces.web.TileAccessFilter;
import cn.edu.ntvu.workbench.wecom.application.DomainVerification;
import cn.edu.ntvu.workbench.wecom.interfaces.web.VerificationFileFilter;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Clock;
import java.util.EnumSet;
import org.pac4j.core.config.Config;
import org.pac4j.jee.filter.CallbackFilter;
import org.pac4j.jee.filter.SecurityFilter;

/**
 * Registers the filters in code, in a fixed order (annotations give no order). Before all of them
 * runs the canonical-path filter declared in web.xml, which refuses every request whose raw path is
 * not already in the form the container decodes it to. Then: encoding and headers, asset caching,
 * the route guard (the policy table, sign-in, fresh roles), the admin guard on {@code /admin/*},
 * WeCom's verification files, pac4j for CAS, the tile guard and, for uploads, the upload-size
 * answer. No filter is registered by annotation: this is the whole chain. Also applies the session
 * settings.
 */
@WebListener
public class WebSetup implements ServletContextListener {
  @Inject AppSettings settings;
  @Inject SignInSupport support;
  @Inject CasLogouts casLogouts;
  @Inject Authorities authorities;
  @Inject Callers callers;
  @Inject Clock clock;
  @Inject WorkbenchTiles tiles;
  @Inject Badges badges;
  @Inject cn.edu.ntvu.workbench.portal.application.NativeTilePush nativeTiles;
  @Inject cn.edu.ntvu.workbench.portal.application.MyFavourites favourites;
  @Inject DomainVerification verificationFiles;
  @Inject SecurityHeaders securityHeaders;
  @Inject RollCalls rollCalls;
  @Inject AppInfo app;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext ctx = event.getServletContext();
    ctx.setSessionTimeout((int) settings.sessionIdle().toMinutes());
    // Behind https the session cookie must never travel over plain http.
    ctx.getSessionCookieConfig().setSecure(settings.publicBaseUrl().startsWith("https:"));

    add(ctx, "encoding", new EncodingFilter(), "/*");
    add(
        ctx,
        "securityHeaders",
        new SecurityHeadersFilter(securityHeaders),
        EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR),
        "/*");
    // Error, sign-in problem and sign-out pages render fresh, whatever the request they answer was.
    add(
        ctx,
        "innerPages",
        new InnerPageFilter(),
        EnumSet.of(DispatcherType.FORWARD, DispatcherType.ERROR),
        "/WEB-INF/*");
    // While the database is away: 503 "稍后再试" instead of the 500 page (before the route guard, which
    // reads roles).
    add(ctx, "databaseUnavailable", new DatabaseUnavailableFilter(securityHeaders), "/*");
    add(ctx, "staticCache", new StaticCacheFilter(), "/resources/*");
    add(ctx, "payaraEndpoints", new PayaraEndpointsFilter(), PayaraEndpointsFilter.PATHS);
    // Before every filter that answers by itself (pac4j, the verification files): what the table
    // refuses never
    // reaches them.
    add(
        ctx,
        "routeGuard",
        new RouteGuardFilter(
            authorities,
            casLogouts,
            callers,
            support,
            clock,
            settings.isDevMode(),
            settings.sessionMax()),
        "/*");
    add(ctx, "adminGuard", new AdminGuardFilter(), "/admin/*");
    add(ctx, "verificationFiles", new VerificationFileFilter(verificationFiles), "/*");
    Config config = CasSignIn.buildConfig(settings, casLogouts);
    // Only isAuthenticated: pac4j's default csrfCheck would refuse every Faces POST (cas-notes.md).
    add(
        ctx,
        "casSecurity",
        new SecurityFilter(config, CasSignIn.CLIENT_NAME, "isAuthenticated"),
        "/login/cas");
    CallbackFilter callback = new CallbackFilter(config);
    callback.setDefaultClient(CasSignIn.CLIENT_NAME);
    callback.setRenewSession(true);
    add(
        ctx,
        "casLogoutRequest",
        new CasLogoutRequestFilter(casLogouts, config.getSessionLogoutHandler()),
        "/callback");
    add(ctx, "casCallbackGuard", new CasCallbackGuard(support), "/callback");
    add(ctx, "casCallback", callback, "/callback");
    // Internal tiles' pages only for the people their tile is visible to; a person's own change
    // refreshes their badges; a tile opened from the home page goes to their 最近使用.
    add(
        ctx,
        "tileAccess",
        new TileAccessFilter(tiles, badges, nativeTiles::touched, favourites),
        "/*");
    add(ctx, "uploadLimit", new UploadLimitFilter(), "/*");
    // Last, where the Faces servlet would be: 点名's GET written in one pass (its POST goes on to
    // Faces).
    add(
        ctx,
        "rollCallGet",
        new RollCallGetFilter(rollCalls, app, securityHeaders),
        "/attendance/roll.xhtml");
  }

  private static void add(ServletContext ctx, String name, Filter filter, String... urls) {
    add(ctx, name, filter, EnumSet.of(DispatcherType.REQUEST), urls);
  }

  private static void add(
      ServletContext ctx, String name, Filter filter, EnumSet<DispatcherType> on, String... urls) {
    FilterRegistration.Dynamic reg = ctx.addFilter(name, filter);
    reg.setAsyncSupported(true);
    reg.addMappingForUrlPatterns(on, true, urls);
  }
}
