package cn.edu.ntvu.workbench.timetable.interfaces.web;

import cn.edu.ntvu.workbench.platform.imports.TabularFileReader;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.ImportUpload;
import cn.edu.ntvu.workbench.platform.web.ProblemLine;
import cn.edu.ntvu.workbench.platform.web.ProblemList;
import cn.edu.ntvu.workbench.timetable.application.TimetableChange;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportKind;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportResult;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportService;
import cn.edu.ntvu.workbench.timetable.application.TimetablePreview;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Backs {@code /admin/timetable/import.xhtml}: choose what the file is, upload it, read the preview
 * (what it replaces, every bad line), confirm. The file waits in the database between preview and
 * confirmation; the page keeps the preview as text in the admin's language and the ids of the
 * batches it previewed.
 *
 * <p>The confirm button posts the id of the batch its page showed, so a confirmation sent again (a
 * double tap, the back button) names a batch that is already applied, and the service says so
 * instead of importing twice.
 */
@Requires(roles = Role.ADMIN)
@Named("timetableImport")
@ViewScoped
public class TimetableImportBean implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Request attribute: the outcome belongs to the request that confirmed, not to the page. */
  private static final String OUTCOME = TimetableImportBean.class.getName() + ".outcome";

  @Inject TimetableImportService service;
  @Inject CurrentUser me;

  private TimetableImportKind kind = TimetableImportKind.TIMETABLE_ZF;
  private transient Part upload;
  private transient Long postedBatch;
  private final Set<Long> previewed = new HashSet<>();
  private Preview preview;

  /**
   * A previewed file as the page shows it, already in the admin's language; small enough for the
   * session.
   */
  public record Preview(
      Long batchId,
      TimetableImportKind kind,
      String fileName,
      String termCode,
      int items,
      boolean canApply,
      List<String> changes,
      ProblemList errors,
      ProblemList warnings,
      TimetableImportKind fittingKind)
      implements Serializable {}

  /**
   * What confirming did: applied, already applied before, or refused (nothing written) with the
   * reasons.
   */
  public record Outcome(
      boolean applied,
      boolean alreadyApplied,
      long batchId,
      TimetableImportKind kind,
      int items,
      List<String> changes,
      ProblemList errors) {}

  public void previewUpload() {
    preview = null;
    kind = postedKind().orElse(kind);
    byte[] content = ImportUpload.read(upload, TabularFileReader.MAX_BYTES);
    if (content == null) {
      return;
    }
    TimetablePreview p =
        service.preview(kind, upload.getSubmittedFileName(), content, me.getAccount());
    Locale locale = BundleText.viewLocale();
    preview =
        new Preview(
            p.batchId(),
            p.kind(),
            p.fileName(),
            p.termCode(),
            p.items(),
            p.canApply(),
            texts(locale, p.changes(), ""),
            ProblemList.of(p.errors(), e -> TimetableTexts.line(locale, e)),
            ProblemList.of(p.warnings(), w -> TimetableTexts.line(locale, w)),
            p.fittingKind());
    if (p.batchId() != null) {
      previewed.add(p.batchId());
    }
  }

  /** The kind the admin chose: a plain radio group named {@code kind}. */
  private static Optional<TimetableImportKind> postedKind() {
    String posted =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("kind");
    return Arrays.stream(TimetableImportKind.values())
        .filter(k -> k.name().equals(posted))
        .findFirst();
  }

  /** Imports the batch the submitted page showed, if this page previewed it. */
  public void confirm() {
    Long batch = postedBatch;
    if (batch == null || !previewed.contains(batch)) {
      return;
    }
    TimetableImportResult r;
    try {
      r = service.apply(batch, me.auditActor());
    } catch (RuntimeException e) {
      ImportUpload.error(ProblemLine.IMPORT_BUNDLE, "import.page.applyFailed", List.of());
      return;
    }
    if (r.applied() && r.kind().compareTo(TimetableImportKind.TIMETABLE_ZF) < 0) {
      // the next file in the import order: terms, period times, calendar, timetable
      kind = TimetableImportKind.values()[r.kind().ordinal() + 1];
    }
    Locale locale = BundleText.viewLocale();
    FacesContext.getCurrentInstance()
        .getAttributes()
        .put(
            OUTCOME,
            new Outcome(
                r.applied(),
                r.alreadyApplied(),
                batch,
                r.kind(),
                r.items(),
                texts(locale, r.changes(), ".done"),
                ProblemList.of(r.errors(), e -> TimetableTexts.line(locale, e))));
  }

  public void reset() {
    preview = null;
  }

  private static List<String> texts(Locale locale, List<TimetableChange> changes, String suffix) {
    return changes.stream()
        .map(
            c ->
                TimetableTexts.format(
                    locale,
                    c.messageKey() + suffix,
                    c.args().stream()
                        .map(
                            a ->
                                a.startsWith("#")
                                    ? TimetableTexts.format(locale, a.substring(1), List.of())
                                    : a)
                        .toList()))
        .toList();
  }

  public Outcome getOutcome() {
    return (Outcome) FacesContext.getCurrentInstance().getAttributes().get(OUTCOME);
  }

  /** The upload form shows until a file is previewed, and again after it was confirmed. */
  public boolean isUploading() {
    return preview == null || getOutcome() != null;
  }

  public Preview getPreview() {
    return preview;
  }

  public TimetableImportKind[] getKinds() {
    return TimetableImportKind.values();
  }

  public int getMaxBytes() {
    return TabularFileReader.MAX_BYTES;
  }

  public TimetableImportKind getKind() {
    return kind;
  }

  public Part getUpload() {
    return upload;
  }

  public void setUpload(Part upload) {
    this.upload = upload;
  }

  /** Rendered into the preview form: the batch that form confirms. */
  public Long getPostedBatch() {
    return preview == null ? null : preview.batchId();
  }

  public void setPostedBatch(Long batch) {
    this.postedBatch = batch;
  }
}
