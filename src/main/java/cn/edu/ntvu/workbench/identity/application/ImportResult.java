package cn.edu.ntvu.workbench.identity.application;

import java.util.List;

/**
 * The outcome of confirming an import. When {@code applied} is false nothing was written, and
 * {@code errors} says why (the directory changed since the preview, or the batch was already
 * applied).
 */
public record ImportResult(
    long batchId,
    boolean applied,
    int created,
    int updated,
    int unchanged,
    List<ImportProblem> errors,
    List<ImportProblem> warnings)
    implements java.io.Serializable {

  public ImportResult {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  static ImportResult refused(long batchId, ImportProblem reason) {
    return new ImportResult(batchId, false, 0, 0, 0, List.of(reason), List.of());
  }

  static ImportResult refused(long batchId, ImportPlan plan) {
    return new ImportResult(batchId, false, 0, 0, 0, plan.errors(), plan.warnings());
  }
}
