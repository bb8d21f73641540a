package cn.edu.ntvu.workbench.timetable.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeekViewLanesTest {
  private static int[][] lanes(PeriodRange... periods) {
    return WeekView.lanes(List.of(periods));
  }

  @Test
  void classesThatDoNotOverlapTakeTheWholeCell() {
    assertThat(lanes(new PeriodRange(1, 2), new PeriodRange(3, 2), new PeriodRange(7, 2)))
        .isDeepEqualTo(new int[][] {{0, 1}, {0, 1}, {0, 1}});
  }

  @Test
  void overlappingClassesSitSideBySide() {
    // a class at 3-4 and an elective at 4-5: two lanes; 7-8 alone again
    assertThat(lanes(new PeriodRange(3, 2), new PeriodRange(4, 2), new PeriodRange(7, 2)))
        .isDeepEqualTo(new int[][] {{0, 2}, {1, 2}, {0, 1}});
  }

  @Test
  void aLaneIsReusedOnceFreeAndTheGroupCountsItsWidestPoint() {
    // 1-4 overlaps 1-2 and 3-4; 3-4 reuses the lane of 1-2: two lanes for all three, in any input
    // order
    assertThat(lanes(new PeriodRange(3, 2), new PeriodRange(1, 4), new PeriodRange(1, 2)))
        .isDeepEqualTo(new int[][] {{1, 2}, {0, 2}, {1, 2}});
  }

  @Test
  void noClassesNoLanes() {
    assertThat(lanes()).isEmpty();
  }
}
