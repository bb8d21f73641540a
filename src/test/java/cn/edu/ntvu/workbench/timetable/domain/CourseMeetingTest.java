package cn.edu.ntvu.workbench.timetable.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CourseMeetingTest {
  static CourseMeeting meeting(
      String course, DayOfWeek day, String periods, String weeks, String... classes) {
    return new CourseMeeting(
        course,
        "高等数学",
        List.of("10001"),
        "1号教学楼101",
        day,
        PeriodRange.parse(periods, 10),
        WeekPattern.parse(weeks, 18),
        Set.of(classes),
        Set.of());
  }

  @Test
  void aCourseOverlapsItselfOnlyAtTheSameTimeInASharedWeekForASharedClass() {
    CourseMeeting a = meeting("K00001", DayOfWeek.MONDAY, "第1-2节", "1-16周", "2601001");
    assertThat(a.overlapsItself(meeting("K00001", DayOfWeek.MONDAY, "第2-3节", "3-12周", "2601001")))
        .isTrue();
    assertThat(a.overlapsItself(meeting("K00001", DayOfWeek.MONDAY, "第1-2节", "1-16周", "2601002")))
        .isFalse();
    assertThat(a.overlapsItself(meeting("K00001", DayOfWeek.TUESDAY, "第1-2节", "1-16周", "2601001")))
        .isFalse();
    assertThat(a.overlapsItself(meeting("K00001", DayOfWeek.MONDAY, "第3-4节", "1-16周", "2601001")))
        .isFalse();
    assertThat(a.overlapsItself(meeting("K00002", DayOfWeek.MONDAY, "第1-2节", "1-16周", "2601001")))
        .isFalse();
    CourseMeeting odd = meeting("K00001", DayOfWeek.MONDAY, "第1-2节", "1-15周(单)", "2601001");
    assertThat(
            odd.overlapsItself(meeting("K00001", DayOfWeek.MONDAY, "第1-2节", "2-16周(双)", "2601001")))
        .isFalse();
  }

  @Test
  void meetsOnATeachingDayOfItsWeeks() {
    CourseMeeting odd = meeting("K00001", DayOfWeek.TUESDAY, "第1-2节", "1-15周(单)", "2601001");
    assertThat(odd.meetsOn(new TeachingDay(5, DayOfWeek.TUESDAY))).isTrue();
    assertThat(odd.meetsOn(new TeachingDay(6, DayOfWeek.TUESDAY))).isFalse();
    assertThat(odd.meetsOn(new TeachingDay(5, DayOfWeek.MONDAY))).isFalse();
  }

  @Test
  void needsSomeoneToAttend() {
    assertThatThrownBy(() -> meeting("K00001", DayOfWeek.MONDAY, "第1-2节", "1-16周"))
        .hasMessageContaining("timetable.meeting.noAudience");
  }
}
