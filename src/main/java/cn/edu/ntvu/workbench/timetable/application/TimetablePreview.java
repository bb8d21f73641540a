package cn.edu.ntvu.workbench.timetable.application;

import java.util.List;

/**
 * What a timetable import would do, shown before anything is written: how many terms, periods,
 * calendar days or meetings ({@code items}) and, for a timetable file, of which term; what it
 * replaces of what is loaded now ({@code changes}, empty when the file has errors). {@code batchId}
 * is null when the file could not be read at all; then {@code fittingKind} names the kind the
 * file's columns do fit, if any ("this is a term file").
 */
public record TimetablePreview(
    Long batchId,
    TimetableImportKind kind,
    String fileName,
    String termCode,
    int items,
    List<TimetableImportProblem> errors,
    List<TimetableImportProblem> warnings,
    List<TimetableChange> changes,
    TimetableImportKind fittingKind) {

  public TimetablePreview {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    changes = List.copyOf(changes);
  }

  static TimetablePreview of(
      Long batchId,
      String fileName,
      TimetablePlan plan,
      List<TimetableChange> changes,
      TimetableImportKind fits) {
    return new TimetablePreview(
        batchId,
        plan.kind(),
        fileName,
        plan.termCode(),
        plan.size(),
        plan.errors(),
        plan.warnings(),
        changes,
        fits);
  }

  /** Only a stored, error-free file may be confirmed. */
  public boolean canApply() {
    return batchId != null && errors.isEmpty();
  }
}
