package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaveTypeTest {
  private static List<String> fields(String code, String name, String nameEn, String days) {
    return LeaveType.problems(code, name, nameEn, days).stream().map(FieldProblem::field).toList();
  }

  @Test
  void aWellFormedTypeHasNoProblems() {
    assertThat(fields("EXAM", "考试假", "Exam leave", "")).isEmpty();
    assertThat(fields("FUNERAL_2", "丧假", "Bereavement", "1.5")).isEmpty();
    assertThat(fields("EXAM", "考试假", "Exam leave", null)).isEmpty();
  }

  @Test
  void codesAreCapitalLettersDigitsAndUnderscoreStartingWithALetter() {
    for (String bad :
        new String[] {"exam", "E", "1EXAM", "EX AM", "考试", "<script>", "A".repeat(33), ""}) {
      assertThat(fields(bad, "考试假", "Exam", "")).as(bad).containsExactly("typeCode");
    }
    assertThat(fields(null, "考试假", "Exam", "")).containsExactly("typeCode");
  }

  @Test
  void namesAreRequiredAndBounded() {
    assertThat(fields("EXAM", "  ", "Exam", "")).containsExactly("typeName");
    assertThat(fields("EXAM", "假".repeat(33), "Exam", "")).containsExactly("typeName");
    assertThat(fields("EXAM", "假".repeat(32), "E".repeat(65), "")).containsExactly("typeNameEn");
  }

  @Test
  void certificateDaysAreHalfDaysWithinAYearFullWidthDigitsIncluded() {
    assertThat(LeaveType.certificateDays("2")).isEqualByComparingTo("2");
    assertThat(LeaveType.certificateDays(" 1.5 ")).isEqualByComparingTo("1.5");
    assertThat(LeaveType.certificateDays("２")).isEqualByComparingTo("2");
    assertThat(LeaveType.certificateDays("０．５")).isEqualByComparingTo("0.5");
    assertThat(LeaveType.certificateDays("365")).isEqualByComparingTo("365");
    for (String bad : new String[] {"0", "1.2", "366", "-1", "abc", "1e3", "1.55", "2天"}) {
      assertThat(LeaveType.certificateDays(bad)).as(bad).isNull();
      assertThat(fields("EXAM", "考试假", "Exam", bad)).as(bad).containsExactly("typeCertificate");
    }
    assertThat(LeaveType.certificateDays("")).isNull();
  }

  @Test
  void aCertificateIsNeededOnlyAboveTheLimit() {
    LeaveType sick = new LeaveType("SICK", "病假", "Sick", new BigDecimal("2"), true);
    assertThat(sick.needsCertificate(new BigDecimal("2"))).isFalse();
    assertThat(sick.needsCertificate(new BigDecimal("2.5"))).isTrue();
  }
}
