package cn.edu.ntvu.workbench.identity.application;

import java.util.List;

/**
 * What an import would do, shown before anything is written. {@code batchId} identifies the stored
 * upload to confirm; it is null when the file could not be read at all.
 */
public record ImportPreview(
    Long batchId,
    ImportKind kind,
    String fileName,
    int creates,
    int updates,
    int unchanged,
    List<ImportProblem> errors,
    List<ImportProblem> warnings)
    implements java.io.Serializable {

  public ImportPreview {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  static ImportPreview of(Long batchId, String fileName, ImportPlan plan) {
    return new ImportPreview(
        batchId,
        plan.kind(),
        fileName,
        plan.count(PlannedChange.Change.CREATE),
        plan.count(PlannedChange.Change.UPDATE),
        plan.count(PlannedChange.Change.UNCHANGED),
        plan.errors(),
        plan.warnings());
  }

  /** Only a stored, error-free file may be confirmed. */
  public boolean canApply() {
    return batchId != null && errors.isEmpty();
  }
}
