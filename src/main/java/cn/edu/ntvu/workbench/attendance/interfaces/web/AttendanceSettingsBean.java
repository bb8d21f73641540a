package cn.edu.ntvu.workbench.attendance.interfaces.web;

import cn.edu.ntvu.workbench.attendance.application.AttendanceSettings;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStore;
import cn.edu.ntvu.workbench.attendance.application.AttendanceTexts;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/attendance.xhtml}: the school's attendance settings — the alert ratio and the edit
 * window — over the config defaults. A refused value is said beside its field, everything typed
 * kept; nothing is saved then.
 */
@Named("attendanceSettings")
@RequestScoped
@Requires(roles = Role.ADMIN)
public class AttendanceSettingsBean {
  @Inject AttendanceSettings settings;
  @Inject CurrentUser me;

  private String alertRatio;
  private String editDays;
  private final Map<String, String> problems = new HashMap<>();
  private String saved;
  private Optional<AttendanceStore.StoredSettings> current;

  /** The view action of a GET: the fields show what is stored (blank: the default). */
  public void load() {
    if (current == null) {
      current = settings.current();
      if (alertRatio == null && editDays == null) {
        alertRatio = current.map(AttendanceStore.StoredSettings::alertRatio).orElse("");
        editDays =
            current.map(AttendanceStore.StoredSettings::editDays).map(String::valueOf).orElse("");
      }
    }
  }

  public String save() {
    AttendanceTexts text = AttendanceTexts.ofView();
    List<AttendanceSettings.Problem> refused = settings.save(alertRatio, editDays, me.auditActor());
    for (AttendanceSettings.Problem p : refused) {
      problems.put(p.field(), text.get(p.key(), p.args().toArray()));
    }
    if (refused.isEmpty()) {
      saved = text.get("attendance.admin.saved");
      current = settings.current();
      alertRatio = current.map(AttendanceStore.StoredSettings::alertRatio).orElse("");
      editDays =
          current.map(AttendanceStore.StoredSettings::editDays).map(String::valueOf).orElse("");
    } else {
      current = settings.current();
    }
    return null;
  }

  public String getAlertRatio() {
    return alertRatio;
  }

  public void setAlertRatio(String v) {
    alertRatio = v;
  }

  public String getEditDays() {
    return editDays;
  }

  public void setEditDays(String v) {
    editDays = v;
  }

  public String problem(String field) {
    return problems.get(field);
  }

  public boolean hasProblem(String field) {
    return problems.containsKey(field);
  }

  public String getSaved() {
    return saved;
  }

  /** "默认 1/3（配置项 attendance.alert-ratio）". */
  public String getRatioDefault() {
    return AttendanceTexts.ofView()
        .get(
            "attendance.admin.default",
            settings.defaultAlertRatio().toString(),
            AttendanceSettings.ALERT_RATIO);
  }

  public String getDaysDefault() {
    return AttendanceTexts.ofView()
        .get(
            "attendance.admin.default",
            String.valueOf(settings.defaultEditDays()),
            AttendanceSettings.EDIT_DAYS);
  }

  /** 现行：1/3 · 7 天. */
  public String getInEffect() {
    return AttendanceTexts.ofView()
        .get(
            "attendance.admin.inEffect",
            settings.alertRatio().toString(),
            String.valueOf(settings.editDays()));
  }

  /** Who saved last and when; empty before any save. */
  public String getLastChange() {
    load();
    return current
        .map(
            c ->
                AttendanceTexts.ofView()
                    .get(
                        "attendance.admin.lastChange",
                        c.changedBy(),
                        c.changedAt().withNano(0).toString().replace('T', ' ')))
        .orElse("");
  }
}
