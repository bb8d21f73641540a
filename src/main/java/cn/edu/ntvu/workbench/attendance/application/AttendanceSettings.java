package cn.edu.ntvu.workbench.attendance.application;

import cn.edu.ntvu.workbench.attendance.domain.AbsenceThreshold;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.cache.Recent;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The attendance settings of the school: what an admin set on {@code /admin/attendance.xhtml}
 * (table {@code attendance_settings}, one row every server reads), else the MicroProfile Config
 * defaults (README's config table). The row is reused on a server for at most {@link #MAX_AGE}: a
 * save on this server is seen at once (forgotten when it commits), one on another server within
 * that time. Every save is audited.
 */
@ApplicationScoped
public class AttendanceSettings {
  public static final String EDIT_DAYS = "attendance.edit-days";
  public static final String ALERT_RATIO = "attendance.alert-ratio";

  /** How long a server reuses the stored settings before reading them again. */
  public static final Duration MAX_AGE = Duration.ofSeconds(1);

  /** The edit window an admin may set on the page, in days after the meeting. */
  public static final int MIN_DAYS = 1;

  public static final int MAX_DAYS = 60;

  @Inject
  @ConfigProperty(name = EDIT_DAYS, defaultValue = "7")
  int editDays;

  @Inject
  @ConfigProperty(name = ALERT_RATIO, defaultValue = "1/3")
  String alertRatio;

  @Inject AttendanceStore store;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject Event<Changed> changed;

  private final Recent<Optional<AttendanceStore.StoredSettings>> stored = new Recent<>(MAX_AGE);

  /** Fired by a save; observed after the commit to forget this server's copy. */
  public record Changed() {}

  private Optional<AttendanceStore.StoredSettings> stored() {
    return stored.get(store::settings);
  }

  /** The config default of the threshold. */
  public AbsenceThreshold defaultAlertRatio() {
    return AbsenceThreshold.parse(alertRatio).orElse(AbsenceThreshold.DEFAULT);
  }

  /** The config default of the edit window (0–60). */
  public int defaultEditDays() {
    return Math.max(0, Math.min(MAX_DAYS, editDays));
  }

  /**
   * A student is highlighted, and their counsellor told once, when their 缺勤 periods in a course
   * reach this share of the periods held so far: the admin's setting, else the config key ({@code
   * 1/3}, {@code 0.25}, {@code 30%}; anything else: 1/3).
   */
  public AbsenceThreshold alertRatio() {
    return stored()
        .map(AttendanceStore.StoredSettings::alertRatio)
        .flatMap(AbsenceThreshold::parse)
        .orElseGet(this::defaultAlertRatio);
  }

  /**
   * Marks may be changed until this many days after the meeting: the admin's setting, else config.
   */
  public int editDays() {
    return stored()
        .map(AttendanceStore.StoredSettings::editDays)
        .map(d -> Math.max(0, Math.min(MAX_DAYS, d)))
        .orElseGet(this::defaultEditDays);
  }

  /** What the admin page shows: the stored values (null: the default) and who set them. */
  @Requires(roles = Role.ADMIN)
  public Optional<AttendanceStore.StoredSettings> current() {
    return store.settings();
  }

  /** A value the page refused, beside its field: a key of {@code i18n.attendance} with args. */
  public record Problem(String field, String key, List<String> args) {}

  /**
   * Saves the admin's settings; a blank value goes back to the config default. Nothing is saved
   * when a value is refused.
   *
   * @return the refused fields (empty: saved)
   */
  @Transactional
  @Requires(roles = Role.ADMIN)
  public List<Problem> save(String ratioText, String daysText, AuditActor actor) {
    List<Problem> problems = new ArrayList<>();
    String ratio = ratioText == null || ratioText.isBlank() ? null : ratioText.strip();
    String canonicalRatio = null;
    if (ratio != null) {
      Optional<AbsenceThreshold> t =
          ratio.length() > 16 ? Optional.empty() : AbsenceThreshold.parse(ratio);
      if (t.isEmpty()) {
        problems.add(new Problem("alertRatio", "attendance.admin.badRatio", List.of(cut(ratio))));
      } else {
        canonicalRatio = t.get().toString();
      }
    }
    Integer days = null;
    if (daysText != null && !daysText.isBlank()) {
      try {
        days = Integer.valueOf(daysText.strip());
      } catch (NumberFormatException e) {
        problems.add(
            new Problem(
                "editDays",
                "attendance.admin.badDays",
                List.of(
                    cut(daysText.strip()), String.valueOf(MIN_DAYS), String.valueOf(MAX_DAYS))));
      }
      if (days != null && (days < MIN_DAYS || days > MAX_DAYS)) {
        problems.add(
            new Problem(
                "editDays",
                "attendance.admin.badDays",
                List.of(String.valueOf(days), String.valueOf(MIN_DAYS), String.valueOf(MAX_DAYS))));
        days = null;
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    Optional<AttendanceStore.StoredSettings> before = store.settings();
    store.saveSettings(canonicalRatio, days, actor.account(), LocalDateTime.now(clock));
    audit.record(
        actor,
        "ATTENDANCE_SETTINGS",
        AuditObject.of("attendance_settings", 1, "考勤设置"),
        AuditDiff.between(
            fields(
                before.map(AttendanceStore.StoredSettings::alertRatio).orElse(null),
                before.map(AttendanceStore.StoredSettings::editDays).orElse(null)),
            fields(canonicalRatio, days)));
    changed.fire(new Changed());
    return List.of();
  }

  private static Map<String, Object> fields(String ratio, Integer days) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alertRatio", ratio == null ? "" : ratio);
    m.put("editDays", days == null ? "" : days.toString());
    return m;
  }

  private static String cut(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "…";
  }

  void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed c) {
    stored.forget();
  }
}
