package cn.edu.ntvu.workbench.forms.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.forms.application.FormAccessDenied;
import cn.edu.ntvu.workbench.forms.application.FormBuilder;
import cn.edu.ntvu.workbench.forms.application.FormRow;
import cn.edu.ntvu.workbench.forms.application.FormsTexts;
import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.forms.domain.ChoiceOption;
import cn.edu.ntvu.workbench.forms.domain.FormSettings;
import cn.edu.ntvu.workbench.forms.domain.FormStatus;
import cn.edu.ntvu.workbench.forms.domain.Problem;
import cn.edu.ntvu.workbench.forms.domain.Question;
import cn.edu.ntvu.workbench.forms.domain.QuestionType;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /forms/edit.xhtml?id=}: the builder on a phone, for owners and co-owners. A draft's settings, questions
 * (add, edit one at a time, move up and down, delete), audience and co-owners, then publish; later close, archive,
 * copy. Each button is a plain post that saves at once, so nothing is lost when the page is closed.
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

  private String title;
  private String description;
  private String deadline;
  private boolean severalResponses;
  private boolean editable;
  private boolean anonymous;
  private String coOwners;

  private String audienceKind = AudienceRule.Kind.CLASS.name();
  private String audienceValue;

  private String newType = QuestionType.TEXT.name();
  private boolean editing;
  private long editId;
  private QuestionType editType;
  private String editTitle;
  private String editHelp;
  private boolean editRequired;
  private String editOptions;
  private String editMin;
  private String editMax;
  private String editDecimals;
  private String editMinChoices;
  private String editMaxChoices;
  private String editMaxLength;
  private boolean editImagesOnly = true;
  private String editMaxKb;
  private List<ChoiceOption> editBefore = List.of();
  private List<String> problems = List.of();
  /** Where the problems are shown: beside the field they are about ("audience", "coOwners", "publish"), else on top. */
  private String problemsAt;

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
    FormSettings s = form.settings();
    title = s.title();
    description = s.description();
    deadline = s.deadline() == null ? "" : s.deadline().toString();
    severalResponses = s.severalResponses();
    editable = s.editable();
    anonymous = s.anonymous();
    coOwners = String.join(" ", builder.coOwners(id));
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

  /** Runs an owner action; a form that is no longer a draft or no longer theirs gets a sentence, not an error. */
  private boolean act(Runnable action) {
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

  private boolean shown(List<Problem> found) {
    FormsTexts t = FormsTexts.ofView();
    problems = found.stream().map(t::of).toList();
    return found.isEmpty();
  }

  /** Like {@link #shown(List)}, the problems beside the field {@code where}. */
  private boolean shownAt(String where, List<Problem> found) {
    problemsAt = where;
    return shown(found);
  }

  /** The deadline field as typed: empty is none; a value that is no date and time is told and returns false. */
  private boolean readDeadline(LocalDateTime[] into) {
    try {
      into[0] = deadline == null || deadline.isBlank() ? null : LocalDateTime.parse(deadline.strip());
      return true;
    } catch (DateTimeParseException e) {
      problems = List.of(FormsTexts.ofView().get("forms.builder.error.badDeadline"));
      return false;
    }
  }

  public void saveSettings() {
    LocalDateTime[] read = new LocalDateTime[1];
    if (!readDeadline(read)) {
      return;
    }
    LocalDateTime d = read[0];
    FormSettings s = new FormSettings(title, description, d, severalResponses, editable, anonymous);
    act(() -> {
      if (shown(builder.saveSettings(me.get(), id, s))) {
        Pages.info(FormsTexts.ofView().get("forms.builder.saved"));
      }
    });
  }

  /** The deadline of a published form (the only setting that changes after publishing). */
  public void saveDeadline() {
    LocalDateTime[] read = new LocalDateTime[1];
    if (!readDeadline(read)) {
      return;
    }
    LocalDateTime d = read[0];
    act(() -> {
      if (shown(builder.changeDeadline(me.get(), id, d))) {
        Pages.info(FormsTexts.ofView().get("forms.builder.deadlineSaved"));
      }
    });
  }

  public void saveCoOwners() {
    act(() -> {
      if (shownAt("coOwners", builder.setCoOwners(me.get(), id, coOwners))) {
        Pages.info(FormsTexts.ofView().get("forms.builder.saved"));
      }
    });
  }

  public void addAudience() {
    AudienceRule.Kind kind;
    AudienceRule rule;
    try {
      kind = AudienceRule.Kind.valueOf(audienceKind);
      rule = new AudienceRule(kind, audienceValue);
    } catch (IllegalArgumentException | NullPointerException e) {
      problems = List.of(FormsTexts.ofView().get("forms.builder.error.audienceValue"));
      problemsAt = "audience";
      return;
    }
    act(() -> {
      if (shownAt("audience", builder.addAudience(me.get(), id, rule))) {
        audienceValue = null;
      }
    });
  }

  public void removeAudience(AudienceRule rule) {
    act(() -> builder.removeAudience(me.get(), id, rule));
  }

  public String describe(AudienceRule r) {
    FormsTexts t = FormsTexts.ofView();
    String what = r.kind() == AudienceRule.Kind.MY_CLASSES ? "" : r.kind() == AudienceRule.Kind.ROLE
        ? t.get("forms.role." + r.value()) : builder.describe(r) + " (" + r.value() + ")";
    return t.get("forms.audience." + r.kind().name()) + " " + what;
  }

  // ---- questions

  public void startNew() {
    QuestionType t = QuestionType.parse(newType);
    if (t == null) {
      return;
    }
    edit(Question.blank(t, questions.size() + 1));
  }

  public void startEdit(Question q) {
    edit(q);
  }

  private void edit(Question q) {
    editing = true;
    editId = q.id();
    editType = q.type();
    editTitle = q.title();
    editHelp = q.help();
    editRequired = q.required();
    editBefore = q.options();
    editOptions = q.options().stream().map(ChoiceOption::label).collect(Collectors.joining("\n"));
    editMin = text(q.min());
    editMax = text(q.max());
    editDecimals = text(q.decimals());
    editMinChoices = text(q.minChoices());
    editMaxChoices = text(q.maxChoices());
    editMaxLength = text(q.maxLength());
    editImagesOnly = q.imagesOnly();
    editMaxKb = text(q.maxKilobytes());
    problems = List.of();
  }

  private static String text(Object o) {
    return o == null ? "" : o instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : o.toString();
  }

  public void cancelEdit() {
    editing = false;
    problems = List.of();
  }

  public void saveQuestion() {
    Question q;
    try {
      q = new Question(editId, 0, editType, editTitle, editHelp, editRequired, dec(editMin), dec(editMax),
          integer(editDecimals), integer(editMinChoices), integer(editMaxChoices), integer(editMaxLength),
          editType.hasOptions() ? Question.optionsFromLines(editOptions, editBefore) : List.of(), editImagesOnly,
          integer(editMaxKb));
    } catch (NumberFormatException e) {
      problems = List.of(FormsTexts.ofView().get("forms.builder.error.badNumber"));
      return;
    }
    act(() -> {
      if (shown(builder.saveQuestion(me.get(), id, q))) {
        editing = false;
        Pages.info(FormsTexts.ofView().get("forms.builder.questionSaved"));
      }
    });
  }

  private static BigDecimal dec(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String v = cn.edu.ntvu.workbench.forms.domain.AnswerCheck.halfWidth(s);
    if (!v.matches("[-+]?[0-9]{1,15}(\\.[0-9]{1,10})?")) {
      throw new NumberFormatException(s);
    }
    return new BigDecimal(v);
  }

  private static Integer integer(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String v = cn.edu.ntvu.workbench.forms.domain.AnswerCheck.halfWidth(s);
    if (!v.matches("[0-9]{1,6}")) {
      throw new NumberFormatException(s);
    }
    return Integer.valueOf(v);
  }

  public void up(Question q) {
    act(() -> builder.move(me.get(), id, q.id(), -1));
  }

  public void down(Question q) {
    act(() -> builder.move(me.get(), id, q.id(), 1));
  }

  public void delete(Question q) {
    act(() -> builder.deleteQuestion(me.get(), id, q.id()));
    if (editId == q.id()) {
      editing = false;
    }
  }

  // ---- lifecycle

  public String publish() {
    boolean[] ok = {false};
    act(() -> ok[0] = shownAt("publish", builder.publish(me.get(), id)));
    return ok[0] ? "results.xhtml?faces-redirect=true&published=1&id=" + id : null;
  }

  public void close() {
    act(() -> Pages.info(FormsTexts.ofView().get(builder.close(me.get(), id) ? "forms.builder.closed"
        : "forms.builder.error.notOpen")));
  }

  public void archive() {
    act(() -> Pages.info(FormsTexts.ofView().get(builder.archive(me.get(), id) ? "forms.builder.archived"
        : "forms.builder.error.notClosed")));
  }

  public String copy() {
    long[] copy = {0};
    act(() -> copy[0] = builder.copy(me.get(), id));
    return copy[0] == 0 ? null : "edit.xhtml?faces-redirect=true&id=" + copy[0];
  }

  // ---- for the page

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

  public AudienceRule.Kind[] getAudienceKinds() {
    return AudienceRule.Kind.values();
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

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getDeadline() {
    return deadline;
  }

  public void setDeadline(String deadline) {
    this.deadline = deadline;
  }

  public boolean isSeveralResponses() {
    return severalResponses;
  }

  public void setSeveralResponses(boolean severalResponses) {
    this.severalResponses = severalResponses;
  }

  public boolean isEditable() {
    return editable;
  }

  public void setEditable(boolean editable) {
    this.editable = editable;
  }

  public boolean isAnonymous() {
    return anonymous;
  }

  public void setAnonymous(boolean anonymous) {
    this.anonymous = anonymous;
  }

  public String getCoOwners() {
    return coOwners;
  }

  public void setCoOwners(String coOwners) {
    this.coOwners = coOwners;
  }

  public String getAudienceKind() {
    return audienceKind;
  }

  public void setAudienceKind(String audienceKind) {
    this.audienceKind = audienceKind;
  }

  public String getAudienceValue() {
    return audienceValue;
  }

  public void setAudienceValue(String audienceValue) {
    this.audienceValue = audienceValue;
  }

  public String getNewType() {
    return newType;
  }

  public void setNewType(String newType) {
    this.newType = newType;
  }

  public boolean isEditing() {
    return editing;
  }

  public QuestionType getEditType() {
    return editType;
  }

  public String getEditTitle() {
    return editTitle;
  }

  public void setEditTitle(String editTitle) {
    this.editTitle = editTitle;
  }

  public String getEditHelp() {
    return editHelp;
  }

  public void setEditHelp(String editHelp) {
    this.editHelp = editHelp;
  }

  public boolean isEditRequired() {
    return editRequired;
  }

  public void setEditRequired(boolean editRequired) {
    this.editRequired = editRequired;
  }

  public String getEditOptions() {
    return editOptions;
  }

  public void setEditOptions(String editOptions) {
    this.editOptions = editOptions;
  }

  public String getEditMin() {
    return editMin;
  }

  public void setEditMin(String editMin) {
    this.editMin = editMin;
  }

  public String getEditMax() {
    return editMax;
  }

  public void setEditMax(String editMax) {
    this.editMax = editMax;
  }

  public String getEditDecimals() {
    return editDecimals;
  }

  public void setEditDecimals(String editDecimals) {
    this.editDecimals = editDecimals;
  }

  public String getEditMinChoices() {
    return editMinChoices;
  }

  public void setEditMinChoices(String editMinChoices) {
    this.editMinChoices = editMinChoices;
  }

  public String getEditMaxChoices() {
    return editMaxChoices;
  }

  public void setEditMaxChoices(String editMaxChoices) {
    this.editMaxChoices = editMaxChoices;
  }

  public String getEditMaxLength() {
    return editMaxLength;
  }

  public void setEditMaxLength(String editMaxLength) {
    this.editMaxLength = editMaxLength;
  }

  public boolean isEditImagesOnly() {
    return editImagesOnly;
  }

  public void setEditImagesOnly(boolean editImagesOnly) {
    this.editImagesOnly = editImagesOnly;
  }

  public String getEditMaxKb() {
    return editMaxKb;
  }

  public void setEditMaxKb(String editMaxKb) {
    this.editMaxKb = editMaxKb;
  }
}
