package cn.edu.ntvu.workbench.forms.interfaces.web;

import cn.edu.ntvu.workbench.forms.application.FormFilling;
import cn.edu.ntvu.workbench.forms.application.FormsTexts;
import cn.edu.ntvu.workbench.forms.application.NewFile;
import cn.edu.ntvu.workbench.forms.application.StoredAnswer;
import cn.edu.ntvu.workbench.forms.application.SubmitOutcome;
import cn.edu.ntvu.workbench.forms.domain.AnswerCheck;
import cn.edu.ntvu.workbench.forms.domain.ChoiceOption;
import cn.edu.ntvu.workbench.forms.domain.FileKind;
import cn.edu.ntvu.workbench.forms.domain.Question;
import cn.edu.ntvu.workbench.forms.domain.QuestionType;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.web.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /forms/fill.xhtml?id=}: a person of the audience fills the form on the phone (what they
 * type is kept as a server-side draft on every change), submits once (the page's one-time token),
 * sees the confirmation and their answer, and changes it until the deadline where the form allows.
 * Owners see the same page as a preview, without submitting. Anyone else: 403 and one sentence.
 */
@Named("formFill")
@ViewScoped
public class FormFillBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject FormFilling filling;
  @Inject Clock clock;

  private String idParam;
  private long id;
  private FormFilling.Sheet sheet;
  private boolean refused;
  private boolean editingAnswer;
  private boolean fresh;
  private String token;
  private transient String draftJson;
  private final Map<Long, String> typed = new HashMap<>();
  private final Map<Long, Object> ticked = new HashMap<>();
  private transient Map<Long, Object> files;
  private Map<Long, String> problems = new LinkedHashMap<>();

  public void load() {
    if (sheet != null || refused) {
      return;
    }
    id = Pages.id(idParam);
    token = UUID.randomUUID().toString();
    reload();
    if (sheet == null) {
      return;
    }
    if (sheet.myResponseId() != 0 && !sheet.form().settings().severalResponses()) {
      fillFrom(sheet.mine());
    } else if (sheet.draft() != null) {
      fillFromDraft(sheet.draft());
    }
    if (Pages.param("done") != null && sheet.myResponseId() != 0) {
      Pages.info(
          FormsTexts.ofView()
              .get(Pages.param("again") != null ? "forms.fill.again" : "forms.fill.done"));
    }
  }

  /**
   * A post whose view-scoped bean is new (a retry after the view was gone from the session): the
   * form id comes back from the view parameter, the token from the hidden field.
   */
  private boolean loaded() {
    if (sheet == null && !refused) {
      id = Pages.id(idParam);
      if (token == null) {
        token = UUID.randomUUID().toString();
      }
      reload();
    }
    return sheet != null;
  }

  private void reload() {
    sheet = filling.sheet(me.get(), id).orElse(null);
    if (sheet == null) {
      refused = true;
      Pages.status(HttpServletResponse.SC_FORBIDDEN);
    }
  }

  private void fillFrom(Map<Long, StoredAnswer> answers) {
    typed.clear();
    ticked.clear();
    for (Question q : sheet.questions()) {
      StoredAnswer a = answers.get(q.id());
      if (a == null) {
        continue;
      }
      if (q.type() == QuestionType.MULTIPLE) {
        ticked.put(q.id(), a.choices().toArray(new String[0]));
      } else if (q.type().hasOptions()) {
        typed.put(q.id(), a.choices().isEmpty() ? null : a.choices().get(0));
      } else if (q.type() == QuestionType.NUMBER) {
        typed.put(q.id(), a.number() == null ? null : AnswerCheck.plain(a.number()));
      } else if (q.type() == QuestionType.FILE) {
        typed.put(q.id(), a.fileId() == null ? null : String.valueOf(a.fileId()));
      } else {
        typed.put(q.id(), a.text());
      }
    }
  }

  private void fillFromDraft(String json) {
    readDraft(json, typed, ticked);
  }

  /**
   * The draft JSON ({@code {"t": {question id: text}, "c": {question id: [option ids]}}}) into
   * {@code t} and {@code c}, only for this form's questions; anything else in it is ignored.
   */
  private void readDraft(String json, Map<Long, String> typed, Map<Long, Object> ticked) {
    try (var reader = Jsons.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      JsonObject t = o.getJsonObject("t");
      JsonObject c = o.getJsonObject("c");
      for (Question q : sheet.questions()) {
        String k = String.valueOf(q.id());
        if (t != null
            && t.containsKey(k)
            && t.get(k).getValueType() == JsonValue.ValueType.STRING) {
          typed.put(q.id(), t.getString(k));
        }
        if (c != null && c.containsKey(k) && c.get(k).getValueType() == JsonValue.ValueType.ARRAY) {
          ticked.put(
              q.id(),
              c.getJsonArray(k).getValuesAs(jakarta.json.JsonString.class).stream()
                  .map(jakarta.json.JsonString::getString)
                  .toArray(String[]::new));
        }
      }
    } catch (RuntimeException e) {
      // A draft that cannot be read is no draft.
    }
  }

  /**
   * The automatic draft (fill.js through the page's draft form): the JSON of what is typed now,
   * read only for this form's questions (never a file question) and kept on the server. Nothing
   * once the person's one answer is in (a late post from a page being left).
   */
  public void saveDraftJson() {
    String json = draftJson;
    draftJson = null;
    if (json == null
        || json.length() > 1_000_000
        || !loaded()
        || !isFillable()
        || isAnswered() && !editingAnswer && !sheet.form().settings().severalResponses()) {
      return;
    }
    Map<Long, String> t = new HashMap<>();
    Map<Long, Object> c = new HashMap<>();
    readDraft(json, t, c);
    filling.saveDraft(me.get(), id, draftOf(t, c));
  }

  /** The 保存草稿 button: what is typed is kept on the server. */
  public void saveDraft() {
    if (!loaded() || !isFillable()) {
      return;
    }
    readChoices();
    filling.saveDraft(me.get(), id, draftOf(typed, ticked));
  }

  private String draftOf(Map<Long, String> typed, Map<Long, Object> ticked) {
    JsonObjectBuilder t = Jsons.createObjectBuilder();
    JsonObjectBuilder c = Jsons.createObjectBuilder();
    for (Question q : sheet.questions()) {
      String v = typed.get(q.id());
      if (v != null && q.type() != QuestionType.FILE) {
        t.add(String.valueOf(q.id()), v.length() > 100_000 ? v.substring(0, 100_000) : v);
      }
      List<String> ids = ticks(ticked.get(q.id()));
      if (!ids.isEmpty()) {
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        ids.forEach(a::add);
        c.add(String.valueOf(q.id()), a);
      }
    }
    return Jsons.createObjectBuilder().add("t", t).add("c", c).build().toString();
  }

  public void saveDraftNow() {
    saveDraft();
    Pages.info(FormsTexts.ofView().get("forms.fill.draftSaved"));
  }

  public void startEditing() {
    if (loaded() && isMayEdit()) {
      editingAnswer = true;
      token = UUID.randomUUID().toString();
    }
  }

  public String submit() {
    problems = new LinkedHashMap<>();
    if (!loaded()) {
      Pages.status(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    FormsTexts t = FormsTexts.ofView();
    if (!sheet.member()) {
      // An owner's preview, or a post made by hand: never stored.
      Pages.status(HttpServletResponse.SC_FORBIDDEN);
      Pages.error(t.get("forms.fill.error.notMember"));
      return null;
    }
    readChoices();
    Map<Long, String> values = new HashMap<>(typed);
    List<NewFile> newFiles = readFiles(t);
    if (!problems.isEmpty()) {
      Pages.error(t.get("forms.fill.fix"));
      return null;
    }
    Map<Long, List<String>> choices = new HashMap<>();
    sheet.questions().forEach(q -> choices.put(q.id(), ticks(q.id())));
    // The files go with the submit: stored with an accepted answer, kept for the next try when
    // other questions are
    // refused, never stored when the whole post is (see FormFilling#submit).
    SubmitOutcome out =
        filling.submit(me.get(), id, values, choices, newFiles, token, editingAnswer);
    out.stagedFiles().forEach((qid, fileId) -> typed.put(qid, String.valueOf(fileId)));
    if (out.refused()) {
      if (out.formProblem() != null) {
        if (out.formProblem().key().equals("forms.fill.error.notMember")) {
          Pages.status(HttpServletResponse.SC_FORBIDDEN);
        }
        Pages.error(t.of(out.formProblem()));
      } else {
        out.problems().forEach((qid, p) -> problems.put(qid, t.of(p)));
        Pages.error(t.get("forms.fill.fix"));
      }
      return null;
    }
    return "fill.xhtml?faces-redirect=true&done=1&id=" + id + (out.created() ? "" : "&again=1");
  }

  /**
   * The files chosen on this post, as read (the submit checks their size, content and pixels before
   * storing any). The container's copies of the parts (temporary files beyond 1 MB) are deleted as
   * soon as they are read.
   */
  private List<NewFile> readFiles(FormsTexts t) {
    List<NewFile> out = new ArrayList<>();
    try {
      for (Question q : sheet.questions()) {
        if (q.type() != QuestionType.FILE
            || !(getFiles().get(q.id()) instanceof Part p)
            || p.getSize() <= 0) {
          continue;
        }
        String name = p.getSubmittedFileName() == null ? "file" : p.getSubmittedFileName();
        name = name.length() > 200 ? name.substring(name.length() - 200) : name;
        // At most one byte beyond the limit: enough for the submit to say "too large" without
        // holding more.
        byte[] bytes;
        try (InputStream in = p.getInputStream()) {
          bytes = in.readNBytes(q.effectiveMaxKilobytes() * 1024 + 1);
        } catch (IOException e) {
          problems.put(q.id(), t.get("forms.error.fileGone"));
          continue;
        }
        out.add(
            new NewFile(
                q.id(),
                name,
                FileKind.sniff(bytes).map(FileKind::contentType).orElse(null),
                bytes));
      }
      return out;
    } finally {
      for (Object o : getFiles().values()) {
        if (o instanceof Part p) {
          try {
            p.delete();
          } catch (IOException | RuntimeException e) {
            // The container removes it at the end of the request anyway.
          }
        }
      }
      getFiles().clear();
    }
  }

  /**
   * The choice inputs of this post ({@code c<question id>}), as the browser sent them; checked
   * later by the domain.
   */
  private void readChoices() {
    Map<String, String[]> params =
        jakarta.faces.context.FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterValuesMap();
    for (Question q : sheet.questions()) {
      if (!q.type().hasOptions()) {
        continue;
      }
      String[] v = params.get("c" + q.id());
      if (q.type() == QuestionType.MULTIPLE) {
        ticked.put(q.id(), v == null ? new String[0] : v.clone());
      } else {
        typed.put(q.id(), v == null || v.length == 0 ? null : v[0]);
      }
    }
  }

  /** Whether option {@code o} of question {@code q} is chosen now (for re-showing the form). */
  public boolean picked(Question q, ChoiceOption o) {
    return q.type() == QuestionType.MULTIPLE
        ? ticks(q.id()).contains(o.id())
        : o.id().equals(typed.get(q.id()));
  }

  private List<String> ticks(long qid) {
    return ticks(ticked.get(qid));
  }

  private static List<String> ticks(Object v) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof Object[] a) {
      return Arrays.stream(a).map(String::valueOf).toList();
    }
    if (v instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(v));
  }

  // ---- for the page

  /** The answer this person gave, as words (choices by their labels). */
  public String answerText(Question q) {
    if (sheet == null) {
      return "";
    }
    StoredAnswer a = sheet.mine().get(q.id());
    if (a == null) {
      return "—";
    }
    if (q.type().hasOptions()) {
      return String.join(
          "、",
          a.choices().stream().map(c -> q.option(c).map(ChoiceOption::label).orElse(c)).toList());
    }
    if (a.number() != null) {
      return AnswerCheck.plain(a.number());
    }
    if (a.fileId() != null) {
      return FormsTexts.ofView().get("forms.fill.fileStored");
    }
    return a.text();
  }

  public Long fileOf(Question q) {
    StoredAnswer a = sheet == null ? null : sheet.mine().get(q.id());
    return a == null ? null : a.fileId();
  }

  public boolean isRefused() {
    return refused;
  }

  public FormFilling.Sheet getSheet() {
    return sheet;
  }

  public boolean isPreview() {
    return sheet != null && !sheet.member();
  }

  public boolean isOpen() {
    return sheet != null && sheet.form().open(LocalDateTime.now(clock));
  }

  /**
   * The form is shown for typing: a member, open, and not answered yet (or being changed, or
   * several allowed).
   */
  public boolean isFillable() {
    if (sheet == null) {
      return false;
    }
    if (!sheet.member()) {
      return true;
    }
    return isOpen()
        && (sheet.myResponseId() == 0
            || editingAnswer
            || sheet.form().settings().severalResponses());
  }

  public boolean isAnswered() {
    return sheet != null && sheet.myResponseId() != 0;
  }

  public boolean isMayEdit() {
    return sheet != null
        && sheet.member()
        && isOpen()
        && sheet.myResponseId() != 0
        && sheet.form().settings().editable()
        && !editingAnswer;
  }

  public boolean isHasFiles() {
    return sheet != null && sheet.questions().stream().anyMatch(q -> q.type() == QuestionType.FILE);
  }

  public String problem(Question q) {
    return problems.get(q.id());
  }

  public String getDraftJson() {
    return null;
  }

  public void setDraftJson(String draftJson) {
    this.draftJson = draftJson;
  }

  public String getToken() {
    return token;
  }

  /**
   * The token travels with the form (hidden field), so a post re-sent after its view is gone names
   * its response.
   */
  public void setToken(String token) {
    if (token != null && token.matches("[0-9a-f-]{36}")) {
      this.token = token;
    }
  }

  public Map<Long, String> getTyped() {
    return typed;
  }

  public Map<Long, Object> getTicked() {
    return ticked;
  }

  public Map<Long, Object> getFiles() {
    if (files == null) {
      files = new HashMap<>();
    }
    return files;
  }

  public String getIdParam() {
    return idParam;
  }

  public void setIdParam(String idParam) {
    this.idParam = idParam;
  }

  public long getId() {
    return id;
  }
}
