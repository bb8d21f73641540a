package cn.edu.ntvu.workbench.timetable.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeekPatternTest {
  private static final int TERM_WEEKS = 18;

  private static List<Integer> weeks(String text) {
    return WeekPattern.parse(text, TERM_WEEKS).weeks();
  }

  private static List<Integer> range(int from, int to, int step) {
    return IntStream.iterate(from, w -> w <= to, w -> w + step).boxed().toList();
  }

  @Test
  void readsEveryPatternTheGeneratorEmits() {
    assertThat(weeks("1-16周")).isEqualTo(range(1, 16, 1));
    assertThat(weeks("1-15周(单)")).isEqualTo(range(1, 15, 2));
    assertThat(weeks("2-16周(双)")).isEqualTo(range(2, 16, 2));
    assertThat(weeks("1-8,10-16周"))
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16);
    assertThat(weeks("3-12周")).isEqualTo(range(3, 12, 1));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1-16周|1-16周",
        "第1-16周|1-16周",
        "１－１６周|1-16周",
        "1 - 16 周|1-16周",
        "1-16|1-16周",
        "1～16周|1-16周",
        "1—16周|1-16周",
        "1-15周(单)|1-15周(单)",
        "1-15周（单）|1-15周(单)",
        "１－１５周（单）|1-15周(单)",
        "1-15单周|1-15周(单)",
        "1-15(单)周|1-15周(单)",
        "单周1-15|1-15周(单)",
        "2-16周(双)|2-16周(双)",
        "2-16双周|2-16周(双)",
        "1-16周(双)|2-16周(双)",
        "1-16周(单)|1-15周(单)",
        "1-8,10-16周|1-8,10-16周",
        "1-8，10-16周|1-8,10-16周",
        "1-8、10-16周|1-8,10-16周",
        "1-8周,10-16周|1-8,10-16周",
        "1-8,10,12-16周|1-8,10,12-16周",
        "第1-8,10,12-16周|1-8,10,12-16周",
        "3周|3周",
        "第3周|3周",
        "1,3,5,7周|1-7周(单)",
        "1-8周,9-16周(双)|1-8,10,12,14,16周",
        "1-7周(单),10-16周|1,3,5,7,10-16周",
        "1-8,10-16周(单)|1,3,5,7,11,13,15周",
        "18周|18周",
      })
  void readsRealWeekTexts(String text, String canonical) {
    WeekPattern p = WeekPattern.parse(text, TERM_WEEKS);
    assertThat(p.toString()).isEqualTo(canonical);
    assertThat(WeekPattern.parse(p.toString(), TERM_WEEKS)).isEqualTo(p);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "17-1周|timetable.weeks.reversed",
        "0周|timetable.weeks.zero",
        "0-16周|timetable.weeks.zero",
        "1-19周|timetable.weeks.beyondTerm",
        "19周|timetable.weeks.beyondTerm",
        "1-40周|timetable.weeks.beyondTerm",
        "abc|timetable.weeks.invalid",
        "1-16周(单)(双)|timetable.weeks.invalid",
        "1--16周|timetable.weeks.invalid",
        "1-8,,10周|timetable.weeks.invalid",
        "周|timetable.weeks.invalid",
        "2周(单)|timetable.weeks.empty",
        "' '|timetable.weeks.blank",
      })
  void refusesBadWeekTextsWithAReason(String text, String key) {
    assertThatThrownBy(() -> WeekPattern.parse(text, TERM_WEEKS))
        .isInstanceOfSatisfying(
            TimetableInputException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
  }

  @Test
  void reversedRangeNamesBothEnds() {
    assertThatThrownBy(() -> WeekPattern.parse("17-1周", TERM_WEEKS))
        .isInstanceOfSatisfying(
            TimetableInputException.class, e -> assertThat(e.args()).containsExactly("17", "1"));
  }

  @Test
  void readsWisedoBitmaps() {
    assertThat(WeekPattern.fromBitmap("111111111111111100", TERM_WEEKS))
        .isEqualTo(WeekPattern.range(1, 16));
    assertThat(WeekPattern.fromBitmap("101010101010101000", TERM_WEEKS).toString())
        .isEqualTo("1-15周(单)");
    assertThat(WeekPattern.fromBitmap("010101010101010100", TERM_WEEKS).toString())
        .isEqualTo("2-16周(双)");
    assertThat(WeekPattern.fromBitmap("111111110111111100", TERM_WEEKS).toString())
        .isEqualTo("1-8,10-16周");
    // exports pad to a fixed length: zeros beyond the term are harmless
    assertThat(WeekPattern.fromBitmap("001111111111000000000000000000", TERM_WEEKS).toString())
        .isEqualTo("3-12周");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "000000000000000000|timetable.weeks.empty",
        "1111111111111111111|timetable.weeks.beyondTerm",
        "11112111|timetable.weeks.badBitmap",
        "1-16周|timetable.weeks.badBitmap",
      })
  void refusesBadBitmaps(String bitmap, String key) {
    assertThatThrownBy(() -> WeekPattern.fromBitmap(bitmap, TERM_WEEKS))
        .isInstanceOfSatisfying(
            TimetableInputException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
  }

  @Test
  void bitmapTextAndMaskRoundTrip() {
    for (String text :
        List.of("1-16周", "1-15周(单)", "2-16周(双)", "1-8,10-16周", "3-12周", "1-8,10,12-16周")) {
      WeekPattern p = WeekPattern.parse(text, TERM_WEEKS);
      assertThat(WeekPattern.fromBitmap(p.toBitmap(TERM_WEEKS), TERM_WEEKS)).isEqualTo(p);
      assertThat(WeekPattern.fromMask(p.mask())).isEqualTo(p).hasSameHashCodeAs(p);
      assertThat(p.toBitmap(TERM_WEEKS)).hasSize(TERM_WEEKS);
    }
    assertThat(WeekPattern.parse("1-15周(单)", TERM_WEEKS).toBitmap(18))
        .isEqualTo("101010101010101000");
  }

  @Test
  void answersQuestionsAboutTheSet() {
    WeekPattern odd = WeekPattern.parse("1-15周(单)", TERM_WEEKS);
    assertThat(odd.contains(1)).isTrue();
    assertThat(odd.contains(2)).isFalse();
    assertThat(odd.contains(0)).isFalse();
    assertThat(odd.contains(31)).isFalse();
    assertThat(odd.size()).isEqualTo(8);
    assertThat(odd.first()).isEqualTo(1);
    assertThat(odd.last()).isEqualTo(15);
    assertThat(odd.overlaps(WeekPattern.parse("2-16周(双)", TERM_WEEKS))).isFalse();
    assertThat(odd.overlaps(WeekPattern.of(15))).isTrue();
    assertThat(WeekPattern.fromMask(0).isEmpty()).isTrue();
    assertThat(WeekPattern.fromMask(0).toString()).isEmpty();
    assertThat(WeekPattern.of(30).toBitmap(30)).endsWith("1").hasSize(30);
  }
}
