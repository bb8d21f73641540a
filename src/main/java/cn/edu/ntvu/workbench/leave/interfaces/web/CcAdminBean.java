package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.DirectoryHit;
import cn.edu.ntvu.workbench.identity.application.DirectoryPicker;
import cn.edu.ntvu.workbench.identity.application.DirectorySearch;
import cn.edu.ntvu.workbench.identity.application.PickKind;
import cn.edu.ntvu.workbench.identity.application.PickScope;
import cn.edu.ntvu.workbench.leave.application.CcSettings;
import cn.edu.ntvu.workbench.leave.application.CcStore;
import cn.edu.ntvu.workbench.leave.application.LeaveSettingsService;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.leave.domain.CcRule;
import cn.edu.ntvu.workbench.leave.domain.CcTarget;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The 抄送 section of {@code /leave/admin.xhtml} ({@code WEB-INF/leave/admin-cc.xhtml}, admins only):
 * CC lines of the routing rules (which rule or every request, whom — 班主任, 宿管, 任课老师 or a person
 * chosen by name — and when: on submit, on final approval or both), and the people the directory
 * has no role for: the 班主任 of a class and the 宿管 (one person or office for the school). Every
 * account is checked again here (active staff) and in the service (admins).
 */
@Requires(roles = Role.ADMIN)
@Named("ccAdmin")
@ViewScoped
public class CcAdminBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject CcSettings settings;
  @Inject LeaveSettingsService rules;
  @Inject DirectorySearch directory;

  private String ccRule;
  private String ccTarget = CcTarget.CLASS_TEACHER.name();
  private String ccWhen = "APPROVAL";
  private final DirectoryPicker ccPerson = new DirectoryPicker(PickScope.staff(), 8);
  private final DirectoryPicker dormPicker = new DirectoryPicker(PickScope.staff(), 8);
  private final DirectoryPicker classPicker =
      new DirectoryPicker(PickScope.school(Set.of(PickKind.CLASS)), 8);
  private final DirectoryPicker teacherPicker = new DirectoryPicker(PickScope.staff(), 8);
  private final Map<String, String> names = new HashMap<>();

  public void addLine() {
    requireAdmin();
    CcTarget target = CcTarget.parse(ccTarget);
    if (target == null) {
      problem("cc-target", "leave.cc.admin.badTarget");
      return;
    }
    boolean onSubmit = "SUBMIT".equals(ccWhen) || "BOTH".equals(ccWhen);
    boolean onApproval = "APPROVAL".equals(ccWhen) || "BOTH".equals(ccWhen);
    if (!onSubmit && !onApproval) {
      problem("cc-when", "leave.cc.admin.badWhen");
      return;
    }
    Long ruleId = null;
    if (ccRule != null && !ccRule.isBlank()) {
      try {
        long id = Long.parseLong(ccRule.strip());
        if (rules.rules().stream().noneMatch(r -> r.id() == id)) {
          problem("cc-rule", "leave.cc.admin.badRule");
          return;
        }
        ruleId = id;
      } catch (NumberFormatException e) {
        problem("cc-rule", "leave.cc.admin.badRule");
        return;
      }
    }
    String account = null;
    if (target == CcTarget.PERSON) {
      Optional<String> chosen = staff(ccPerson);
      if (chosen.isEmpty()) {
        problem("cc-person", "leave.cc.admin.badPerson");
        return;
      }
      account = chosen.get();
    }
    settings.addLine(new CcRule(0, ruleId, target, account, onSubmit, onApproval), me.auditActor());
    ccPerson.setSelected(List.of());
    info("leave.admin.saved");
  }

  public void deleteLine(long id) {
    requireAdmin();
    settings.deleteLine(id, me.auditActor());
    info("leave.admin.saved");
  }

  /** The 宿管: the last chip of the staff picker. */
  public void saveDorm() {
    requireAdmin();
    Optional<String> chosen = staff(dormPicker);
    if (chosen.isEmpty()) {
      problem("cc-dorm", "leave.cc.admin.badPerson");
      return;
    }
    settings.setContact(CcTarget.DORM_MANAGER, null, chosen.get(), me.auditActor());
    info("leave.admin.saved");
  }

  /** The 班主任 of a class: the class's chip and a staff member's chip. */
  public void saveClassTeacher() {
    requireAdmin();
    List<DirectoryHit> classes = classPicker.getSelected();
    String classCode = classes.isEmpty() ? null : classes.get(classes.size() - 1).key();
    if (classCode == null
        || directory.find(PickKind.CLASS, classCode, classPicker.getScope()).isEmpty()) {
      problem("cc-class", "leave.cc.admin.badClass");
      return;
    }
    Optional<String> chosen = staff(teacherPicker);
    if (chosen.isEmpty()) {
      problem("cc-teacher", "leave.cc.admin.badPerson");
      return;
    }
    settings.setContact(CcTarget.CLASS_TEACHER, classCode, chosen.get(), me.auditActor());
    classPicker.setSelected(List.of());
    teacherPicker.setSelected(List.of());
    info("leave.admin.saved");
  }

  public void deleteContact(String role, String classCode) {
    requireAdmin();
    CcTarget t = CcTarget.parse(role);
    if (t == CcTarget.CLASS_TEACHER || t == CcTarget.DORM_MANAGER) {
      settings.deleteContact(t, classCode, me.auditActor());
      info("leave.admin.saved");
    }
  }

  /** The last chip of a staff picker, checked again (active staff). */
  private Optional<String> staff(DirectoryPicker picker) {
    List<DirectoryHit> chips = picker.getSelected();
    if (chips == null || chips.isEmpty()) {
      return Optional.empty();
    }
    String account = chips.get(chips.size() - 1).key();
    return directory.find(PickKind.PERSON, account, PickScope.staff()).map(DirectoryHit::key);
  }

  private void requireAdmin() {
    if (!me.isAdmin()) {
      throw new SecurityException("not an admin");
    }
  }

  private static void problem(String field, String key) {
    FacesContext.getCurrentInstance()
        .addMessage(
            field,
            new FacesMessage(FacesMessage.SEVERITY_ERROR, LeaveTexts.ofView().get(key), null));
  }

  private static void info(String key) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_INFO, LeaveTexts.ofView().get(key), null));
  }

  public List<CcRule> getLines() {
    return settings.lines();
  }

  public List<RoutingRule> getRules() {
    return rules.rules();
  }

  public List<CcStore.Contact> getClassTeachers() {
    return settings.contacts().stream()
        .filter(c -> c.role().equals(CcTarget.CLASS_TEACHER.name()))
        .toList();
  }

  public String getDormManager() {
    return settings.contacts().stream()
        .filter(c -> c.role().equals(CcTarget.DORM_MANAGER.name()))
        .map(c -> name(c.account()))
        .findFirst()
        .orElse("");
  }

  /** A staff member's name and account, as the picker shows them. */
  public String name(String account) {
    if (account == null) {
      return "";
    }
    return names.computeIfAbsent(
        account,
        a ->
            directory
                .find(PickKind.PERSON, a, PickScope.staff())
                .map(h -> h.name() + "（" + a + "）")
                .orElse(a));
  }

  public String className(String code) {
    return directory
        .find(PickKind.CLASS, code, classPicker.getScope())
        .map(DirectoryHit::name)
        .orElse(code);
  }

  /** "规则 #3（辅导员 → 院系领导）" or "所有请求". */
  public String rule(CcRule line) {
    LeaveTexts t = LeaveTexts.ofView();
    if (line.ruleId() == null) {
      return t.get("leave.cc.admin.everyRequest");
    }
    return rules.rules().stream()
        .filter(r -> r.id() == line.ruleId())
        .findFirst()
        .map(
            r ->
                t.get(
                    "leave.cc.admin.ruleLabel",
                    r.priority(),
                    String.join(
                        " → ",
                        r.steps().stream().map(s -> t.get("leave.step." + s.name())).toList())))
        .orElse(t.get("leave.cc.admin.ruleGone"));
  }

  /** Whom a line copies, in words. */
  public String whom(CcRule line) {
    LeaveTexts t = LeaveTexts.ofView();
    String what = t.get("leave.cc.target." + line.target().name());
    return line.target() == CcTarget.PERSON ? what + " " + name(line.account()) : what;
  }

  public String when(CcRule line) {
    LeaveTexts t = LeaveTexts.ofView();
    return t.get(
        line.onSubmit() && line.onApproval()
            ? "leave.cc.when.BOTH"
            : line.onSubmit() ? "leave.cc.when.SUBMIT" : "leave.cc.when.APPROVAL");
  }

  public CcTarget[] getTargets() {
    return CcTarget.values();
  }

  public DirectoryPicker getCcPerson() {
    return ccPerson;
  }

  public DirectoryPicker getDormPicker() {
    return dormPicker;
  }

  public DirectoryPicker getClassPicker() {
    return classPicker;
  }

  public DirectoryPicker getTeacherPicker() {
    return teacherPicker;
  }

  public String getCcRule() {
    return ccRule;
  }

  public void setCcRule(String v) {
    this.ccRule = v;
  }

  public String getCcTarget() {
    return ccTarget;
  }

  public void setCcTarget(String v) {
    this.ccTarget = v;
  }

  public String getCcWhen() {
    return ccWhen;
  }

  public void setCcWhen(String v) {
    this.ccWhen = v;
  }
}
