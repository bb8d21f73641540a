package cn.edu.ntvu.workbench.identity.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * pac4j answers a ticket it cannot validate (replayed, expired, issued for another service) with an
 * exception; a person must see a clear page with a way to sign in again instead of a 500. Such
 * failures count toward the address's brute-force limit, and an address over it is answered 429
 * before its ticket is sent to CAS.
 */
public class CasCallbackGuard extends HttpFilter {
  private static final Logger LOG = Logger.getLogger(CasCallbackGuard.class.getName());

  private final SignInSupport support;

  public CasCallbackGuard(SignInSupport support) {
    this.support = support;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    // A ticket to validate costs a call to CAS: an address that keeps sending bad ones waits
    // (SignInSupport counts).
    if (req.getParameter("ticket") != null && support.tooManyFailures(req, res)) {
      return;
    }
    try {
      chain.doFilter(req, res);
    } catch (RuntimeException | ServletException e) {
      LOG.info(
          () -> "CAS callback refused: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      if (res.isCommitted()) {
        throw e;
      }
      res.reset();
      support.problem(req, res, SignInSupport.Problem.TICKET_INVALID, null, "/");
    }
  }
}
