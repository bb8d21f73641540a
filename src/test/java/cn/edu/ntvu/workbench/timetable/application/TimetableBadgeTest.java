package cn.edu.ntvu.workbench.timetable.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.time.SchoolClock;
import cn.edu.ntvu.workbench.timetable.domain.WeekPattern;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimetableBadgeTest {
  private static final SignedInUser STUDENT =
      new SignedInUser(
          1L,
          "20240100001",
          "田芬",
          PersonKind.STUDENT,
          "机械制造241班",
          "2401000",
          "0101",
          Set.of(Role.STUDENT),
          SignInPath.WECOM,
          Instant.EPOCH);

  /** The queries as the demo term answers them, remembering whose meetings were asked for. */
  private final List<TimetableOwner> asked = new ArrayList<>();

  private final TimetableQueryService queries =
      new TimetableQueryService() {
        @Override
        public Optional<TermSchedule> termOn(LocalDate date) {
          return Optional.of(DemoSchedule.SCHEDULE).filter(s -> s.calendar().term().contains(date));
        }

        @Override
        public List<TimetableEntry> meetingsOf(TermSchedule term, TimetableOwner owner) {
          asked.add(owner);
          return List.of(
              DemoSchedule.meeting(
                  "K00001", "数据库技术", DayOfWeek.WEDNESDAY, 3, 2, WeekPattern.range(1, 16)),
              DemoSchedule.meeting(
                  "K00004", "管理学基础", DayOfWeek.WEDNESDAY, 5, 2, WeekPattern.range(1, 16)),
              DemoSchedule.meeting(
                  "K00007", "体育", DayOfWeek.WEDNESDAY, 7, 2, WeekPattern.parse("2-16周(双)", 18)));
        }
      };

  private int classesLeftAt(String localTime) {
    TimetableBadge badge = new TimetableBadge();
    badge.queries = queries;
    badge.clock =
        Clock.fixed(
            LocalDateTime.parse(localTime).atZone(SchoolClock.ZONE).toInstant(), SchoolClock.ZONE);
    return badge.classesLeftToday(STUDENT);
  }

  @Test
  void countsTodaysClassesThatHaveNotEnded() {
    assertThat(classesLeftAt("2026-11-25T07:50")).isEqualTo(3);
    assertThat(classesLeftAt("2026-11-25T10:20")).isEqualTo(3);
    assertThat(classesLeftAt("2026-11-25T11:40")).isEqualTo(2);
    assertThat(classesLeftAt("2026-11-25T17:09")).isEqualTo(1);
    assertThat(classesLeftAt("2026-11-25T17:10")).isZero();
    assertThat(asked).contains(new TimetableOwner.Student("20240100001", "2401000"));
  }

  @Test
  void noClassesOnAHolidayAWeekendOrOutsideTheTerm() {
    assertThat(classesLeftAt("2026-10-07T07:50")).as("国庆节").isZero();
    assertThat(classesLeftAt("2026-11-28T07:50")).as("Saturday").isZero();
    assertThat(classesLeftAt("2027-02-01T07:50")).as("winter vacation").isZero();
    // the make-up Saturday 10 October teaches Wednesday 7 October (week 5, odd: no 体育)
    assertThat(classesLeftAt("2026-10-10T07:50")).isEqualTo(2);
  }
}
