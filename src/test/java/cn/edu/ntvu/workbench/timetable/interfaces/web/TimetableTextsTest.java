package cn.edu.ntvu.workbench.timetable.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.timetable.application.TimetableImportProblem;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A problem of an uploaded file reads in the viewer's language, with its column's label. */
class TimetableTextsTest {
  @Test
  void aProblemReadsInTheViewersLanguageWithItsColumnLabel() {
    TimetableImportProblem weeks =
        new TimetableImportProblem(
            5, "weeks", true, "timetable.weeks.beyondTerm", List.of("19", "18"));
    var zh = TimetableTexts.line(Locale.SIMPLIFIED_CHINESE, weeks);
    assertThat(List.of(zh.where(), zh.column(), zh.reason()))
        .containsExactly("第5行", "周次 weeks", "第19周超出了本学期（共18周）。");
    var en = TimetableTexts.line(Locale.ENGLISH, weeks);
    assertThat(List.of(en.where(), en.column(), en.reason()))
        .containsExactly("Line 5", "weeks", "Week 19 is beyond the term, which has 18 weeks.");
    // the file reader's reasons live with the shared import texts
    var file =
        TimetableTexts.line(
            Locale.SIMPLIFIED_CHINESE,
            new TimetableImportProblem(0, "", true, "import.file.tooLarge", List.of("15")));
    assertThat(List.of(file.where(), file.column(), file.reason()))
        .containsExactly("整个文件", "", "文件超过 15 MB，请拆分后再导入。");
  }
}
