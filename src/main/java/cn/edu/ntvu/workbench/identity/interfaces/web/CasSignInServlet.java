package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.SignInService;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Reached after pac4j validated a CAS service ticket (pac4j's security filter guards this URL and
 * sends the browser to CAS first): maps the CAS principal to the directory and lands on the target.
 */
@WebServlet("/login/cas")
public class CasSignInServlet extends HttpServlet {
  @Inject SignInService signIn;
  @Inject cn.edu.ntvu.workbench.identity.application.Authorities authorities;
  @Inject SignInSupport support;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res)
      throws IOException, ServletException {
    String target = req.getParameter("target");
    Optional<String> principal = CasSignIn.principal(req, res);
    if (principal.isEmpty()) {
      support.problem(req, res, SignInSupport.Problem.CANCELLED, null, target);
      return;
    }
    SignInService.Outcome outcome = authorities.signIn(principal.get(), SignInPath.CAS);
    if (!(outcome instanceof SignInService.Outcome.SignedIn)) {
      CasSignIn.forget(req, res);
    }
    support.finish(req, res, outcome, target);
  }
}
