package cn.edu.ntvu.workbench.timetable.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodsAndWeekdaysTest {
  @ParameterizedTest
  @CsvSource({"第1-2节,1,2", "第3节,3,1", "1-2,1,2", "３－４节,3,2", "第 9-10 节,9,2", "第1-4节,1,4"})
  void readsPeriodTexts(String text, int first, int length) {
    PeriodRange p = PeriodRange.parse(text, 10);
    assertThat(p).isEqualTo(new PeriodRange(first, length));
    assertThat(PeriodRange.parse(p.toString(), 10)).isEqualTo(p);
  }

  @ParameterizedTest
  @CsvSource({
    "第0节,timetable.periods.zero",
    "第0-2节,timetable.periods.zero",
    "第4-3节,timetable.periods.reversed",
    "第11-12节,timetable.periods.beyondTable",
    "第一节,timetable.periods.invalid",
    "上午,timetable.periods.invalid",
    "'',timetable.periods.blank",
  })
  void refusesBadPeriods(String text, String key) {
    assertThatThrownBy(() -> PeriodRange.parse(text, 10))
        .isInstanceOfSatisfying(
            TimetableInputException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
  }

  @Test
  void wisedoFirstAndLastPeriod() {
    assertThat(PeriodRange.fromFirstLast(5, 6, 10)).isEqualTo(new PeriodRange(5, 2));
    assertThat(PeriodRange.fromFirstLast(5, 6, 10).last()).isEqualTo(6);
    assertThatThrownBy(() -> PeriodRange.fromFirstLast(6, 5, 10)).hasMessageContaining("reversed");
    assertThat(new PeriodRange(1, 2).overlaps(new PeriodRange(2, 2))).isTrue();
    assertThat(new PeriodRange(1, 2).overlaps(new PeriodRange(3, 2))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "星期一,MONDAY",
    "星期日,SUNDAY",
    "星期天,SUNDAY",
    "周三,WEDNESDAY",
    "周日,SUNDAY",
    "礼拜五,FRIDAY",
    "1,MONDAY",
    "7,SUNDAY",
    "５,FRIDAY",
    "' 星期二 ',TUESDAY",
    "六,SATURDAY"
  })
  void readsWeekdays(String text, DayOfWeek day) {
    assertThat(Weekdays.parse(text)).isEqualTo(day);
  }

  @ParameterizedTest
  @CsvSource({"星期八", "8", "0", "周", "Monday", "星期一二"})
  void refusesBadWeekdays(String text) {
    assertThatThrownBy(() -> Weekdays.parse(text))
        .isInstanceOfSatisfying(
            TimetableInputException.class,
            e -> assertThat(e.messageKey()).isEqualTo("timetable.weekday.invalid"));
  }

  @Test
  void namesWeekdaysInChinese() {
    assertThat(Weekdays.chineseName(DayOfWeek.TUESDAY)).isEqualTo("星期二");
    assertThat(Weekdays.chineseName(DayOfWeek.SUNDAY)).isEqualTo("星期日");
  }
}
