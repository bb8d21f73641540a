package cn.edu.ntvu.workbench.notices.application;

import cn.edu.ntvu.workbench.platform.config.InvalidSettingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The notices' settings (README's configuration table): {@code notices.keep-days}, how long a
 * notice and its read records are kept before they are archived (title, sender and counts only) and
 * removed.
 */
@ApplicationScoped
public class NoticesSettings {
  public static final String KEEP_DAYS = "notices.keep-days";
  static final int DEFAULT_KEEP_DAYS = 365;

  @Inject
  @ConfigProperty(name = KEEP_DAYS)
  Optional<String> keepDays;

  private volatile int keep;

  /** Days a notice is kept after it was sent (30–3650, default 365). */
  public int keepDays() {
    int n = keep;
    if (n == 0) {
      String v = keepDays.map(String::strip).filter(x -> !x.isEmpty()).orElse(null);
      try {
        n = v == null ? DEFAULT_KEEP_DAYS : Integer.parseInt(v);
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 30 || n > 3650) {
        throw new InvalidSettingException(KEEP_DAYS, "a whole number of days from 30 to 3650");
      }
      keep = n;
    }
    return n;
  }

  /** A malformed value stops start-up. */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object event) {
    keepDays();
  }
}
