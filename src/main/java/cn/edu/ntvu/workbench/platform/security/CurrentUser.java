package cn.edu.ntvu.workbench.platform.security;

import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;

/**
 * The signed-in person for pages ({@code #{me}}) and for filters and servlets ({@link #of}): as the
 * route guard found them in the directory for this request — current roles, kind and status, not
 * the copy the session holds from sign-in time.
 */
@Named("me")
@RequestScoped
public class CurrentUser {
  @Inject HttpServletRequest request;

  private SignedInUser user;
  private boolean loaded;

  public SignedInUser get() {
    if (!loaded) {
      user = of(request);
      loaded = true;
    }
    return user;
  }

  /** The request attribute where the route guard puts the person as the directory has them now. */
  public static final String REQUEST_KEY = "wb.user.now";

  /**
   * The person signed in on {@code request}: as the route guard read them for this request, else
   * (on public routes, which the guard does not look at) the session's record of the sign-in; null
   * without one.
   */
  public static SignedInUser of(HttpServletRequest request) {
    Object now = request.getAttribute(REQUEST_KEY);
    if (now instanceof SignedInUser u) {
      return u;
    }
    return signedIn(request.getSession(false));
  }

  /**
   * The session's record of the sign-in (roles as they were then: only the route guard should read
   * this).
   */
  public static SignedInUser signedIn(HttpSession session) {
    return session == null ? null : (SignedInUser) session.getAttribute(SignedInUser.SESSION_KEY);
  }

  public boolean isSignedIn() {
    return get() != null;
  }

  public String getName() {
    return isSignedIn() ? user.name() : "";
  }

  public String getAccount() {
    return isSignedIn() ? user.account() : "";
  }

  /** The class (students) or department (staff) the person belongs to. */
  public String getUnitName() {
    return isSignedIn() ? user.unitName() : "";
  }

  public boolean isAdmin() {
    return isSignedIn() && user.has(Role.ADMIN);
  }

  /** The signed-in person as the audit log records them: account, name and how they signed in. */
  public AuditActor auditActor() {
    SignedInUser u = get();
    if (u == null) {
      throw new IllegalStateException("no one is signed in");
    }
    return new AuditActor(u.account(), u.name(), u.path().name());
  }

  /** Roles in a stable order, for the badges. */
  public List<Role> getRoles() {
    return isSignedIn() ? user.roles().stream().sorted().toList() : List.of();
  }
}
