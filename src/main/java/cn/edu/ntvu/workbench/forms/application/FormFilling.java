package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.AnswerCheck;
import cn.edu.ntvu.workbench.forms.domain.FileKind;
import cn.edu.ntvu.workbench.forms.domain.FormStatus;
import cn.edu.ntvu.workbench.forms.domain.Problem;
import cn.edu.ntvu.workbench.forms.domain.Question;
import cn.edu.ntvu.workbench.forms.domain.QuestionType;
import cn.edu.ntvu.workbench.platform.files.UploadQuota;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A person of the audience fills a form: the draft kept on the server, the submit checked question
 * by question and stored once (the page's token; one response per person where the form says so,
 * enforced by a unique key on the respondent key), their own answer shown again and, where allowed,
 * changed until the deadline. On anonymous forms the response carries only the respondent key
 * (HMAC), never the account, the name or a time.
 */
@ApplicationScoped
public class FormFilling {
  @Inject FormStore store;
  @Inject FormsSettings settings;
  @Inject UploadQuota quota;
  @Inject Clock clock;

  /** What the filling page needs about the form and this person. */
  public record Sheet(
      FormRow form,
      List<Question> questions,
      boolean member,
      boolean owner,
      Map<Long, StoredAnswer> mine,
      long myResponseId,
      int myResponses,
      String draft)
      // Kept by the view-scoped filling page, so it travels in a replicated session.
      implements java.io.Serializable {}

  /**
   * The form for {@code user}; empty when it does not exist or they may not see it (not asked, not
   * an owner).
   */
  public Optional<Sheet> sheet(SignedInUser user, long id) {
    Optional<FormRow> f = store.form(id);
    if (f.isEmpty() || user == null) {
      return Optional.empty();
    }
    boolean owner = store.isOwner(id, user.account());
    boolean member =
        f.get().status() != FormStatus.DRAFT && store.recipient(id, user.account()).isPresent();
    if (!owner && !member) {
      return Optional.empty();
    }
    String key = key(id, user);
    List<Long> mine = member ? store.responsesOf(id, key) : List.of();
    Map<Long, StoredAnswer> answers = mine.isEmpty() ? Map.of() : store.answers(mine.get(0));
    String draft = member ? store.draft(id, key).orElse(null) : null;
    return Optional.of(
        new Sheet(
            f.get(),
            store.questions(id),
            member,
            owner,
            answers,
            mine.isEmpty() ? 0 : mine.get(0),
            mine.size(),
            draft));
  }

  /** The published and closed forms that ask {@code user}, open and not filled first. */
  public List<AskedForm> askedOf(SignedInUser user) {
    return store.askedOf(user.account(), 100);
  }

  /**
   * Keeps what was typed so far (a JSON of the page's own making); only while the form takes
   * answers.
   */
  @Transactional
  public boolean saveDraft(SignedInUser user, long id, String content) {
    Optional<FormRow> f = store.form(id);
    if (f.isEmpty()
        || !f.get().open(now())
        || store.recipient(id, user.account()).isEmpty()
        || content == null
        || content.length() > 1_000_000) {
      return false;
    }
    store.saveDraft(id, key(id, user), content, now());
    return true;
  }

  /** {@link #submit(SignedInUser, long, Map, Map, List, String, boolean)} without new files. */
  @Transactional
  public SubmitOutcome submit(
      SignedInUser user,
      long id,
      Map<Long, String> typed,
      Map<Long, List<String>> ticked,
      String token,
      boolean edit) {
    return submit(user, id, typed, ticked, List.of(), token, edit);
  }

  /**
   * Checks and stores a response. {@code typed} and {@code ticked} are by question id; a file
   * question carries the id of a file kept from an earlier refused submit (or of the answer being
   * changed) in {@code typed}, or gets one of {@code files} (already read and checked by the page;
   * checked again here).
   *
   * <p>Files are stored only in this transaction: with the accepted answer, or — when the submit is
   * refused for other questions — staged for the person's next try ({@link
   * SubmitOutcome#stagedFiles}), to be claimed by it or removed by the cleanup job within the hour.
   * A submit refused as a whole (a lost token, a closed form, not in the audience) stores nothing.
   * Each stored file counts against the person's daily upload quota; a file no answer uses any more
   * (a replaced answer's, a staged one the accepted answer does not use) is removed with the
   * submit.
   *
   * @param token the page's one-time token: the same post again finds the response it made
   * @param edit change this person's existing answer (forms that allow it) instead of adding one
   */
  @Transactional
  public SubmitOutcome submit(
      SignedInUser user,
      long id,
      Map<Long, String> typed,
      Map<Long, List<String>> ticked,
      List<NewFile> files,
      String token,
      boolean edit) {
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
      return SubmitOutcome.refused(
          f.status() == FormStatus.PUBLISHED
              ? "forms.fill.error.pastDeadline"
              : "forms.fill.error.closed");
    }
    // Before the answers: a post that cannot be stored whatever it says keeps no file either.
    boolean anonymous = f.settings().anonymous();
    List<Long> mine = store.responsesOf(id, key);
    if (edit && (!f.settings().editable() || mine.isEmpty())) {
      return SubmitOutcome.refused("forms.fill.error.notEditable");
    }
    boolean single = !f.settings().severalResponses();
    if (!edit && single && !mine.isEmpty()) {
      return SubmitOutcome.refused("forms.fill.error.already");
    }
    List<Question> questions = store.questions(id);
    Map<Long, Problem> problems = new LinkedHashMap<>();
    Map<Long, NewFile> newFiles = new LinkedHashMap<>();
    for (NewFile file : files) {
      questions.stream()
          .filter(q -> q.id() == file.questionId() && q.type() == QuestionType.FILE)
          .findFirst()
          .ifPresent(
              q ->
                  FileKind.problem(q, file.name(), file.bytes())
                      .ifPresentOrElse(
                          p -> problems.put(q.id(), p), () -> newFiles.put(q.id(), file)));
    }
    Map<Long, AnswerCheck.Checked> checked = new LinkedHashMap<>();
    Map<Long, Long> keptFiles = new LinkedHashMap<>();
    for (Question q : questions) {
      if (problems.containsKey(q.id())) {
        continue;
      }
      String value = newFiles.containsKey(q.id()) ? "new" : typed.get(q.id());
      AnswerCheck.Checked c = AnswerCheck.check(q, value, ticked.getOrDefault(q.id(), List.of()));
      if (!c.ok()) {
        problems.put(q.id(), c.problem());
        continue;
      }
      if (!c.empty() && q.type() == QuestionType.FILE && !newFiles.containsKey(q.id())) {
        Long fileId = fileOf(id, q.id(), key, c.text());
        if (fileId == null) {
          problems.put(q.id(), Problem.of("forms.error.fileGone"));
          continue;
        }
        keptFiles.put(q.id(), fileId);
      }
      checked.put(q.id(), c);
    }
    if (!problems.isEmpty()) {
      // Files kept from an earlier try wait another 45 minutes from this one.
      store.restageFiles(id, key, List.copyOf(keptFiles.values()), now);
      return SubmitOutcome.refused(problems, stage(user, id, key, newFiles, problems, now));
    }
    Optional<Problem> over = overQuota(user, newFiles.values());
    if (over.isPresent()) {
      newFiles.keySet().forEach(q -> problems.put(q, over.get()));
      return SubmitOutcome.refused(problems, Map.of());
    }
    long responseId;
    boolean created;
    Set<Long> replacedFiles = new HashSet<>();
    if (edit) {
      responseId = mine.get(0);
      store.answers(responseId).values().stream()
          .map(StoredAnswer::fileId)
          .filter(Objects::nonNull)
          .forEach(replacedFiles::add);
      store.touchResponse(responseId, now, anonymous);
      created = false;
    } else {
      OptionalLong inserted =
          store.insertResponse(
              id,
              key,
              anonymous ? null : user.account(),
              anonymous ? null : me.get().name(),
              anonymous ? null : me.get().unitName(),
              single,
              token,
              now);
      if (inserted.isEmpty()) {
        // Another post of this person won a moment ago (two tabs submitting at the same instant).
        return SubmitOutcome.refused("forms.fill.error.already");
      }
      responseId = inserted.getAsLong();
      created = true;
    }
    Map<Long, Long> fileIds = new HashMap<>(keptFiles);
    newFiles.forEach(
        (qid, file) ->
            fileIds.put(
                qid,
                store.insertFile(id, qid, key, file.name(), typeOf(file), file.bytes(), null)));
    List<StoredAnswer> answers = new ArrayList<>();
    for (Question q : questions) {
      AnswerCheck.Checked c = checked.get(q.id());
      if (c == null || c.empty()) {
        continue;
      }
      Long fileId = fileIds.get(q.id());
      answers.add(
          new StoredAnswer(
              q.id(), fileId == null ? c.text() : null, c.number(), c.choices(), fileId));
    }
    store.replaceAnswers(id, responseId, answers, !created);
    store.claimFiles(id, key, List.copyOf(keptFiles.values()));
    store.deleteStagedFiles(id, key);
    replacedFiles.removeAll(fileIds.values());
    replacedFiles.forEach(fileId -> store.deleteFileIfUnused(id, key, fileId));
    store.markFilled(id, user.account());
    store.deleteDraft(id, key);
    return SubmitOutcome.stored(responseId, created);
  }

  /**
   * The new files of a refused submit whose own question is fine, kept (staged) for the next try if
   * the day's quota allows; a question whose file is not kept gets the quota's message.
   */
  private Map<Long, Long> stage(
      SignedInUser user,
      long id,
      String key,
      Map<Long, NewFile> newFiles,
      Map<Long, Problem> problems,
      LocalDateTime now) {
    Map<Long, NewFile> keep = new LinkedHashMap<>();
    newFiles.forEach(
        (qid, file) -> {
          if (!problems.containsKey(qid)) {
            keep.put(qid, file);
          }
        });
    if (keep.isEmpty()) {
      return Map.of();
    }
    Optional<Problem> over = overQuota(user, keep.values());
    if (over.isPresent()) {
      keep.keySet().forEach(q -> problems.put(q, over.get()));
      return Map.of();
    }
    Map<Long, Long> staged = new LinkedHashMap<>();
    keep.forEach(
        (qid, file) ->
            staged.put(
                qid, store.insertFile(id, qid, key, file.name(), typeOf(file), file.bytes(), now)));
    return staged;
  }

  /**
   * The type recognised from the bytes (already checked by {@link FileKind#problem}), not the one
   * the caller said.
   */
  private static String typeOf(NewFile file) {
    return FileKind.sniff(file.bytes()).orElseThrow().contentType();
  }

  private Optional<Problem> overQuota(SignedInUser user, java.util.Collection<NewFile> files) {
    return quota
        .take(user.account(), files.size(), files.stream().mapToLong(f -> f.bytes().length).sum())
        .map(r -> Problem.of("forms.error.quota", r.args().toArray()));
  }

  /** The file is this person's, for this form and question. */
  private Long fileOf(long formId, long questionId, String key, String text) {
    long fileId;
    try {
      fileId = Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
    Optional<Object[]> file = store.fileOwner(fileId);
    if (file.isEmpty()
        || ((Number) file.get()[0]).longValue() != formId
        || ((Number) file.get()[1]).longValue() != questionId
        || !key.equals(file.get()[2])) {
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
