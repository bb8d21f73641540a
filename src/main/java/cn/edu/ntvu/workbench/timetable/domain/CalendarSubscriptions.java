package cn.edu.ntvu.workbench.timetable.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Where calendar subscriptions are kept: at most one per person, found by person or by token hash.
 */
public interface CalendarSubscriptions {
  Optional<CalendarSubscription> ofPerson(String account);

  Optional<CalendarSubscription> withTokenHash(String tokenSha256);

  /**
   * Gives the person this token, replacing (and so revoking) any previous one; last use starts
   * empty.
   */
  void replace(String account, String tokenSha256, Instant now);

  /** Turns the person's subscription off; nothing happens when there is none. */
  void remove(String account);

  /** Records a fetch, at most once per {@code resolution} (a calendar app polls often). */
  void touch(String tokenSha256, Instant now, java.time.Duration resolution);
}
