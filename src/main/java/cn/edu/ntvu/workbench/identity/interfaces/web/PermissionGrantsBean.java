package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.PermissionGrants;
import cn.edu.ntvu.workbench.identity.domain.Permission;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The "收集表全校发布" section of {@code /admin/directory/people.xhtml}: who holds {@link
 * Permission#FORMS_PUBLISH_ANY}, give it to a member of staff by account, take it back. Each action
 * checks the admin role itself before anything is read or written (the service checks again,
 * against the directory as it is now).
 */
@Requires(roles = Role.ADMIN)
@Named("permissionGrants")
@ViewScoped
public class PermissionGrantsBean implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject CurrentUser me;
  @Inject transient PermissionGrants grants;

  private String account;
  private String problem;
  private List<PermissionGrants.Holder> holders;

  /** The holders, read once per view and again after a change. */
  public List<PermissionGrants.Holder> getHolders() {
    if (holders == null) {
      requireAdmin();
      holders = grants.holders(Permission.FORMS_PUBLISH_ANY);
    }
    return holders;
  }

  public String when(PermissionGrants.Holder h) {
    return h.grantedAt() == null ? "" : WHEN.format(h.grantedAt());
  }

  public void grant() {
    requireAdmin();
    problem = null;
    Optional<String> refused = grants.grant(me.get(), account, Permission.FORMS_PUBLISH_ANY);
    if (refused.isPresent()) {
      problem =
          DirectoryMessages.format("people.grants.error." + refused.get(), List.of(safe(account)));
      return;
    }
    info(DirectoryMessages.format("people.grants.added", List.of(safe(account))));
    account = null;
    holders = null;
  }

  public void revoke(String holder) {
    requireAdmin();
    problem = null;
    grants.revoke(me.get(), holder, Permission.FORMS_PUBLISH_ANY);
    info(DirectoryMessages.format("people.grants.revoked", List.of(holder)));
    holders = null;
  }

  private void requireAdmin() {
    if (!me.isAdmin()) {
      throw new SecurityException("the people page is for admins");
    }
  }

  private static String safe(String s) {
    return s == null ? "" : s.strip();
  }

  private static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  public String getAccount() {
    return account;
  }

  public void setAccount(String account) {
    this.account = account;
  }

  public String getProblem() {
    return problem;
  }
}
