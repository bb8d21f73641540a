package cn.edu.ntvu.workbench.timetable.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.imports.TabularFile;
import cn.edu.ntvu.workbench.platform.imports.TabularFileReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every sample an admin downloads imports as it is: all columns of its kind, a few good rows, no
 * error.
 */
class TimetableImportSamplesTest {
  private final TabularFileReader reader = new TabularFileReader();
  private final TimetableImportPlanner planner = new TimetableImportPlanner();

  @Test
  void everySampleReadsBackWithAllItsColumnsAndPlansWithoutErrors() throws Exception {
    TimetableSnapshot demoTerm = TimetableImportPlannerTest.autumn2026();
    for (TimetableImportKind kind : TimetableImportKind.values()) {
      byte[] csv = TimetableImportSamples.csv(kind);
      assertThat(Arrays.copyOf(csv, 3))
          .as(kind + " starts with a UTF-8 BOM for Excel")
          .containsExactly(0xEF, 0xBB, 0xBF);
      String name = TimetableImportSamples.fileName(kind);
      assertThat(name).startsWith("sample-").endsWith(".csv");
      TabularFile file = reader.read(name, csv, kind.columns());
      assertThat(file.columns()).as(kind + " columns").isEqualTo(kind.columns().columns());
      assertThat(file.rows())
          .as(kind + " rows")
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(TimetableImportSamples.ROWS);
      assertThat(file.encoding()).isEqualTo("UTF-8");
      TimetablePlan plan = planner.plan(kind, file, demoTerm);
      assertThat(plan.errors()).as(kind + " sample errors").isEmpty();
      assertThat(plan.size()).as(kind + " sample items").isPositive();
    }
  }

  /**
   * The example rows are the demo term's first rows (the demo itself stays out of the application).
   */
  @Test
  void theExampleRowsAreTheDemoTermsFirstRows() throws Exception {
    for (String file :
        List.of(
            "term.csv",
            "calendar.csv",
            "period-times.csv",
            "timetable-zf.csv",
            "timetable-wisedu.csv")) {
      List<String> demo = lines("/demo/" + file);
      List<String> sample = lines(TimetableImportSamples.SAMPLES + file);
      assertThat(sample).as(file).isNotEmpty().isEqualTo(demo.subList(0, sample.size()));
      assertThat(sample.size())
          .as(file)
          .isEqualTo(Math.min(demo.size(), TimetableImportSamples.ROWS + 1));
    }
  }

  private static List<String> lines(String resource) throws java.io.IOException {
    try (var in = TimetableImportSamplesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .toList();
    }
  }

  @Test
  void the金智SampleNamesItsFieldsInCapitalsLikeTheSystemDoes() {
    String csv =
        new String(
            TimetableImportSamples.csv(TimetableImportKind.TIMETABLE_WISEDU),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo("\uFEFFXNXQDM,KCH,KCM,SKJS,SKXQ,KSJC,JSJC,SKZC,JASMC,BJDM,XH");
    assertThat(csv).contains("111111111111111100");
  }
}
