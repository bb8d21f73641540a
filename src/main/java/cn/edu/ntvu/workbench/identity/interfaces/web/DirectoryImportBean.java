package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.DirectoryImportService;
import cn.edu.ntvu.workbench.identity.application.ImportKind;
import cn.edu.ntvu.workbench.identity.application.ImportPreview;
import cn.edu.ntvu.workbench.identity.application.ImportProblem;
import cn.edu.ntvu.workbench.identity.application.ImportResult;
import cn.edu.ntvu.workbench.identity.infrastructure.imports.TabularFileReader;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/**
 * Backs {@code /admin/directory/import.xhtml}: upload a file, look at the preview, confirm. Only the batch id is
 * kept between requests; the file itself waits in the database.
 */
@Named("directoryImport")
@ViewScoped
public class DirectoryImportBean implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The page lists this many problems of each severity; the total is shown beside. */
  static final int SHOWN_PROBLEMS = 500;

  @Inject DirectoryImportService service;
  @Inject CurrentUser me;

  private ImportKind kind = ImportKind.PEOPLE;
  private transient Part upload;
  private ImportPreview preview;
  private ImportResult result;
  private int errorTotal;
  private int warningTotal;

  /** One problem as the page shows it. */
  public record ProblemLine(String where, String column, String reason) implements Serializable {
    // Jakarta EE 10 expression language resolves JavaBean getters, not record accessors.

    public String getWhere() {
      return where;
    }

    public String getColumn() {
      return column;
    }

    public String getReason() {
      return reason;
    }
  }

  public void previewUpload() {
    result = null;
    preview = null;
    if (upload == null || upload.getSize() == 0) {
      error("import.page.chooseFile", List.of());
      return;
    }
    if (upload.getSize() > TabularFileReader.MAX_BYTES) {
      error("import.file.tooLarge", List.of(String.valueOf(TabularFileReader.MAX_BYTES / (1024 * 1024))));
      return;
    }
    byte[] content;
    try (InputStream in = upload.getInputStream()) {
      content = in.readNBytes(TabularFileReader.MAX_BYTES + 1);
    } catch (IOException e) {
      error("import.page.uploadFailed", List.of());
      return;
    }
    preview = shown(service.preview(kind, upload.getSubmittedFileName(), content, actorAccount()));
  }

  /** The preview with at most {@link #SHOWN_PROBLEMS} of each list, so a bad 15,000-line file stays light. */
  private ImportPreview shown(ImportPreview full) {
    errorTotal = full.errors().size();
    warningTotal = full.warnings().size();
    return new ImportPreview(
        full.batchId(),
        full.kind(),
        full.fileName(),
        full.creates(),
        full.updates(),
        full.unchanged(),
        full.errors().subList(0, Math.min(SHOWN_PROBLEMS, errorTotal)),
        full.warnings().subList(0, Math.min(SHOWN_PROBLEMS, warningTotal)));
  }

  public void confirm() {
    if (preview == null || !preview.canApply()) {
      return;
    }
    try {
      result = service.apply(preview.batchId(), actorAccount());
    } catch (RuntimeException e) {
      error("import.page.applyFailed", List.of());
      return;
    }
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

  public List<ProblemLine> getErrorLines() {
    return lines(preview == null ? List.of() : preview.errors());
  }

  public List<ProblemLine> getWarningLines() {
    return lines(preview == null ? List.of() : preview.warnings());
  }

  public List<ProblemLine> getResultErrorLines() {
    return lines(result == null ? List.of() : result.errors());
  }

  private static List<ProblemLine> lines(List<ImportProblem> problems) {
    return problems.stream().limit(SHOWN_PROBLEMS).map(DirectoryImportBean::line).toList();
  }

  static ProblemLine line(ImportProblem p) {
    String where =
        p.line() == 0
            ? DirectoryMessages.format("import.line.file", List.of())
            : DirectoryMessages.format("import.line.number", List.of(String.valueOf(p.line())));
    String column =
        p.column().isEmpty() ? "" : DirectoryMessages.labelOr("import.column." + p.column(), p.column());
    return new ProblemLine(where, column, DirectoryMessages.format(p.messageKey(), p.args()));
  }

  private static void error(String key, List<String> args) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(FacesMessage.SEVERITY_ERROR, DirectoryMessages.format(key, args), null));
  }

  public ImportKind[] getKinds() {
    return ImportKind.values();
  }

  public int getErrorTotal() {
    return errorTotal;
  }

  public int getWarningTotal() {
    return warningTotal;
  }

  public int getShownProblems() {
    return SHOWN_PROBLEMS;
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
