package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.ExtensionRules;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.leave.domain.ExtensionRule;
import cn.edu.ntvu.workbench.leave.domain.RoutingRule;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The 续假 rules section of {@code /leave/admin.xhtml} ({@code WEB-INF/leave/admin-extension.xhtml},
 * admins only): an extension of a type, itself at most N days, goes to these steps — a shorter
 * chain than a new request's if the admin wants one.
 */
@Requires(roles = Role.ADMIN)
@Named("extensionAdmin")
@ViewScoped
public class ExtensionAdminBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject ExtensionRules rules;

  private String priority;
  private String type;
  private String maxDays;
  private String steps;

  public void add() {
    if (!me.isAdmin()) {
      throw new SecurityException("not an admin");
    }
    try {
      int p = Integer.parseInt(priority == null ? "" : priority.strip());
      BigDecimal max =
          maxDays == null || maxDays.isBlank() ? null : new BigDecimal(maxDays.strip());
      if (max != null && max.signum() <= 0) {
        throw new IllegalArgumentException("days");
      }
      rules.add(
          new ExtensionRule(
              0,
              p,
              type == null || type.isBlank() ? null : type,
              max,
              RoutingRule.parseSteps(steps),
              true),
          me.auditActor());
      priority = null;
      maxDays = null;
      steps = null;
      message(FacesMessage.SEVERITY_INFO, "leave.admin.saved", null);
    } catch (RuntimeException e) {
      message(FacesMessage.SEVERITY_ERROR, "leave.ext.admin.bad", "ext-steps");
    }
  }

  public void delete(long id) {
    if (!me.isAdmin()) {
      throw new SecurityException("not an admin");
    }
    rules.delete(id, me.auditActor());
    message(FacesMessage.SEVERITY_INFO, "leave.admin.saved", null);
  }

  private static void message(FacesMessage.Severity s, String key, String field) {
    FacesContext.getCurrentInstance()
        .addMessage(field, new FacesMessage(s, LeaveTexts.ofView().get(key), null));
  }

  public List<ExtensionRule> getRules() {
    return rules.rules();
  }

  public String steps(ExtensionRule r) {
    LeaveTexts t = LeaveTexts.ofView();
    return String.join(
        " → ", r.steps().stream().map(s -> t.get("leave.step." + s.name())).toList());
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String v) {
    this.priority = v;
  }

  public String getType() {
    return type;
  }

  public void setType(String v) {
    this.type = v;
  }

  public String getMaxDays() {
    return maxDays;
  }

  public void setMaxDays(String v) {
    this.maxDays = v;
  }

  public String getSteps() {
    return steps;
  }

  public void setSteps(String v) {
    this.steps = v;
  }
}
