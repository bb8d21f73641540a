package cn.edu.ntvu.workbench.leave.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Approved leave per class and type over a date range: how many requests and how many days. */
public final class LeaveStatistics {
  private LeaveStatistics() {}

  /** One cell of the statistics. */
  public record Line(String classCode, String typeCode, int count, BigDecimal days)
      implements Serializable {}

  public static List<Line> of(List<LeaveRequestRow> approved) {
    Map<String, Map<String, List<LeaveRequestRow>>> by = new TreeMap<>();
    for (LeaveRequestRow r : approved) {
      by.computeIfAbsent(r.classCode() == null ? "" : r.classCode(), k -> new TreeMap<>())
          .computeIfAbsent(r.typeCode(), k -> new ArrayList<>())
          .add(r);
    }
    List<Line> out = new ArrayList<>();
    by.forEach(
        (cls, types) ->
            types.forEach(
                (type, rows) ->
                    out.add(
                        new Line(
                            cls,
                            type,
                            rows.size(),
                            rows.stream()
                                .map(LeaveRequestRow::durationDays)
                                .reduce(BigDecimal.ZERO, BigDecimal::add)))));
    out.sort(Comparator.comparing(Line::classCode).thenComparing(Line::typeCode));
    return out;
  }
}
