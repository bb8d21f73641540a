package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeTable;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import java.util.List;
import java.util.Map;

/**
 * What a timetable file is checked against: the known terms (by code) and the period-time table.
 */
public record TimetableSnapshot(Map<String, Term> terms, PeriodTimeTable periodTimes) {
  public static final TimetableSnapshot EMPTY =
      new TimetableSnapshot(Map.of(), new PeriodTimeTable(List.of()));

  public TimetableSnapshot {
    terms = Map.copyOf(terms);
  }
}
