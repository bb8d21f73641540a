package cn.edu.ntvu.workbench.timetable.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodTimeTableTest {
  private static final LocalDate SEPT1 = LocalDate.of(2026, 9, 1);
  private static final LocalDate SEPT30 = LocalDate.of(2026, 9, 30);

  private static PeriodTime p(int n, String start, String end) {
    return new PeriodTime(n, LocalTime.parse(start), LocalTime.parse(end));
  }

  private static List<PeriodTime> day(int afternoonShiftMinutes) {
    String[][] times = {
      {"08:00", "08:45"},
      {"08:55", "09:40"},
      {"10:00", "10:45"},
      {"10:55", "11:40"},
      {"14:00", "14:45"},
      {"14:55", "15:40"},
      {"16:00", "16:45"},
      {"16:55", "17:40"},
      {"19:00", "19:45"},
      {"19:55", "20:40"}
    };
    List<PeriodTime> out = new ArrayList<>();
    for (int i = 0; i < times.length; i++) {
      int shift = i >= 4 ? afternoonShiftMinutes : 0;
      out.add(
          new PeriodTime(
              i + 1,
              LocalTime.parse(times[i][0]).plusMinutes(shift),
              LocalTime.parse(times[i][1]).plusMinutes(shift)));
    }
    return out;
  }

  private static final PeriodTimeTable TABLE =
      new PeriodTimeTable(
          List.of(
              new PeriodTimeSet(
                  "冬季", LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 31), day(-30)),
              new PeriodTimeSet("夏季", SEPT1, SEPT30, day(0))));

  @Test
  void clockTimesFollowTheSetInForce() {
    assertThat(TABLE.clockTimes(LocalDate.of(2026, 9, 29), new PeriodRange(5, 2)))
        .contains(new PeriodTimeTable.ClockTimes(LocalTime.of(14, 0), LocalTime.of(15, 40)));
    assertThat(TABLE.clockTimes(LocalDate.of(2026, 10, 8), new PeriodRange(5, 2)))
        .contains(new PeriodTimeTable.ClockTimes(LocalTime.of(13, 30), LocalTime.of(15, 10)));
    assertThat(TABLE.clockTimes(LocalDate.of(2026, 10, 8), new PeriodRange(1, 2)))
        .contains(new PeriodTimeTable.ClockTimes(LocalTime.of(8, 0), LocalTime.of(9, 40)));
    assertThat(TABLE.clockTimes(LocalDate.of(2027, 3, 1), new PeriodRange(1, 2))).isEmpty();
    assertThat(TABLE.clockTimes(SEPT1, new PeriodRange(10, 2))).isEmpty();
    assertThat(TABLE.setOn(SEPT30).map(PeriodTimeSet::name)).contains("夏季");
    assertThat(TABLE.periodsPerDay(LocalDate.of(2026, 9, 7), LocalDate.of(2027, 1, 10)))
        .isEqualTo(10);
    assertThat(TABLE.periodsPerDay(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 7, 1))).isZero();
  }

  @Test
  void periodsMustBeNumberedWithoutGaps() {
    assertThatThrownBy(
            () ->
                new PeriodTimeSet(
                    "夏季", SEPT1, SEPT30, List.of(p(1, "08:00", "08:45"), p(3, "10:00", "10:45"))))
        .isInstanceOfSatisfying(
            TimetableInputException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("timetable.periodTimes.gap");
              assertThat(e.args()).containsExactly("夏季", "2");
            });
    assertThatThrownBy(
            () ->
                new PeriodTimeSet(
                    "夏季", SEPT1, SEPT30, List.of(p(1, "08:00", "08:45"), p(1, "08:55", "09:40"))))
        .hasMessageContaining("timetable.periodTimes.duplicate");
    assertThatThrownBy(
            () -> new PeriodTimeSet("夏季", SEPT1, SEPT30, List.of(p(2, "08:00", "08:45"))))
        .hasMessageContaining("timetable.periodTimes.gap");
  }

  @Test
  void periodsMayNotOverlapOrRunBackwards() {
    assertThatThrownBy(
            () ->
                new PeriodTimeSet(
                    "夏季", SEPT1, SEPT30, List.of(p(1, "08:00", "08:45"), p(2, "08:40", "09:40"))))
        .hasMessageContaining("timetable.periodTimes.overlap");
    assertThatThrownBy(() -> p(1, "08:45", "08:00"))
        .hasMessageContaining("timetable.periodTimes.backwards");
    assertThatThrownBy(() -> p(1, "08:00", "08:00"))
        .hasMessageContaining("timetable.periodTimes.backwards");
    // touching periods are fine
    assertThat(
            new PeriodTimeSet(
                    "紧凑", SEPT1, SEPT30, List.of(p(1, "08:00", "08:45"), p(2, "08:45", "09:30")))
                .size())
        .isEqualTo(2);
  }

  @Test
  void setsMayNotApplyOnTheSameDay() {
    PeriodTimeSet summer = new PeriodTimeSet("夏季", SEPT1, SEPT30, day(0));
    PeriodTimeSet winter = new PeriodTimeSet("冬季", SEPT30, LocalDate.of(2027, 1, 31), day(-30));
    assertThatThrownBy(() -> new PeriodTimeTable(List.of(summer, winter)))
        .hasMessageContaining("timetable.periodTimes.setsOverlap");
    assertThatThrownBy(() -> new PeriodTimeSet("夏季", SEPT30, SEPT1, day(0)))
        .hasMessageContaining("timetable.periodTimes.datesReversed");
  }
}
