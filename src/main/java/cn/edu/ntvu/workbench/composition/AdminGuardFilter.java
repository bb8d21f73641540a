package cn.edu.ntvu.workbench.composition;

import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The first of the three layers that guard the admin pages: mapped by the container to {@code
 * /admin/*} (so it sees exactly the requests the container dispatches there, however their URL was
 * spelled), it answers 403 to anyone without the admin role — independently of the route table,
 * which says the same. The page beans and the services behind them check again ({@code
 * identity.application.Requires}).
 */
public class AdminGuardFilter extends HttpFilter {
  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getDispatcherType() == DispatcherType.REQUEST) {
      SignedInUser user = CurrentUser.of(req);
      if (user == null || !user.has(Role.ADMIN)) {
        res.sendError(HttpServletResponse.SC_FORBIDDEN);
        return;
      }
    }
    chain.doFilter(req, res);
  }
}
