package cn.edu.ntvu.workbench.attendance.application;

import cn.edu.ntvu.workbench.attendance.domain.AbsenceThreshold;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The attendance settings from MicroProfile Config (README's config table). */
@ApplicationScoped
public class AttendanceSettings {
  public static final String EDIT_DAYS = "attendance.edit-days";
  public static final String ALERT_RATIO = "attendance.alert-ratio";

  @Inject
  @ConfigProperty(name = EDIT_DAYS, defaultValue = "7")
  int editDays;

  @Inject
  @ConfigProperty(name = ALERT_RATIO, defaultValue = "1/3")
  String alertRatio;

  /**
   * A student is highlighted, and their counsellor told once, when their 缺勤 periods in a course
   * reach this share of the periods held so far ({@code 1/3}, {@code 0.25}, {@code 30%}; anything
   * else: 1/3).
   */
  public AbsenceThreshold alertRatio() {
    return AbsenceThreshold.parse(alertRatio).orElse(AbsenceThreshold.DEFAULT);
  }

  /** Marks may be changed until this many days after the meeting (0: only on its day; 0–60). */
  public int editDays() {
    return Math.max(0, Math.min(60, editDays));
  }
}
