package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.DirectoryHit;
import cn.edu.ntvu.workbench.identity.application.DirectoryPicker;
import cn.edu.ntvu.workbench.identity.application.DirectorySearch;
import cn.edu.ntvu.workbench.identity.application.PickKind;
import cn.edu.ntvu.workbench.identity.application.PickScope;
import cn.edu.ntvu.workbench.leave.application.LeaveCatalog;
import cn.edu.ntvu.workbench.leave.application.LeaveRequestRow;
import cn.edu.ntvu.workbench.leave.application.LeaveSettingsService;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.leave.domain.LeavePolicy;
import cn.edu.ntvu.workbench.leave.domain.LeaveType;
import cn.edu.ntvu.workbench.leave.domain.RoutingRule;
import cn.edu.ntvu.workbench.leave.domain.StepMode;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code /leave/admin.xhtml} (admins only; others get 403): the form's limits, the fallback
 * approver, automatic 销假 confirmation, the routing rules (add, delete; they apply to new requests
 * only) and the requests that went to the fallback approver because the directory had nobody.
 */
@Requires(roles = Role.ADMIN)
@Named("leaveAdmin")
@ViewScoped
public class LeaveAdminBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject LeaveSettingsService settings;
  @Inject LeaveCatalog catalog;

  private String pastLimitDays;
  private String maxDays;
  private String minNoticeHours;
  private String fallbackAccount;
  private final DirectoryPicker fallbackPicker = new DirectoryPicker(PickScope.staff(), 8);

  @Inject DirectorySearch directory;

  /** The fallback approver, chosen from the staff by name, pinyin or account. */
  public DirectoryPicker getFallbackPicker() {
    return fallbackPicker;
  }

  private boolean autoConfirmReturn;

  private String rulePriority;
  private String ruleType;
  private String ruleMaxDays;
  private String ruleOffCampus;
  private String ruleSteps;
  private String ruleMissedOver;

  /** 或签/会签 of steps 1–3 of the rule being added ({@code ANY}/{@code ALL}; issue 18). */
  private final String[] ruleModes = {"ANY", "ANY", "ANY"};

  /** A problem beside the steps or a mode field (the rest of the form kept as typed). */
  private final java.util.Map<String, String> ruleProblems = new java.util.HashMap<>();

  public void load() throws IOException {
    if (!me.isAdmin()) {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .responseSendError(HttpServletResponse.SC_FORBIDDEN, "");
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    if (pastLimitDays == null) {
      LeavePolicy p = settings.policy();
      pastLimitDays = String.valueOf(p.pastLimitDays());
      maxDays = String.valueOf(p.maxDays());
      minNoticeHours = String.valueOf(p.minNoticeHours());
      fallbackAccount = p.fallbackAccount();
      fallbackPicker.setSelected(
          fallbackAccount == null
              ? List.of()
              : directory.find(PickKind.PERSON, fallbackAccount, PickScope.staff()).stream()
                  .toList());
      autoConfirmReturn = p.autoConfirmReturn();
    }
  }

  public void save() {
    requireAdmin();
    Integer past = number(pastLimitDays);
    Integer max = number(maxDays);
    Integer notice = number(minNoticeHours);
    if (past == null || max == null || max == 0 || notice == null) {
      message(FacesMessage.SEVERITY_ERROR, LeaveTexts.ofView().get("leave.admin.badNumber"));
      return;
    }
    // the fallback approver: the last chip of the staff picker, checked again here (staff, active)
    List<DirectoryHit> chips = fallbackPicker.getSelected();
    fallbackAccount = chips.isEmpty() ? null : chips.get(chips.size() - 1).key();
    if (fallbackAccount != null
        && directory.find(PickKind.PERSON, fallbackAccount, PickScope.staff()).isEmpty()) {
      message(FacesMessage.SEVERITY_ERROR, LeaveTexts.ofView().get("leave.admin.badFallback"));
      return;
    }
    fallbackPicker.setSelected(chips.isEmpty() ? List.of() : List.of(chips.get(chips.size() - 1)));
    settings.savePolicy(
        new LeavePolicy(past, max, notice, fallbackAccount, autoConfirmReturn), me.auditActor());
    message(FacesMessage.SEVERITY_INFO, LeaveTexts.ofView().get("leave.admin.saved"));
  }

  public void addRule() {
    requireAdmin();
    ruleProblems.clear();
    List<cn.edu.ntvu.workbench.leave.domain.ApproverRole> roles;
    List<StepMode> modes;
    try {
      roles = RoutingRule.parseSteps(ruleSteps);
      modes = new java.util.ArrayList<>(RoutingRule.parseModes(ruleSteps));
    } catch (RuntimeException e) {
      ruleProblems.put("ruleSteps", LeaveTexts.ofView().get("leave.admin.rule.badSteps"));
      message(FacesMessage.SEVERITY_ERROR, LeaveTexts.ofView().get("leave.admin.rule.bad"));
      return;
    }
    for (int i = 0; i < ruleModes.length; i++) {
      // Not posted (an older form, a script) reads as 或签.
      StepMode m =
          ruleModes[i] == null || ruleModes[i].isBlank()
              ? StepMode.ANY
              : StepMode.parse(ruleModes[i]);
      if (m == null) {
        ruleProblems.put("ruleMode" + (i + 1), LeaveTexts.ofView().get("leave.admin.rule.badMode"));
      } else if (m == StepMode.ALL && i >= roles.size()) {
        ruleProblems.put(
            "ruleMode" + (i + 1),
            LeaveTexts.ofView().get("leave.admin.rule.modeWithoutStep", i + 1));
      } else if (m == StepMode.ALL) {
        modes.set(i, StepMode.ALL);
      }
    }
    if (!ruleProblems.isEmpty()) {
      message(FacesMessage.SEVERITY_ERROR, LeaveTexts.ofView().get("leave.admin.rule.bad"));
      return;
    }
    try {
      int priority = Integer.parseInt(rulePriority.strip());
      BigDecimal max =
          ruleMaxDays == null || ruleMaxDays.isBlank() ? null : new BigDecimal(ruleMaxDays.strip());
      Boolean off =
          ruleOffCampus == null || ruleOffCampus.isBlank() ? null : Boolean.valueOf(ruleOffCampus);
      String type = ruleType == null || ruleType.isBlank() ? null : ruleType;
      Integer missedOver =
          ruleMissedOver == null || ruleMissedOver.isBlank()
              ? null
              : Integer.valueOf(ruleMissedOver.strip());
      settings.addRule(
          new RoutingRule(0, priority, type, max, off, roles, true, missedOver, modes),
          me.auditActor());
      ruleMissedOver = null;
      rulePriority = null;
      ruleMaxDays = null;
      ruleSteps = null;
      java.util.Arrays.fill(ruleModes, "ANY");
      message(FacesMessage.SEVERITY_INFO, LeaveTexts.ofView().get("leave.admin.saved"));
    } catch (RuntimeException e) {
      message(FacesMessage.SEVERITY_ERROR, LeaveTexts.ofView().get("leave.admin.rule.bad"));
    }
  }

  public void deleteRule(long id) {
    requireAdmin();
    settings.deleteRule(id, me.auditActor());
    message(FacesMessage.SEVERITY_INFO, LeaveTexts.ofView().get("leave.admin.saved"));
  }

  private void requireAdmin() {
    if (!me.isAdmin()) {
      throw new SecurityException("not an admin");
    }
  }

  private static Integer number(String s) {
    try {
      int n = Integer.parseInt(s == null ? "" : s.strip());
      return n < 0 || n > 400 ? null : n;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public List<RoutingRule> getRules() {
    return settings.rules();
  }

  public List<LeaveType> getTypes() {
    return catalog.types();
  }

  public List<LeaveRequestRow> getFallbacks() {
    return settings.withFallbackSteps();
  }

  public String steps(RoutingRule r) {
    LeaveTexts t = LeaveTexts.ofView();
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < r.steps().size(); i++) {
      String name = t.get("leave.step." + r.steps().get(i).name());
      out.add(r.modes().get(i) == StepMode.ALL ? t.get("leave.admin.rule.stepAll", name) : name);
    }
    return String.join(" → ", out);
  }

  public String getRuleMode1() {
    return ruleModes[0];
  }

  public void setRuleMode1(String v) {
    ruleModes[0] = v;
  }

  public String getRuleMode2() {
    return ruleModes[1];
  }

  public void setRuleMode2(String v) {
    ruleModes[1] = v;
  }

  public String getRuleMode3() {
    return ruleModes[2];
  }

  public void setRuleMode3(String v) {
    ruleModes[2] = v;
  }

  /** The problem beside field {@code id} of the rule form; null when none. */
  public String ruleProblem(String id) {
    return ruleProblems.get(id);
  }

  public String getPastLimitDays() {
    return pastLimitDays;
  }

  public void setPastLimitDays(String v) {
    this.pastLimitDays = v;
  }

  public String getMaxDays() {
    return maxDays;
  }

  public void setMaxDays(String v) {
    this.maxDays = v;
  }

  public String getMinNoticeHours() {
    return minNoticeHours;
  }

  public void setMinNoticeHours(String v) {
    this.minNoticeHours = v;
  }

  public String getFallbackAccount() {
    return fallbackAccount;
  }

  public void setFallbackAccount(String v) {
    this.fallbackAccount = v;
  }

  public boolean isAutoConfirmReturn() {
    return autoConfirmReturn;
  }

  public void setAutoConfirmReturn(boolean v) {
    this.autoConfirmReturn = v;
  }

  public String getRulePriority() {
    return rulePriority;
  }

  public void setRulePriority(String v) {
    this.rulePriority = v;
  }

  public String getRuleType() {
    return ruleType;
  }

  public void setRuleType(String v) {
    this.ruleType = v;
  }

  public String getRuleMaxDays() {
    return ruleMaxDays;
  }

  public void setRuleMaxDays(String v) {
    this.ruleMaxDays = v;
  }

  public String getRuleOffCampus() {
    return ruleOffCampus;
  }

  public void setRuleOffCampus(String v) {
    this.ruleOffCampus = v;
  }

  public String getRuleMissedOver() {
    return ruleMissedOver;
  }

  public void setRuleMissedOver(String v) {
    this.ruleMissedOver = v;
  }

  public String getRuleSteps() {
    return ruleSteps;
  }

  public void setRuleSteps(String v) {
    this.ruleSteps = v;
  }
}
