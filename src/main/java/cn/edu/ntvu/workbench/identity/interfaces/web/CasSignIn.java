package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.CasLogouts;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.config.CasProtocolVersion;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.pac4j.cas.client.CasClient;
import org.pac4j.cas.config.CasConfiguration;
import org.pac4j.cas.config.CasProtocol;
import org.pac4j.core.client.Clients;
import org.pac4j.core.config.Config;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.logout.handler.DefaultSessionLogoutHandler;
import org.pac4j.core.profile.ProfileManager;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.core.util.InitializableObject;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.jee.context.JEEFrameworkParameters;
import org.pac4j.jee.context.session.JEESessionStoreFactory;

/**
 * The pac4j configuration for the school's CAS server (统一身份认证). Only the CAS sign-in endpoint and
 * the callback are guarded by pac4j; pages are guarded by {@link SignInFilter}. The principal id
 * (学工号) identifies the person: no attribute is required, because many campus CAS servers release
 * none.
 */
public final class CasSignIn {
  public static final String CLIENT_NAME = "CasClient";

  private CasSignIn() {}

  /** The session attribute that holds the CAS service ticket this session began with. */
  public static final String TICKET_KEY = "wb.casTicket";

  public static Config buildConfig(AppSettings settings, CasLogouts logouts) {
    String prefix = settings.casUrl();
    CasConfiguration cas =
        new CasConfiguration(
            prefix + "/login",
            settings.casProtocol() == CasProtocolVersion.CAS20
                ? CasProtocol.CAS20
                : CasProtocol.CAS30);
    cas.setPrefixUrl(prefix + "/");
    CasClient client = new CasClient(cas);
    client.setName(CLIENT_NAME);
    client.setCallbackUrl(settings.publicBaseUrl() + "/callback");
    // After a refused ticket pac4j would answer the next sign-in with a bare 401; send the person
    // to CAS again
    // instead (each failure ends on our problem page, so this cannot loop).
    client.setCheckAuthenticationAttempt(false);
    Config config = new Config(new Clients(client));
    // A CAS single-logout request ends the whole local session (here, if it lives on this server)
    // and is recorded
    // for every server (SignInFilter checks it), since CAS may send it to any of them. Only for a
    // ticket of a sign-in
    // this app made (CasLogoutRequestFilter reads the request; anyone can post one): others change
    // nothing.
    DefaultSessionLogoutHandler logoutHandler =
        new DefaultSessionLogoutHandler() {
          @Override
          public void recordSession(CallContext ctx, String ticket) {
            super.recordSession(ctx, ticket);
            ctx.sessionStore().set(ctx.webContext(), TICKET_KEY, ticket);
            logouts.recordSignIn(ticket);
          }

          @Override
          public void destroySession(CallContext ctx, String ticket) {
            if (!logouts.isOurSignIn(ticket)) {
              return;
            }
            logouts.recordLogout(ticket);
            try {
              super.destroySession(ctx, ticket);
            } catch (IllegalStateException alreadyEnded) {
              // The person signed out here first (LogoutServlet invalidated the session, then sent
              // the browser to
              // CAS's logout) and CAS's back-channel request for the same ticket finds the session
              // gone: nothing is
              // left to end, and CAS gets its 200 instead of an error page.
            }
          }
        };
    logoutHandler.setDestroySession(true);
    config.setSessionLogoutHandler(logoutHandler);
    return initialized(config);
  }

  /**
   * Initialises the clients now, at start-up, instead of on the first requests: pac4j initialises
   * them lazily, and several first sign-ins at once right after a start found the CAS client half
   * set up (no AJAX resolver yet) and ended on the 500 page.
   */
  static Config initialized(Config config) {
    config.getClients().init();
    config.getClients().getClients().forEach(c -> ((InitializableObject) c).init());
    return config;
  }

  /** The CAS principal id (学工号) pac4j validated for this session, if any. */
  public static Optional<String> principal(HttpServletRequest req, HttpServletResponse res) {
    return profileManager(req, res).getProfile().map(UserProfile::getId);
  }

  /**
   * Forgets the CAS profile, so that a person refused by the directory is not sent round in a loop.
   */
  public static void forget(HttpServletRequest req, HttpServletResponse res) {
    profileManager(req, res).removeProfiles();
  }

  private static ProfileManager profileManager(HttpServletRequest req, HttpServletResponse res) {
    JEEFrameworkParameters params = new JEEFrameworkParameters(req, res);
    return new ProfileManager(
        new JEEContext(req, res), JEESessionStoreFactory.INSTANCE.newSessionStore(params));
  }
}
