package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.SignedInUser;
import cn.edu.ntvu.workbench.identity.domain.Role;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;

/** The signed-in person for pages ({@code #{me}}); read from the session once per request. */
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

  /** The person signed in on {@code request}'s session; null without one (for filters and servlets). */
  public static SignedInUser of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
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
