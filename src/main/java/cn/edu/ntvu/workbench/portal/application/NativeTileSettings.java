package cn.edu.ntvu.workbench.portal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of the numbers on WeCom's own workbench tile (MicroProfile Config; listed in the
 * README's configuration table).
 */
@ApplicationScoped
public class NativeTileSettings {
  public static final String DEBOUNCE_SECONDS = "workbench.native.debounce-seconds";
  public static final String CALLS_PER_MINUTE = "workbench.native.calls-per-minute";
  public static final String RECONCILE_HOUR = "workbench.native.reconcile-hour";
  public static final String JOBS_ENABLED = "workbench.native.jobs-enabled";

  @Inject
  @ConfigProperty(name = DEBOUNCE_SECONDS, defaultValue = "30")
  int debounceSeconds;

  @Inject
  @ConfigProperty(name = CALLS_PER_MINUTE, defaultValue = "6000")
  int callsPerMinute;

  @Inject
  @ConfigProperty(name = RECONCILE_HOUR, defaultValue = "3")
  int reconcileHour;

  @Inject
  @ConfigProperty(name = JOBS_ENABLED, defaultValue = "true")
  boolean jobsEnabled;

  /**
   * Changes to one person's numbers within this time make one push (and pushes to one person are at
   * least this far apart: 30 s keeps within WeCom's 10 a minute per person, §10.1).
   */
  public Duration debounce() {
    return Duration.ofSeconds(Math.max(5, Math.min(debounceSeconds, 3600)));
  }

  /**
   * Our own cap on workbench data calls a minute, under WeCom's 10,000 a minute per corp and API
   * (docs/wecom-api.md §2.3): queued pushes are spread so that no minute holds more.
   */
  public int callsPerMinute() {
    return Math.max(1, Math.min(callsPerMinute, 9000));
  }

  /** The school-clock hour (0–23) in which the nightly reconcile runs. */
  public int reconcileHour() {
    return Math.floorMod(reconcileHour, 24);
  }

  public boolean jobsEnabled() {
    return jobsEnabled;
  }
}
