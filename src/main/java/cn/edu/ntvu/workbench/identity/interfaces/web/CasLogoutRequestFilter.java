package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.CasLogouts;
import cn.edu.ntvu.workbench.identity.domain.CasLogoutMessage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.logout.handler.SessionLogoutHandler;
import org.pac4j.core.profile.factory.ProfileManagerFactory;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.jee.context.JEEFrameworkParameters;
import org.pac4j.jee.context.session.JEESessionStoreFactory;

/**
 * CAS single logout on {@code /callback}, read before pac4j sees it. CAS posts a form with one
 * field, {@code logoutRequest}, naming the service ticket of the sign-in that ended. Nothing proves
 * the sender, so: the body is bounded ({@value #MAX_BODY} bytes; a longer one is answered 413
 * before it is read), the XML is read without DOCTYPE ({@link CasLogoutMessage}), and only a ticket
 * of a CAS sign-in this app made ({@link CasLogouts#isOurSignIn}) ends anything — the local session
 * through pac4j's logout handler, and on every server through the record of ended sign-ins. Any
 * other ticket changes nothing, not even a row. CAS 6 counts only a 200 as delivered, so every
 * well-formed request gets one (pac4j would say 204). Front-channel logout (a GET with {@code
 * logoutRequest}) is not used: the service is registered for back channel (README), and a
 * browser-carried request is refused.
 */
public class CasLogoutRequestFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(CasLogoutRequestFilter.class.getName());

  /**
   * CAS's request is ~500 bytes; a form of 16 KB leaves room for any CAS server and nothing for a
   * flood.
   */
  static final int MAX_BODY = 16 * 1024;

  static final String PARAMETER = "logoutRequest";

  private final transient CasLogouts logouts;
  private final transient SessionLogoutHandler handler;

  public CasLogoutRequestFilter(CasLogouts logouts, SessionLogoutHandler handler) {
    this.logouts = logouts;
    this.handler = handler;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if ("POST".equals(req.getMethod())) {
      backChannel(req, res);
    } else if (req.getParameter(PARAMETER) != null) {
      answer(res, HttpServletResponse.SC_BAD_REQUEST);
    } else {
      chain.doFilter(req, res);
    }
  }

  private void backChannel(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/x-www-form-urlencoded")) {
      answer(res, HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    if (req.getContentLengthLong() > MAX_BODY) {
      tooLarge(res);
      return;
    }
    byte[] body = readAtMost(req.getInputStream(), MAX_BODY);
    if (body == null) {
      tooLarge(res);
      return;
    }
    Optional<String> ticket =
        field(new String(body, StandardCharsets.US_ASCII), PARAMETER)
            .flatMap(CasLogoutMessage::sessionIndex);
    if (ticket.isEmpty()) {
      answer(res, HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    if (logouts.isOurSignIn(ticket.get())) {
      JEEFrameworkParameters params = new JEEFrameworkParameters(req, res);
      handler.destroySession(
          new CallContext(
              new JEEContext(req, res),
              JEESessionStoreFactory.INSTANCE.newSessionStore(params),
              ProfileManagerFactory.DEFAULT),
          ticket.get());
      LOG.info("CAS single logout of a sign-in of ours");
    } else {
      LOG.fine("CAS logout request for a ticket this app did not issue a session for: ignored");
    }
    answer(res, HttpServletResponse.SC_OK);
  }

  /**
   * The bytes of {@code in}, or null when there are more than {@code max} (the rest is never read).
   */
  static byte[] readAtMost(InputStream in, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    byte[] buffer = new byte[4096];
    int total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > max) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * The first value of {@code name} in an {@code application/x-www-form-urlencoded} body; empty if
   * absent or bad.
   */
  static Optional<String> field(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        try {
          return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static void tooLarge(HttpServletResponse res) throws IOException {
    // The unread rest of the body must not be taken for the next request on this connection.
    res.setHeader("Connection", "close");
    answer(res, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
  }

  private static void answer(HttpServletResponse res, int status) throws IOException {
    res.setStatus(status);
    res.setHeader("Cache-Control", "no-store");
    res.setContentType("text/plain;charset=UTF-8");
    res.setContentLength(0);
  }
}
