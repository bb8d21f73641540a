package cn.edu.ntvu.workbench.timetable.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.timetable.domain.CourseMeeting;
import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import cn.edu.ntvu.workbench.timetable.domain.WeekPattern;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The numbers a re-import gives its meetings: an unchanged meeting keeps its number (room and names
 * may change), a moved or new one gets a number never used in the term, a held number is never
 * reused, and a first import numbers by position.
 */
class MeetingNumbersTest {
  private static PlannedMeeting meeting(String code, DayOfWeek day, int first, String room) {
    return new PlannedMeeting(
        1,
        new CourseMeeting(
            code,
            "课程" + code,
            List.of("10754"),
            room,
            day,
            new PeriodRange(first, 2),
            WeekPattern.range(1, 16),
            Set.of("2401000"),
            Set.of()),
        "袁洋");
  }

  private static List<MeetingNumbers.Loaded> loaded(List<PlannedMeeting> file) {
    List<MeetingNumbers.Loaded> out = new ArrayList<>();
    List<Integer> numbers = MeetingNumbers.assign(List.of(), file, 0).numbers();
    for (int i = 0; i < file.size(); i++) {
      out.add(MeetingNumbers.of(numbers.get(i), file.get(i)));
    }
    return out;
  }

  private final List<PlannedMeeting> first =
      List.of(
          meeting("K1", DayOfWeek.MONDAY, 1, "101"),
          meeting("K2", DayOfWeek.MONDAY, 3, "102"),
          meeting("K3", DayOfWeek.TUESDAY, 1, "103"));

  @Test
  void aFirstImportNumbersByPosition() {
    assertThat(MeetingNumbers.assign(List.of(), first, 0).numbers()).containsExactly(1, 2, 3);
  }

  @Test
  void theSameFileKeepsEveryNumberAndARoomChangeToo() {
    var again = MeetingNumbers.assign(loaded(first), first, 3);
    assertThat(again.numbers()).containsExactly(1, 2, 3);
    assertThat(again.dropped()).isEmpty();
    var roomMoved =
        List.of(first.get(0), meeting("K2", DayOfWeek.MONDAY, 3, "实训楼101"), first.get(2));
    assertThat(MeetingNumbers.assign(loaded(first), roomMoved, 0).numbers())
        .containsExactly(1, 2, 3);
  }

  @Test
  void aLineInsertedBeforeShiftsNoNumber() {
    var inserted =
        List.of(meeting("K0", DayOfWeek.FRIDAY, 5, "1"), first.get(0), first.get(1), first.get(2));
    assertThat(MeetingNumbers.assign(loaded(first), inserted, 0).numbers())
        .containsExactly(4, 1, 2, 3);
  }

  @Test
  void aMovedMeetingGetsANewNumberAndIsNamedWithWhereItWent() {
    var moved = List.of(first.get(0), meeting("K2", DayOfWeek.WEDNESDAY, 5, "102"), first.get(2));
    var a = MeetingNumbers.assign(loaded(first), moved, 0);
    assertThat(a.numbers()).containsExactly(1, 4, 3);
    assertThat(a.dropped())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.meeting().no()).isEqualTo(2);
              assertThat(d.movedTo().weekday()).isEqualTo(DayOfWeek.WEDNESDAY);
              assertThat(d.movedTo().firstPeriod()).isEqualTo(5);
            });
  }

  @Test
  void aDeletedMeetingsNumberIsNeverGivenAgainWhileItHasRollCalls() {
    // the highest number (3) is deleted; it has roll calls, so a new meeting gets 4, not 3
    var deleted = List.of(first.get(0), first.get(1));
    var a = MeetingNumbers.assign(loaded(first), deleted, 3);
    assertThat(a.numbers()).containsExactly(1, 2);
    assertThat(a.dropped())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.meeting().no()).isEqualTo(3);
              assertThat(d.movedTo()).isNull();
            });
    var loadedNow = new ArrayList<>(loaded(first).subList(0, 2));
    var added = List.of(first.get(0), first.get(1), meeting("K9", DayOfWeek.FRIDAY, 1, "9"));
    assertThat(MeetingNumbers.assign(loadedNow, added, 3).numbers()).containsExactly(1, 2, 4);
  }
}
