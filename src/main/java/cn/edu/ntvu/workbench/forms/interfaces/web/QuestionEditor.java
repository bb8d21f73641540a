package cn.edu.ntvu.workbench.forms.interfaces.web;

import cn.edu.ntvu.workbench.forms.application.FormsTexts;
import cn.edu.ntvu.workbench.forms.domain.AnswerCheck;
import cn.edu.ntvu.workbench.forms.domain.ChoiceOption;
import cn.edu.ntvu.workbench.forms.domain.Question;
import cn.edu.ntvu.workbench.forms.domain.QuestionType;
import cn.edu.ntvu.workbench.platform.web.Pages;
import jakarta.faces.model.SelectItem;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The builder's question editor ({@code #{formEdit.questionEditor…}}): one question at a time — a
 * new one of a type, or an existing one — with the fields its type has (options, number range and
 * decimals, choices, length, file kinds and size), saved at once; and moving and deleting
 * questions. What changes when a question type is added or gains a field.
 */
public class QuestionEditor implements Serializable {
  private static final long serialVersionUID = 1L;

  private final FormEditBean page;
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

  QuestionEditor(FormEditBean page) {
    this.page = page;
  }

  public void startNew() {
    QuestionType t = QuestionType.parse(newType);
    if (t == null) {
      return;
    }
    edit(Question.blank(t, page.getQuestions().size() + 1));
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
    // A new question starts with no options (the box shows an example): "选项1/选项2" as values had
    // to be deleted by hand on a phone, and were kept as answers when forgotten.
    editOptions =
        q.id() == 0
            ? ""
            : q.options().stream().map(ChoiceOption::label).collect(Collectors.joining("\n"));
    editMin = text(q.min());
    editMax = text(q.max());
    editDecimals = text(q.decimals());
    editMinChoices = text(q.minChoices());
    editMaxChoices = text(q.maxChoices());
    editMaxLength = text(q.maxLength());
    editImagesOnly = q.imagesOnly();
    editMaxKb = text(q.maxKilobytes());
    page.problems(List.of(), null);
  }

  private static String text(Object o) {
    return o == null
        ? ""
        : o instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : o.toString();
  }

  public void cancelEdit() {
    editing = false;
    page.problems(List.of(), null);
  }

  public void saveQuestion() {
    Question q;
    try {
      q =
          new Question(
              editId,
              0,
              editType,
              editTitle,
              editHelp,
              editRequired,
              dec(editMin),
              dec(editMax),
              integer(editDecimals),
              integer(editMinChoices),
              integer(editMaxChoices),
              integer(editMaxLength),
              editType.hasOptions()
                  ? Question.optionsFromLines(editOptions, editBefore)
                  : List.of(),
              editImagesOnly,
              integer(editMaxKb));
    } catch (NumberFormatException e) {
      page.problems(List.of(FormsTexts.ofView().get("forms.builder.error.badNumber")), null);
      return;
    }
    page.act(
        () -> {
          if (page.shown(page.builder.saveQuestion(page.me.get(), page.getId(), q))) {
            editing = false;
            Pages.info(FormsTexts.ofView().get("forms.builder.questionSaved"));
          }
        });
  }

  private static BigDecimal dec(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String v = AnswerCheck.halfWidth(s);
    if (!v.matches("[-+]?[0-9]{1,15}(\\.[0-9]{1,10})?")) {
      throw new NumberFormatException(s);
    }
    return new BigDecimal(v);
  }

  private static Integer integer(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String v = AnswerCheck.halfWidth(s);
    if (!v.matches("[0-9]{1,6}")) {
      throw new NumberFormatException(s);
    }
    return Integer.valueOf(v);
  }

  public void up(Question q) {
    page.act(() -> page.builder.move(page.me.get(), page.getId(), q.id(), -1));
  }

  public void down(Question q) {
    page.act(() -> page.builder.move(page.me.get(), page.getId(), q.id(), 1));
  }

  public void delete(Question q) {
    page.act(() -> page.builder.deleteQuestion(page.me.get(), page.getId(), q.id()));
    if (editId == q.id()) {
      editing = false;
    }
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

  /**
   * The largest-file choices a teacher picks from: 1, 2, 5 and 10 MB (the limit), and the stored
   * value when it is none of those (set before the choices existed), so editing keeps it.
   */
  public List<SelectItem> getMaxKbChoices() {
    List<SelectItem> out = new ArrayList<>();
    TreeSet<Integer> kbs =
        new TreeSet<>(List.of(1024, 2 * 1024, Question.FILE_KB_DEFAULT, Question.FILE_KB_LIMIT));
    try {
      if (editMaxKb != null && !editMaxKb.isBlank()) {
        int current = Integer.parseInt(editMaxKb.strip());
        if (current >= 1 && current <= Question.FILE_KB_LIMIT) {
          kbs.add(current);
        }
      }
    } catch (NumberFormatException e) {
      // a forged value: only the standard choices
    }
    for (int kb : kbs) {
      String mb =
          kb % 1024 == 0
              ? String.valueOf(kb / 1024)
              : BigDecimal.valueOf(kb)
                  .divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP)
                  .toPlainString();
      out.add(new SelectItem(String.valueOf(kb), mb + " MB"));
    }
    return out;
  }

  public String getEditMaxKb() {
    return editMaxKb;
  }

  public void setEditMaxKb(String editMaxKb) {
    this.editMaxKb = editMaxKb;
  }
}
