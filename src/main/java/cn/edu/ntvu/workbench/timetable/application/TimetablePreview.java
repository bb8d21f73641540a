package cn.edu.ntvu.workbench.timetable.application;

import java.util.List;

/**
 * What a timetable import would do, shown before anything is written: how many terms, periods, calendar days or
 * meetings ({@code items}) and, for a timetable file, of which term. {@code batchId} is null when the file could
 * not be read at all.
 */
public record TimetablePreview(
    Long batchId,
    TimetableImportKind kind,
    String fileName,
    String termCode,
    int items,
    List<TimetableImportProblem> errors,
    List<TimetableImportProblem> warnings) {

  public TimetablePreview {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  static TimetablePreview of(Long batchId, String fileName, TimetablePlan plan) {
    return new TimetablePreview(
        batchId, plan.kind(), fileName, plan.termCode(), plan.size(), plan.errors(), plan.warnings());
  }

  /** Only a stored, error-free file may be confirmed. */
  public boolean canApply() {
    return batchId != null && errors.isEmpty();
  }
}
