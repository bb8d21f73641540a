package cn.edu.ntvu.workbench.timetable.application;

import java.util.List;

/**
 * The outcome of confirming a timetable import: what it replaced ({@code changes}). When {@code
 * applied} is false nothing was written and {@code errors} says why (the file no longer fits the
 * terms or period times, or the batch was already applied: {@link #alreadyApplied()}).
 */
public record TimetableImportResult(
    long batchId,
    boolean applied,
    TimetableImportKind kind,
    String termCode,
    int items,
    List<TimetableImportProblem> errors,
    List<TimetableImportProblem> warnings,
    List<TimetableChange> changes) {
  static final String ALREADY_APPLIED = "timetable.batch.alreadyApplied";

  public TimetableImportResult {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    changes = List.copyOf(changes);
  }

  static TimetableImportResult refused(
      long batchId, TimetableImportKind kind, TimetableImportProblem reason) {
    return new TimetableImportResult(
        batchId, false, kind, null, 0, List.of(reason), List.of(), List.of());
  }

  static TimetableImportResult refused(long batchId, TimetablePlan plan) {
    return new TimetableImportResult(
        batchId, false, plan.kind(), plan.termCode(), 0, plan.errors(), plan.warnings(), List.of());
  }

  /**
   * Refused because this batch was imported before (a second tap, the back button): nothing
   * happened again.
   */
  public boolean alreadyApplied() {
    return !applied && errors.size() == 1 && errors.get(0).messageKey().equals(ALREADY_APPLIED);
  }
}
