package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.LeaveCatalog;
import cn.edu.ntvu.workbench.leave.application.LeaveSettingsService;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.leave.domain.FieldProblem;
import cn.edu.ntvu.workbench.leave.domain.LeaveType;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 请假类型 card of {@code /leave/admin.xhtml} (admins only): add a type, change one's names,
 * certificate limit and whether students may choose it. A type is never removed (requests and rules
 * keep its code); it is turned off.
 */
@Requires(roles = Role.ADMIN)
@Named("leaveTypes")
@ViewScoped
public class LeaveTypesBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject LeaveSettingsService settings;
  @Inject LeaveCatalog catalog;

  /** The code of the type being changed; null while adding one. */
  private String editing;

  private String code;
  private String name;
  private String nameEn;
  private String certificate;
  private boolean enabled = true;
  private Map<String, String> problems = new LinkedHashMap<>();

  public void edit(String typeCode) {
    requireAdmin();
    problems = new LinkedHashMap<>();
    Optional<LeaveType> t =
        catalog.types().stream().filter(x -> x.code().equals(typeCode)).findFirst();
    if (t.isEmpty()) {
      message(
          FacesMessage.SEVERITY_ERROR, LeaveTexts.ofView().get("leave.admin.type.gone", typeCode));
      return;
    }
    editing = t.get().code();
    code = editing;
    name = t.get().name();
    nameEn = t.get().nameEn();
    certificate =
        t.get().certificateOverDays() == null ? "" : t.get().certificateOverDays().toPlainString();
    enabled = t.get().enabled();
  }

  public void cancel() {
    clear();
  }

  public void save() {
    requireAdmin();
    LeaveTexts t = LeaveTexts.ofView();
    problems = new LinkedHashMap<>();
    String c =
        editing != null
            ? editing
            : code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
    List<FieldProblem> found = LeaveType.problems(c, name, nameEn, certificate);
    if (found.isEmpty()) {
      LeaveType type =
          new LeaveType(
              c, name.strip(), nameEn.strip(), LeaveType.certificateDays(certificate), enabled);
      settings.saveType(type, editing == null, me.auditActor()).ifPresent(found::add);
      if (found.isEmpty()) {
        message(FacesMessage.SEVERITY_INFO, t.get("leave.admin.type.saved", type.name()));
        clear();
        return;
      }
    }
    for (FieldProblem p : found) {
      problems.putIfAbsent(p.field(), t.get(p.key(), p.args().toArray()));
    }
    message(FacesMessage.SEVERITY_ERROR, t.get("leave.apply.fix"));
  }

  private void clear() {
    editing = null;
    code = null;
    name = null;
    nameEn = null;
    certificate = null;
    enabled = true;
    problems = new LinkedHashMap<>();
  }

  private void requireAdmin() {
    if (!me.isAdmin()) {
      throw new SecurityException("not an admin");
    }
  }

  /**
   * Shown in the types card itself (beside its save button), not at the top of the long admin page.
   */
  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance()
        .addMessage("save-type", new FacesMessage(severity, text, null));
  }

  public List<LeaveType> getTypes() {
    return catalog.types();
  }

  public String problem(String field) {
    return problems.get(field);
  }

  public boolean isEditingExisting() {
    return editing != null;
  }

  public String getEditing() {
    return editing;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    if (editing == null) {
      this.code = code;
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNameEn() {
    return nameEn;
  }

  public void setNameEn(String nameEn) {
    this.nameEn = nameEn;
  }

  public String getCertificate() {
    return certificate;
  }

  public void setCertificate(String certificate) {
    this.certificate = certificate;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
