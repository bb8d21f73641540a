package cn.edu.ntvu.workbench.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;

/**
 * The servlets' own check (the second of the three layers): a download or upload servlet of a
 * role-scoped page calls this first thing and returns when it answers false — the person has then
 * had a 403, before anything was read. Decides on the person as the route guard found them for this
 * request ({@link CurrentUser#of}).
 */
public final class ServletGuard {
  private ServletGuard() {}

  /**
   * True when the signed-in person holds one of {@code roles}; otherwise answers 403 and returns
   * false.
   */
  public static boolean anyRole(HttpServletRequest req, HttpServletResponse res, Role... roles)
      throws IOException {
    SignedInUser user = CurrentUser.of(req);
    if (user != null && Arrays.stream(roles).anyMatch(user::has)) {
      return true;
    }
    res.sendError(HttpServletResponse.SC_FORBIDDEN);
    return false;
  }

  /** True when the signed-in person is of {@code kind}; otherwise answers 403 and returns false. */
  public static boolean kind(HttpServletRequest req, HttpServletResponse res, PersonKind kind)
      throws IOException {
    SignedInUser user = CurrentUser.of(req);
    if (user != null && user.kind() == kind) {
      return true;
    }
    res.sendError(HttpServletResponse.SC_FORBIDDEN);
    return false;
  }
}
