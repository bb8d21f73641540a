package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What the timetable holds now, so that an admin sees it before replacing it: the terms (latest
 * first) with their calendar and how many meetings each source holds, and the period-time sets. The
 * import preview measures its changes against it.
 */
public record TimetableOverview(
    List<TermState> terms, List<PeriodTimeSet> periodSets, Imported periodTimesImport) {
  public TimetableOverview {
    terms = List.copyOf(terms);
    periodSets = List.copyOf(periodSets);
  }

  public Optional<TermState> term(String code) {
    return terms.stream().filter(t -> t.code().equals(code)).findFirst();
  }

  /** The periods of all sets together. */
  public int periodCount() {
    return periodSets.stream().mapToInt(PeriodTimeSet::size).sum();
  }

  /** A term with its holidays and make-up days (调休) and its meetings from 正方 and from 金智. */
  public record TermState(
      String code,
      LocalDate week1Monday,
      int weeks,
      int holidays,
      int makeUpDays,
      Source zf,
      Source wisedu) {
    public LocalDate lastDay() {
      return week1Monday.plusWeeks(weeks).minusDays(1);
    }

    public Source source(TimetableImportKind kind) {
      return kind == TimetableImportKind.TIMETABLE_ZF ? zf : wisedu;
    }
  }

  /**
   * The meetings a term holds from one system, and the last import of them (null when none is
   * recorded).
   */
  public record Source(int meetings, Imported lastImport) {}

  /** When and by whom (account) a file was imported. */
  public record Imported(LocalDateTime at, String by) {}
}
