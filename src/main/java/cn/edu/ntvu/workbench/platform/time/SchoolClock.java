package cn.edu.ntvu.workbench.platform.time;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Produces the application's {@link Clock}, in the school's zone: "today" and "now" mean the same
 * on every server, whatever zone the machine runs in. In development mode {@code dev.clock} sets
 * the time the clock shows at start-up, from where it runs on, so demos and browser tests see the
 * same school day whatever the real date is.
 */
@ApplicationScoped
public class SchoolClock {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Logger LOG = Logger.getLogger(SchoolClock.class.getName());

  @Inject AppSettings settings;

  private Clock clock;

  @PostConstruct
  void start() {
    clock = of(settings.devClock(), Clock.system(ZONE));
    settings
        .devClock()
        .ifPresent(t -> LOG.warning(() -> "dev.clock: the school clock started at " + t));
  }

  /** Created at start-up, not at first use: a dev clock starts when the application does. */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // observing is enough: the container creates the bean to deliver the event
  }

  @Produces
  Clock clock() {
    return clock;
  }

  /** {@code system}, or a clock that shows {@code startAt} now and runs on at the same pace. */
  static Clock of(Optional<LocalDateTime> startAt, Clock system) {
    return startAt
        .map(
            t ->
                Clock.offset(
                    system, Duration.between(system.instant(), t.atZone(ZONE).toInstant())))
        .orElse(system);
  }
}
