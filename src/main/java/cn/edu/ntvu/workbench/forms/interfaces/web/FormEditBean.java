package cn.edu.ntvu.workbench.forms.interfaces.web;

import cn.edu.ntvu.workbench.forms.application.FormAccessDenied;
import cn.edu.ntvu.workbench.forms.application.FormBuilder;
import cn.edu.ntvu.workbench.forms.application.FormRow;
import cn.edu.ntvu.workbench.forms.application.FormsTexts;
import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.forms.domain.FormStatus;
import cn.edu.ntvu.workbench.forms.domain.Problem;
import cn.edu.ntvu.workbench.forms.domain.Question;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.web.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /forms/edit.xhtml?id=}: the builder on a phone, for owners and co-owners. A draft's
 * settings, questions (add, edit one at a time, move up and down, delete), audience and co-owners,
 * then publish; later close, archive, copy. Each button is a plain post that saves at once, so
 * nothing is lost when the page is closed.
 *
 * <p>This bean is the page and the form's lifecycle (load, publish, close, archive, copy); its
 * parts change for reasons of their own: the settings ({@link FormSettingsEditor}, {@code
 * #{formEdit.settings…}}), the audience ({@link AudienceEditor}) and the question editor ({@link
 * QuestionEditor}). The parts act through {@link #act}, so every owner action has one way of
 * refusing and of showing problems.
 */
@Requires(kind = PersonKind.STAFF)
@Named("formEdit")
@ViewScoped
public class FormEditBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject FormBuilder builder;

  private String idParam;
  private long id;
  private FormRow form;
  private List<Question> questions = List.of();
  private List<AudienceRule> audience = List.of();
  private boolean refused;
  private List<String> problems = List.of();

  /**
   * Where the problems are shown: beside the field they are about ("audience", "coOwners",
   * "publish"), else on top.
   */
  private String problemsAt;

  private final FormSettingsEditor settings = new FormSettingsEditor(this);
  private final AudienceEditor audienceEditor = new AudienceEditor(this);
  private final QuestionEditor questionEditor = new QuestionEditor(this);

  public void load() {
    if (form != null) {
      return;
    }
    id = Pages.id(idParam);
    try {
      reload();
    } catch (FormAccessDenied e) {
      refuse();
      return;
    }
    settings.show(form.settings(), builder.coOwners(id));
    if (Pages.param("published") != null) {
      Pages.info(FormsTexts.ofView().get("forms.builder.published"));
    }
  }

  private void refuse() {
    refused = true;
    form = null;
    Pages.status(HttpServletResponse.SC_FORBIDDEN);
  }

  private void reload() {
    form = builder.owned(me.get(), id);
    questions = builder.questions(id);
    audience = builder.audience(id);
  }

  /**
   * Runs an owner action; a form that is no longer a draft or no longer theirs gets a sentence, not
   * an error.
   */
  boolean act(Runnable action) {
    problems = List.of();
    problemsAt = null;
    try {
      action.run();
      reload();
      return true;
    } catch (FormBuilder.FormNotDraft e) {
      Pages.error(FormsTexts.ofView().get("forms.builder.error.notDraft"));
    } catch (FormAccessDenied e) {
      refuse();
    }
    return false;
  }

  /** Shows {@code found} on top of the page; true when there is nothing to show. */
  boolean shown(List<Problem> found) {
    FormsTexts t = FormsTexts.ofView();
    problems = found.stream().map(t::of).toList();
    return found.isEmpty();
  }

  /** Like {@link #shown(List)}, the problems beside the field {@code where}. */
  boolean shownAt(String where, List<Problem> found) {
    problemsAt = where;
    return shown(found);
  }

  /** Sets the problems shown (already in words) and where ({@code null}: on top). */
  void problems(List<String> texts, String where) {
    problems = texts;
    problemsAt = where;
  }

  // ---- lifecycle

  public String publish() {
    boolean[] ok = {false};
    act(() -> ok[0] = shownAt("publish", builder.publish(me.get(), id)));
    return ok[0] ? "results.xhtml?faces-redirect=true&published=1&id=" + id : null;
  }

  public void close() {
    act(
        () ->
            Pages.info(
                FormsTexts.ofView()
                    .get(
                        builder.close(me.get(), id)
                            ? "forms.builder.closed"
                            : "forms.builder.error.notOpen")));
  }

  public void archive() {
    act(
        () ->
            Pages.info(
                FormsTexts.ofView()
                    .get(
                        builder.archive(me.get(), id)
                            ? "forms.builder.archived"
                            : "forms.builder.error.notClosed")));
  }

  public String copy() {
    long[] copy = {0};
    act(() -> copy[0] = builder.copy(me.get(), id));
    return copy[0] == 0 ? null : "edit.xhtml?faces-redirect=true&id=" + copy[0];
  }

  // ---- for the page

  public FormSettingsEditor getSettings() {
    return settings;
  }

  public AudienceEditor getAudienceEditor() {
    return audienceEditor;
  }

  public QuestionEditor getQuestionEditor() {
    return questionEditor;
  }

  public boolean isRefused() {
    return refused;
  }

  public FormRow getForm() {
    return form;
  }

  public boolean isDraft() {
    return form != null && form.status() == FormStatus.DRAFT;
  }

  public boolean isPublished() {
    return form != null && form.status() == FormStatus.PUBLISHED;
  }

  public List<Question> getQuestions() {
    return questions;
  }

  public List<AudienceRule> getAudience() {
    return audience;
  }

  public List<String> getProblems() {
    return problems;
  }

  public String getProblemsAt() {
    return problemsAt;
  }

  public long getId() {
    return id;
  }

  public String getIdParam() {
    return idParam;
  }

  public void setIdParam(String idParam) {
    this.idParam = idParam;
  }
}
