package cn.edu.ntvu.workbench.leave.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "将缺 3 门课 6 节" and the days, from the classes stored with a request. */
class MissedClassListTest {
  private static MissedClass c(String date, int first, int last, String code) {
    return new MissedClass(
        LocalDate.parse(date),
        first,
        last,
        LocalTime.of(8, 0),
        LocalTime.of(9, 40),
        code,
        code + "课",
        "张老师",
        "A101");
  }

  @Test
  void totalsCountPeriodsAndDifferentCoursesAndDaysKeepTheirOrder() {
    MissedClassList m =
        new MissedClassList(
            List.of(
                c("2026-11-26", 1, 2, "A"),
                c("2026-11-26", 5, 6, "B"),
                c("2026-11-27", 3, 3, "A"),
                c("2026-11-27", 7, 8, "C")));
    assertThat(m.periods()).isEqualTo(7);
    assertThat(m.courses()).isEqualTo(3);
    assertThat(m.days())
        .extracting(MissedClassList.Day::date)
        .containsExactly(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-27"));
    assertThat(m.days().get(1).classes())
        .extracting(MissedClass::courseCode)
        .containsExactly("A", "C");
  }

  @Test
  void noneIsEmpty() {
    assertThat(MissedClassList.NONE.isEmpty()).isTrue();
    assertThat(MissedClassList.NONE.periods()).isZero();
    assertThat(MissedClassList.NONE.days()).isEmpty();
  }
}
