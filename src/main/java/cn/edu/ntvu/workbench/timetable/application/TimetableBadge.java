package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;

/** The timetable tile's badge on the workbench: how many classes someone still has today. */
@ApplicationScoped
public class TimetableBadge {
  @Inject Clock clock;
  @Inject TimetableQueryService queries;

  /**
   * Today's classes of {@code user}'s own timetable that have not ended yet; 0 outside a term. Two
   * queries.
   */
  public int classesLeftToday(SignedInUser user) {
    LocalDateTime now = LocalDateTime.now(clock);
    return queries
        .termOn(now.toLocalDate())
        .map(
            term ->
                DayTimetable.of(
                        term,
                        now.toLocalDate(),
                        queries.meetingsOf(term, TimetablePolicy.own(user)))
                    .classesLeft(now))
        .orElse(0);
  }
}
