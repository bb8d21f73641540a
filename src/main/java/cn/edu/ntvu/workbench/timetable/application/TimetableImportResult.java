package cn.edu.ntvu.workbench.timetable.application;

import java.util.List;

/**
 * The outcome of confirming a timetable import. When {@code applied} is false nothing was written and {@code
 * errors} says why (the file no longer fits the terms or period times, or the batch was already applied).
 */
public record TimetableImportResult(
    long batchId,
    boolean applied,
    TimetableImportKind kind,
    String termCode,
    int items,
    List<TimetableImportProblem> errors,
    List<TimetableImportProblem> warnings) {

  public TimetableImportResult {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  static TimetableImportResult refused(long batchId, TimetableImportKind kind, TimetableImportProblem reason) {
    return new TimetableImportResult(batchId, false, kind, null, 0, List.of(reason), List.of());
  }

  static TimetableImportResult refused(long batchId, TimetablePlan plan) {
    return new TimetableImportResult(
        batchId, false, plan.kind(), plan.termCode(), 0, plan.errors(), plan.warnings());
  }
}
