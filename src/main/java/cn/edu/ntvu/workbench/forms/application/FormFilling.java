package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.AnswerCheck;
import cn.edu.ntvu.workbench.forms.domain.FormStatus;
import cn.edu.ntvu.workbench.forms.domain.Problem;
import cn.edu.ntvu.workbench.forms.domain.Question;
import cn.edu.ntvu.workbench.forms.domain.QuestionType;
import cn.edu.ntvu.workbench.forms.infrastructure.FormStore;
import cn.edu.ntvu.workbench.forms.infrastructure.FormsSettings;
import cn.edu.ntvu.workbench.identity.application.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A person of the audience fills a form: the draft kept on the server, the submit checked question by question and
 * stored once (the page's token; one response per person where the form says so, enforced by a unique key on the
 * respondent key), their own answer shown again and, where allowed, changed until the deadline. On anonymous forms
 * the response carries only the respondent key (HMAC), never the account, the name or a time.
 */
@ApplicationScoped
public class FormFilling {
  @Inject FormStore store;
  @Inject FormsSettings settings;
  @Inject Clock clock;

  /** What the filling page needs about the form and this person. */
  public record Sheet(FormRow form, List<Question> questions, boolean member, boolean owner,
      Map<Long, StoredAnswer> mine, long myResponseId, int myResponses, String draft) {}

  /** The form for {@code user}; empty when it does not exist or they may not see it (not asked, not an owner). */
  public Optional<Sheet> sheet(SignedInUser user, long id) {
    Optional<FormRow> f = store.form(id);
    if (f.isEmpty() || user == null) {
      return Optional.empty();
    }
    boolean owner = store.isOwner(id, user.account());
    boolean member = f.get().status() != FormStatus.DRAFT && store.recipient(id, user.account()).isPresent();
    if (!owner && !member) {
      return Optional.empty();
    }
    String key = key(id, user);
    List<Long> mine = member ? store.responsesOf(id, key) : List.of();
    Map<Long, StoredAnswer> answers = mine.isEmpty() ? Map.of() : store.answers(mine.get(0));
    String draft = member ? store.draft(id, key).orElse(null) : null;
    return Optional.of(new Sheet(f.get(), store.questions(id), member, owner, answers,
        mine.isEmpty() ? 0 : mine.get(0), mine.size(), draft));
  }

  /** The published and closed forms that ask {@code user}, open and not filled first. */
  public List<AskedForm> askedOf(SignedInUser user) {
    return store.askedOf(user.account(), 100);
  }

  /** Keeps what was typed so far (a JSON of the page's own making); only while the form takes answers. */
  @Transactional
  public boolean saveDraft(SignedInUser user, long id, String content) {
    Optional<FormRow> f = store.form(id);
    if (f.isEmpty() || !f.get().open(now()) || store.recipient(id, user.account()).isEmpty()
        || content == null || content.length() > 1_000_000) {
      return false;
    }
    store.saveDraft(id, key(id, user), content, now());
    return true;
  }

  /**
   * Checks and stores a response. {@code typed} and {@code ticked} are by question id; file questions carry the id
   * of a file stored by {@link #storeFile} in {@code typed}.
   *
   * @param token the page's one-time token: the same post again finds the response it made
   * @param edit change this person's existing answer (forms that allow it) instead of adding one
   */
  @Transactional
  public SubmitOutcome submit(SignedInUser user, long id, Map<Long, String> typed, Map<Long, List<String>> ticked,
      String token, boolean edit) {
    if (token == null || !token.matches("[0-9a-f-]{36}")) {
      return SubmitOutcome.refused("forms.fill.error.expired");
    }
    Optional<FormRow> locked = store.lockShared(id);
    if (locked.isEmpty()) {
      return SubmitOutcome.refused("forms.fill.error.notMember");
    }
    FormRow f = locked.get();
    Optional<Recipient> me = store.recipient(id, user.account());
    if (f.status() == FormStatus.DRAFT || me.isEmpty()) {
      return SubmitOutcome.refused("forms.fill.error.notMember");
    }
    String key = key(id, user);
    OptionalLong again = store.responseByToken(id, key, token);
    if (again.isPresent()) {
      return SubmitOutcome.stored(again.getAsLong(), false);
    }
    LocalDateTime now = now();
    if (!f.open(now)) {
      return SubmitOutcome.refused(f.status() == FormStatus.PUBLISHED ? "forms.fill.error.pastDeadline"
          : "forms.fill.error.closed");
    }
    List<Question> questions = store.questions(id);
    Map<Long, Problem> problems = new LinkedHashMap<>();
    List<StoredAnswer> answers = new ArrayList<>();
    for (Question q : questions) {
      AnswerCheck.Checked c = AnswerCheck.check(q, typed.get(q.id()), ticked.getOrDefault(q.id(), List.of()));
      if (!c.ok()) {
        problems.put(q.id(), c.problem());
        continue;
      }
      if (c.empty()) {
        continue;
      }
      Long fileId = null;
      String text = c.text();
      if (q.type() == QuestionType.FILE) {
        fileId = fileOf(id, q.id(), key, text);
        if (fileId == null) {
          problems.put(q.id(), Problem.of("forms.error.fileGone"));
          continue;
        }
        text = null;
      }
      answers.add(new StoredAnswer(q.id(), text, c.number(), c.choices(), fileId));
    }
    if (!problems.isEmpty()) {
      return SubmitOutcome.refused(problems);
    }
    boolean anonymous = f.settings().anonymous();
    List<Long> mine = store.responsesOf(id, key);
    long responseId;
    boolean created;
    if (edit) {
      if (!f.settings().editable() || mine.isEmpty()) {
        return SubmitOutcome.refused("forms.fill.error.notEditable");
      }
      responseId = mine.get(0);
      store.touchResponse(responseId, now, anonymous);
      created = false;
    } else {
      boolean single = !f.settings().severalResponses();
      if (single && !mine.isEmpty()) {
        return SubmitOutcome.refused("forms.fill.error.already");
      }
      OptionalLong inserted = store.insertResponse(id, key, anonymous ? null : user.account(),
          anonymous ? null : me.get().name(), anonymous ? null : me.get().unitName(), single, token, now);
      if (inserted.isEmpty()) {
        // Another post of this person won a moment ago (two tabs submitting at the same instant).
        return SubmitOutcome.refused("forms.fill.error.already");
      }
      responseId = inserted.getAsLong();
      created = true;
    }
    store.replaceAnswers(id, responseId, answers, !created);
    store.markFilled(id, user.account());
    store.deleteDraft(id, key);
    return SubmitOutcome.stored(responseId, created);
  }

  /** Stores an uploaded file of this person for question {@code questionId}; returns its id (for the answer). */
  @Transactional
  public long storeFile(SignedInUser user, long id, NewFile file) {
    Optional<FormRow> f = store.form(id);
    if (f.isEmpty() || !f.get().open(now()) || store.recipient(id, user.account()).isEmpty()) {
      throw new FormAccessDenied("not taking files");
    }
    return store.insertFile(id, file.questionId(), key(id, user), file.name(), file.contentType(), file.bytes());
  }

  /** The file is this person's, for this form and question. */
  private Long fileOf(long formId, long questionId, String key, String text) {
    long fileId;
    try {
      fileId = Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
    Optional<Object[]> file = store.file(fileId);
    if (file.isEmpty() || ((Number) file.get()[0]).longValue() != formId || !key.equals(file.get()[1])) {
      return null;
    }
    return fileId;
  }

  public String key(long formId, SignedInUser user) {
    return settings.respondentKey().of(formId, user.account());
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
