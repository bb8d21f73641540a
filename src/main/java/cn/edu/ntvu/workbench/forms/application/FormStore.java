package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.forms.domain.FormSettings;
import cn.edu.ntvu.workbench.forms.domain.FormStatus;
import cn.edu.ntvu.workbench.forms.domain.Question;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The forms tables in SQL, in the caller's transaction. Changes of a form's state run after {@link
 * #lock} of its row, so publishing, closing and reminding one form happen one after another;
 * submits take {@link #lockShared}.
 */
public interface FormStore {
  long insertForm(FormSettings s, String owner, String ownerName, LocalDateTime now);

  Optional<FormRow> form(long id);

  Optional<FormRow> lock(long id);

  /**
   * Reads the form with a shared lock: submits to one form run side by side, while closing (an
   * exclusive lock) waits for them and they wait for it, so no answer is stored after the close
   * committed.
   */
  Optional<FormRow> lockShared(long id);

  void updateSettings(long id, FormSettings s);

  /** The deadline of a form that is still published; 0 when it is not (closed meanwhile). */
  int updateDeadline(long id, LocalDateTime deadline);

  int moveTo(long id, FormStatus from, FormStatus to, LocalDateTime now, String closedBy);

  void reminded(long id, LocalDateTime now);

  /** The forms {@code account} owns or co-owns, newest first. */
  List<FormRow> ownedBy(String account, int limit);

  /** Published forms that ask {@code account}, open ones first; with whether they filled. */
  List<AskedForm> askedOf(String account, int limit);

  /**
   * Open forms asking {@code account} that they have not filled, for the workbench badge. Plain
   * JDBC on a connection of its own, outside any transaction: it runs for every home page whose
   * badges are not cached, and EclipseLink's native query with its transaction handling cost
   * several times the query itself.
   */
  long countToFill(String account, LocalDateTime now);

  /** Published forms whose deadline passed. */
  List<Long> pastDeadline(LocalDateTime now, int limit);

  List<String> coOwners(long formId);

  void replaceCoOwners(long formId, Collection<String> accounts);

  boolean isOwner(long formId, String account);

  List<AudienceRule> audience(long formId);

  void addAudience(long formId, AudienceRule rule);

  int removeAudience(long formId, AudienceRule rule);

  void insertRecipients(long formId, List<Recipient> people);

  Optional<Recipient> recipient(long formId, String account);

  List<Recipient> recipients(long formId, Boolean filled, int limit);

  /** [asked, filled]. */
  long[] counts(long formId);

  void markFilled(long formId, String account);

  List<Question> questions(long formId);

  long insertQuestion(long formId, Question q);

  int updateQuestion(long formId, Question q);

  int deleteQuestion(long formId, long questionId);

  /**
   * Inserts a response; empty when its token (a double tap) or, for one response a person, the
   * person is there.
   */
  OptionalLong insertResponse(
      long formId,
      String key,
      String account,
      String name,
      String unit,
      boolean single,
      String token,
      LocalDateTime now);

  OptionalLong responseByToken(long formId, String key, String token);

  /** The ids of this person's responses, newest first. */
  List<Long> responsesOf(long formId, String key);

  void touchResponse(long responseId, LocalDateTime now, boolean anonymous);

  /**
   * Stores the answers of a response. A new response's answers are only inserted: a DELETE of rows
   * that do not exist yet would take gap locks, and two submits at once then deadlock on each
   * other's gap (seen in bench/forms.sh).
   */
  void replaceAnswers(long formId, long responseId, List<StoredAnswer> answers, boolean existing);

  long countResponses(long formId);

  /**
   * Responses with their answers, in pages of {@code limit} after {@code afterId}; when {@code
   * contains} is given only those with an answer or a name containing it (anonymous forms: only
   * answers, there is no name).
   */
  List<ResponseRow> responses(
      long formId, boolean anonymous, String contains, long afterKey, int limit);

  Map<Long, StoredAnswer> answers(long responseId);

  /**
   * Per question of {@code formId}: [question id, answers, min, avg, max of the numbers], in one
   * pass over the index (form, question, number) alone: the rows themselves are not read (V15).
   */
  List<Object[]> answerAggregates(long formId);

  /**
   * Choice answers of the questions {@code choiceQuestions} grouped as stored: [question id, choice
   * ids, how many] (few rows however many answers; only those questions' answers are read).
   */
  List<Object[]> choiceGroups(long formId, List<Long> choiceQuestions);

  Optional<String> draft(long formId, String key);

  void saveDraft(long formId, String key, String content, LocalDateTime now);

  /**
   * Removes a draft; looks first (no lock), so a submit without a draft takes no gap lock on the
   * drafts.
   */
  void deleteDraft(long formId, String key);

  /**
   * Stores an uploaded answer file; {@code stagedAt} is null for a file stored with its accepted
   * answer, or the time a refused submit kept it for the person's next try (removed by the cleanup
   * job unless a submit claims it).
   */
  long insertFile(
      long formId,
      long questionId,
      String key,
      String name,
      String contentType,
      byte[] bytes,
      LocalDateTime stagedAt);

  /** Whose file {@code id} is, without its bytes: [form id, question id, respondent key]. */
  Optional<Object[]> fileOwner(long id);

  /**
   * Files the accepted answer refers to are no longer staged (and carry no time, as the answer does
   * not).
   */
  void claimFiles(long formId, String key, List<Long> ids);

  /** Staged files a refused submit named again wait from {@code now} on. */
  void restageFiles(long formId, String key, List<Long> ids, LocalDateTime now);

  /**
   * Removes this person's staged files of the form (after an accepted submit claimed the ones it
   * uses).
   */
  int deleteStagedFiles(long formId, String key);

  /**
   * Removes this person's file {@code fileId} unless an answer of theirs still refers to it (a
   * replaced answer).
   */
  int deleteFileIfUnused(long formId, String key, long fileId);

  /** The cleanup job: staged files older than {@code before}, at most {@code limit}. */
  int deleteStagedBefore(LocalDateTime before, int limit);

  /**
   * The cleanup job: drafts of forms that take no more answers (closed, archived), at most {@code
   * limit}. The forms are found by a plain read first, so the delete locks no form row (a DELETE …
   * IN (SELECT …) would lock every form it reads while publishing and closing lock them too).
   */
  int deleteDraftsOfClosedForms(int limit);

  /** [form id, respondent key, file name, content type, bytes]. */
  Optional<Object[]> file(long id);

  boolean claimJob(String name, LocalDateTime now, java.time.Duration minGap);
}
