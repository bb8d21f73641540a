package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.DirectoryImportService;
import cn.edu.ntvu.workbench.identity.application.ImportKind;
import cn.edu.ntvu.workbench.identity.application.ImportPreview;
import cn.edu.ntvu.workbench.identity.application.ImportProblem;
import cn.edu.ntvu.workbench.identity.application.ImportResult;
import cn.edu.ntvu.workbench.platform.imports.TabularFileReader;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.ImportUpload;
import cn.edu.ntvu.workbench.platform.web.ProblemLine;
import cn.edu.ntvu.workbench.platform.web.ProblemList;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.List;

/**
 * Backs {@code /admin/directory/import.xhtml}: upload a file, look at the preview, confirm. Only
 * the batch id is kept between requests; the file itself waits in the database.
 */
@Requires(roles = Role.ADMIN)
@Named("directoryImport")
@ViewScoped
public class DirectoryImportBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject DirectoryImportService service;
  @Inject CurrentUser me;

  private ImportKind kind = ImportKind.PEOPLE;
  private transient Part upload;
  private ImportPreview preview;
  private ImportResult result;
  private ProblemList errors = ProblemList.NONE;
  private ProblemList warnings = ProblemList.NONE;
  private ProblemList resultErrors = ProblemList.NONE;

  public void previewUpload() {
    result = null;
    preview = null;
    byte[] content = ImportUpload.read(upload, TabularFileReader.MAX_BYTES);
    if (content == null) {
      return;
    }
    preview = shown(service.preview(kind, upload.getSubmittedFileName(), content, actorAccount()));
  }

  /**
   * The preview as kept between requests: its problems live on as the lines the page shows, and one
   * error stays so that {@link ImportPreview#canApply()} still answers.
   */
  private ImportPreview shown(ImportPreview full) {
    errors = ProblemList.of(full.errors(), DirectoryImportBean::line);
    warnings = ProblemList.of(full.warnings(), DirectoryImportBean::line);
    return new ImportPreview(
        full.batchId(),
        full.kind(),
        full.fileName(),
        full.creates(),
        full.updates(),
        full.unchanged(),
        full.errors().subList(0, Math.min(1, full.errors().size())),
        List.of());
  }

  public void confirm() {
    if (preview == null || !preview.canApply()) {
      return;
    }
    try {
      result = service.apply(preview.batchId(), me.auditActor());
    } catch (RuntimeException e) {
      ImportUpload.error(DirectoryMessages.BUNDLE, "import.page.applyFailed", List.of());
      return;
    }
    resultErrors = ProblemList.of(result.errors(), DirectoryImportBean::line);
    if (result.applied()) {
      preview = null;
    }
  }

  public void reset() {
    preview = null;
    result = null;
  }

  /** The signed-in admin's account, recorded with the batch and in the audit log. */
  protected String actorAccount() {
    return me.getAccount();
  }

  static ProblemLine line(ImportProblem p) {
    String column =
        p.column().isEmpty()
            ? ""
            : DirectoryMessages.labelOr("import.column." + p.column(), p.column());
    return ProblemLine.at(
        BundleText.viewLocale(),
        p.line(),
        column,
        DirectoryMessages.format(p.messageKey(), p.args()));
  }

  public ImportKind[] getKinds() {
    return ImportKind.values();
  }

  public ProblemList getErrors() {
    return errors;
  }

  public ProblemList getWarnings() {
    return warnings;
  }

  public ProblemList getResultErrors() {
    return resultErrors;
  }

  public int getMaxBytes() {
    return TabularFileReader.MAX_BYTES;
  }

  public ImportKind getKind() {
    return kind;
  }

  public void setKind(ImportKind kind) {
    this.kind = kind;
  }

  public Part getUpload() {
    return upload;
  }

  public void setUpload(Part upload) {
    this.upload = upload;
  }

  public ImportPreview getPreview() {
    return preview;
  }

  public ImportResult getResult() {
    return result;
  }
}
