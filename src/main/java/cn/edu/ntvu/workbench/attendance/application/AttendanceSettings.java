package cn.edu.ntvu.workbench.attendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The attendance settings from MicroProfile Config (README's config table). */
@ApplicationScoped
public class AttendanceSettings {
  public static final String EDIT_DAYS = "attendance.edit-days";

  @Inject
  @ConfigProperty(name = EDIT_DAYS, defaultValue = "7")
  int editDays;

  /** Marks may be changed until this many days after the meeting (0: only on its day; 0–60). */
  public int editDays() {
    return Math.max(0, Math.min(60, editDays));
  }
}
