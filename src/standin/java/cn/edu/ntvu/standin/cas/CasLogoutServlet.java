package cn.edu.ntvu.standin.cas;

import cn.edu.ntvu.standin.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * {@code /cas/logout?service=…}: single logout as CAS does it with back-channel logout — a {@code
 * logoutRequest} (SAML {@code LogoutRequest} naming the account and the ticket as {@code
 * SessionIndex}) POSTed to the service of every ticket this browser got, one after the other,
 * before the answer; then the browser's cookie is cleared and it goes to {@code service} when the
 * app registered it, else a page says it is signed out.
 */
@WebServlet("/cas/logout")
public class CasLogoutServlet extends HttpServlet {
  private static final Logger LOG = Logger.getLogger(CasLogoutServlet.class.getName());
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Inject CasTickets tickets;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String tgc = CasLoginServlet.cookie(req);
    if (tgc != null) {
      for (CasTickets.Logout t : tickets.endSession(tgc)) {
        backChannel(t);
      }
      Cookie gone = new Cookie(CasLoginServlet.COOKIE, "");
      gone.setPath(req.getContextPath() + "/cas");
      gone.setMaxAge(0);
      res.addCookie(gone);
    }
    res.setHeader("Cache-Control", "no-store");
    String service = req.getParameter("service");
    if (tickets.allowed(service)) {
      res.sendRedirect(service);
      return;
    }
    Pages page = Pages.of(req);
    page.begin(page.text("cas.title"))
        .raw("<p class=\"wb-card\" id=\"signed-out\">")
        .escaped(page.text("cas.signedOut"))
        .raw("</p>");
    page.send(res, 200);
  }

  private static void backChannel(CasTickets.Logout t) {
    String request =
        "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
            + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"LR-"
            + CasTickets.random(12)
            + "\" Version=\"2.0\" IssueInstant=\""
            + Instant.now()
            + "\"><saml:NameID>"
            + Pages.esc(t.account())
            + "</saml:NameID><samlp:SessionIndex>"
            + t.ticket()
            + "</samlp:SessionIndex></samlp:LogoutRequest>";
    try {
      HttpResponse<Void> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(t.service()))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "logoutRequest=" + URLEncoder.encode(request, StandardCharsets.UTF_8)))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      LOG.fine(() -> "back-channel logout of " + t.ticket() + ": " + answer.statusCode());
    } catch (IOException | IllegalArgumentException e) {
      LOG.info(() -> "back-channel logout of " + t.ticket() + " not delivered: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
