package cn.edu.ntvu.workbench.attendance.application;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;

/**
 * SPI: who of these students is on approved leave during a meeting. The leave context implements it
 * in its application layer (a read-only query); attendance knows nothing else of leave.
 */
public interface ExcusedAbsences {
  /** An approved leave that covers (part of) the interval. */
  record Excuse(long requestId, String typeName) {}

  /**
   * @return by student account, the approved leave overlapping [{@code from}, {@code to}) — for
   *     those of {@code students} who have one
   */
  Map<String, Excuse> during(Collection<String> students, LocalDateTime from, LocalDateTime to);
}
