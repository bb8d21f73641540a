package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.StepClock;
import cn.edu.ntvu.workbench.timetable.application.SchoolWorkingDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 催办 and escalation settings (issue 18, item 5), MicroProfile Config (README's table): the hours a
 * step must be open before its student may urge it, the hours undecided before it escalates (stage
 * 1: the approvers and the fallback approver are told), the further hours before the fallback
 * approver may decide it (stage 2), and whether escalation counts wall hours or working hours
 * ({@code 08:00-18:00} of the school's working days: its calendar's holidays and 调休 make-up days,
 * {@link SchoolWorkingDays}).
 */
@ApplicationScoped
public class UrgeSettings {
  public static final String URGE_AFTER_HOURS = "leave.urge.after-hours";
  public static final String ESCALATE_AFTER_HOURS = "leave.escalation.after-hours";
  public static final String FALLBACK_AFTER_HOURS = "leave.escalation.fallback-after-hours";
  public static final String HOURS = "leave.escalation.hour-kind";
  public static final String WORKING_DAY = "leave.escalation.working-day";

  private static final Logger LOG = Logger.getLogger(UrgeSettings.class.getName());

  @Inject
  @ConfigProperty(name = URGE_AFTER_HOURS, defaultValue = "4")
  int urgeAfterHours;

  @Inject
  @ConfigProperty(name = ESCALATE_AFTER_HOURS, defaultValue = "24")
  int escalateAfterHours;

  @Inject
  @ConfigProperty(name = FALLBACK_AFTER_HOURS, defaultValue = "24")
  int fallbackAfterHours;

  @Inject
  @ConfigProperty(name = HOURS, defaultValue = "working")
  String hours;

  @Inject
  @ConfigProperty(name = WORKING_DAY, defaultValue = "08:00-18:00")
  String workingDay;

  @Inject SchoolWorkingDays schoolDays;

  /** How long a step is open before its student may urge it (wall hours, 0–720). */
  public Duration urgeAfter() {
    return Duration.ofHours(clamp(urgeAfterHours, 0, 720));
  }

  /** Undecided this long (by {@link #clock}), a step escalates to stage 1 (1–720). */
  public Duration escalateAfter() {
    return Duration.ofHours(clamp(escalateAfterHours, 1, 720));
  }

  /** After stage 1, this much longer and the fallback approver may decide (1–720). */
  public Duration fallbackAfter() {
    return Duration.ofHours(clamp(fallbackAfterHours, 1, 720));
  }

  /** Whether escalation counts working hours ({@code working}, the default) or wall hours. */
  public boolean workingHours() {
    return !"wall".equalsIgnoreCase(hours == null ? "" : hours.strip());
  }

  /**
   * The clock escalation counts by, for one run or one page (it remembers the calendar days it was
   * asked about).
   */
  public StepClock clock() {
    if (!workingHours()) {
      return StepClock.wall();
    }
    LocalTime[] day = workingDay(workingDay);
    return StepClock.working(day[0], day[1], schoolDays.remembering());
  }

  /** "08:00-18:00" → its two times; anything unreadable: 08:00–18:00, with a warning. */
  static LocalTime[] workingDay(String text) {
    try {
      String[] p = text.strip().split("\\s*[-–~]\\s*");
      LocalTime a = LocalTime.parse(p[0].length() == 4 ? "0" + p[0] : p[0]);
      LocalTime b = LocalTime.parse(p[1].length() == 4 ? "0" + p[1] : p[1]);
      if (a.isBefore(b)) {
        return new LocalTime[] {a, b};
      }
    } catch (RuntimeException e) {
      // the warning below
    }
    LOG.warning(WORKING_DAY + " is not like 08:00-18:00: " + text + "; 08:00-18:00 is used");
    return new LocalTime[] {LocalTime.of(8, 0), LocalTime.of(18, 0)};
  }

  private static int clamp(int v, int min, int max) {
    return Math.max(min, Math.min(max, v));
  }
}
