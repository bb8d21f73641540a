package cn.edu.ntvu.workbench.forms.infrastructure;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.bind;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.bool;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.dec;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.intOrNull;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.lng;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.num;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.rows;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.str;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.time;

import cn.edu.ntvu.workbench.forms.application.AskedForm;
import cn.edu.ntvu.workbench.forms.application.FormRow;
import cn.edu.ntvu.workbench.forms.application.Recipient;
import cn.edu.ntvu.workbench.forms.application.ResponseRow;
import cn.edu.ntvu.workbench.forms.application.StoredAnswer;
import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.forms.domain.ChoiceOption;
import cn.edu.ntvu.workbench.forms.domain.FormSettings;
import cn.edu.ntvu.workbench.forms.domain.FormStatus;
import cn.edu.ntvu.workbench.forms.domain.Question;
import cn.edu.ntvu.workbench.forms.domain.QuestionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The forms tables in SQL, in the caller's transaction. Changes of a form's state run after {@link #lock} of its row,
 * so publishing, closing and reminding one form happen one after another; submits take {@link #lockShared}.
 */
@ApplicationScoped
public class FormStore {
  private static final String FORM_COLUMNS =
      "f.id, f.title, f.description, f.deadline, f.several_responses, f.editable, f.anonymous, f.status,"
          + " f.owner_account, f.owner_name, f.created_at, f.published_at, f.closed_at, f.last_reminded_at, f.version";
  private static final String QUESTION_COLUMNS =
      "id, position, type, title, help, required, min_number, max_number, decimals, min_choices, max_choices,"
          + " max_length, options, images_only, max_kilobytes";

  @PersistenceContext(unitName = "workbench")
  EntityManager em;

  @Resource(lookup = "java:app/jdbc/workbench")
  DataSource dataSource;

  // ---- forms

  public long insertForm(FormSettings s, String owner, String ownerName, LocalDateTime now) {
    exec("INSERT INTO form (title, description, status, owner_account, owner_name, deadline, several_responses,"
            + " editable, anonymous, created_at) VALUES (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?)",
        s.title(), s.description(), owner, ownerName, s.deadline(), s.severalResponses(), s.editable(),
        s.anonymous(), now);
    return lastId();
  }

  public Optional<FormRow> form(long id) {
    return rows(bind(em.createNativeQuery("SELECT " + FORM_COLUMNS + " FROM form f WHERE f.id = ?"), id)).stream()
        .findFirst().map(FormStore::formRow);
  }

  public Optional<FormRow> lock(long id) {
    return rows(bind(em.createNativeQuery("SELECT " + FORM_COLUMNS + " FROM form f WHERE f.id = ? FOR UPDATE"), id))
        .stream().findFirst().map(FormStore::formRow);
  }

  /**
   * Reads the form with a shared lock: submits to one form run side by side, while closing (an exclusive lock) waits
   * for them and they wait for it, so no answer is stored after the close committed.
   */
  public Optional<FormRow> lockShared(long id) {
    return rows(bind(em.createNativeQuery("SELECT " + FORM_COLUMNS + " FROM form f WHERE f.id = ? LOCK IN SHARE MODE"),
        id)).stream().findFirst().map(FormStore::formRow);
  }

  public void updateSettings(long id, FormSettings s) {
    exec("UPDATE form SET title = ?, description = ?, deadline = ?, several_responses = ?, editable = ?,"
            + " anonymous = ?, version = version + 1 WHERE id = ?",
        s.title(), s.description(), s.deadline(), s.severalResponses(), s.editable(), s.anonymous(), id);
  }

  /** The deadline of a form that is still published; 0 when it is not (closed meanwhile). */
  public int updateDeadline(long id, LocalDateTime deadline) {
    return exec("UPDATE form SET deadline = ?, version = version + 1 WHERE id = ? AND status = 'PUBLISHED'",
        deadline, id);
  }

  public int moveTo(long id, FormStatus from, FormStatus to, LocalDateTime now, String closedBy) {
    String column = switch (to) {
      case PUBLISHED -> "published_at";
      case CLOSED -> "closed_at";
      case ARCHIVED -> "archived_at";
      case DRAFT -> throw new IllegalArgumentException("nothing moves back to a draft");
    };
    return exec("UPDATE form SET status = ?, " + column + " = ?, closed_by = COALESCE(?, closed_by),"
        + " version = version + 1 WHERE id = ? AND status = ?", to.name(), now, closedBy, id, from.name());
  }

  public void reminded(long id, LocalDateTime now) {
    exec("UPDATE form SET last_reminded_at = ? WHERE id = ?", now, id);
  }

  /** The forms {@code account} owns or co-owns, newest first. */
  public List<FormRow> ownedBy(String account, int limit) {
    return rows(bind(em.createNativeQuery("SELECT " + FORM_COLUMNS + " FROM form f WHERE f.owner_account = ?"
        + " OR f.id IN (SELECT form_id FROM form_co_owner WHERE account = ?) ORDER BY f.id DESC LIMIT " + limit),
        account, account)).stream().map(FormStore::formRow).toList();
  }

  /** Published forms that ask {@code account}, open ones first; with whether they filled. */
  public List<AskedForm> askedOf(String account, int limit) {
    List<AskedForm> out = new ArrayList<>();
    for (Object[] r : rows(bind(em.createNativeQuery("SELECT " + FORM_COLUMNS + ", r.filled FROM form_recipient r"
        + " JOIN form f ON f.id = r.form_id WHERE r.account = ? AND f.status IN ('PUBLISHED', 'CLOSED')"
        + " ORDER BY f.status DESC, r.filled, f.deadline IS NULL, f.deadline, f.id DESC LIMIT " + limit), account))) {
      out.add(new AskedForm(formRow(r), bool(r[15])));
    }
    return out;
  }

  /**
   * Open forms asking {@code account} that they have not filled, for the workbench badge. Plain JDBC on a connection
   * of its own, outside any transaction: it runs for every home page whose badges are not cached, and EclipseLink's
   * native query with its transaction handling cost several times the query itself.
   */
  public long countToFill(String account, LocalDateTime now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM form_recipient r JOIN form f"
            + " ON f.id = r.form_id WHERE r.account = ? AND r.filled = FALSE AND f.status = 'PUBLISHED'"
            + " AND (f.deadline IS NULL OR f.deadline > ?)")) {
      ps.setString(1, account);
      ps.setObject(2, now);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("forms to fill not counted", e);
    }
  }

  /** Published forms whose deadline passed. */
  public List<Long> pastDeadline(LocalDateTime now, int limit) {
    return rows(bind(em.createNativeQuery("SELECT id FROM form WHERE status = 'PUBLISHED' AND deadline <= ?"
        + " ORDER BY deadline LIMIT " + limit), now)).stream().map(r -> lng(r[0])).toList();
  }

  // ---- owners and audience

  public List<String> coOwners(long formId) {
    return strings("SELECT account FROM form_co_owner WHERE form_id = ? ORDER BY account", formId);
  }

  public void replaceCoOwners(long formId, Collection<String> accounts) {
    exec("DELETE FROM form_co_owner WHERE form_id = ?", formId);
    for (String a : accounts) {
      exec("INSERT IGNORE INTO form_co_owner (form_id, account) VALUES (?, ?)", formId, a);
    }
  }

  public boolean isOwner(long formId, String account) {
    return lng(bind(em.createNativeQuery("SELECT COUNT(*) FROM form f WHERE f.id = ? AND (f.owner_account = ?"
        + " OR EXISTS (SELECT 1 FROM form_co_owner c WHERE c.form_id = f.id AND c.account = ?))"), formId, account,
        account).getSingleResult()) > 0;
  }

  public List<AudienceRule> audience(long formId) {
    return rows(bind(em.createNativeQuery("SELECT kind, value FROM form_audience WHERE form_id = ?"
        + " ORDER BY kind, value"), formId)).stream()
        .map(r -> new AudienceRule(AudienceRule.Kind.valueOf(str(r[0])), str(r[1]))).toList();
  }

  public void addAudience(long formId, AudienceRule rule) {
    exec("INSERT IGNORE INTO form_audience (form_id, kind, value) VALUES (?, ?, ?)", formId, rule.kind().name(),
        rule.value());
  }

  public int removeAudience(long formId, AudienceRule rule) {
    return exec("DELETE FROM form_audience WHERE form_id = ? AND kind = ? AND value = ?", formId, rule.kind().name(),
        rule.value());
  }

  public void insertRecipients(long formId, List<Recipient> people) {
    for (int i = 0; i < people.size(); i += 500) {
      List<Recipient> part = people.subList(i, Math.min(people.size(), i + 500));
      StringBuilder sql = new StringBuilder("INSERT IGNORE INTO form_recipient (form_id, account, name, unit_name)"
          + " VALUES ");
      List<Object> args = new ArrayList<>();
      for (Recipient r : part) {
        sql.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?)");
        args.addAll(Arrays.asList(formId, r.account(), r.name(), r.unitName()));
      }
      exec(sql.toString(), args.toArray());
    }
  }

  public Optional<Recipient> recipient(long formId, String account) {
    return rows(bind(em.createNativeQuery("SELECT account, name, unit_name, filled FROM form_recipient"
        + " WHERE form_id = ? AND account = ?"), formId, account)).stream().findFirst()
        .map(r -> new Recipient(str(r[0]), str(r[1]), str(r[2]), bool(r[3])));
  }

  public List<Recipient> recipients(long formId, Boolean filled, int limit) {
    return rows(bind(em.createNativeQuery("SELECT account, name, unit_name, filled FROM form_recipient"
        + " WHERE form_id = ?" + (filled == null ? "" : filled ? " AND filled = TRUE" : " AND filled = FALSE")
        + " ORDER BY unit_name, account LIMIT " + limit), formId)).stream()
        .map(r -> new Recipient(str(r[0]), str(r[1]), str(r[2]), bool(r[3]))).toList();
  }

  /** [asked, filled]. */
  public long[] counts(long formId) {
    Object[] r = rows(bind(em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(filled), 0) FROM form_recipient"
        + " WHERE form_id = ?"), formId)).get(0);
    return new long[] {lng(r[0]), lng(r[1])};
  }

  public void markFilled(long formId, String account) {
    exec("UPDATE form_recipient SET filled = TRUE WHERE form_id = ? AND account = ?", formId, account);
  }

  // ---- questions

  public List<Question> questions(long formId) {
    return rows(bind(em.createNativeQuery("SELECT " + QUESTION_COLUMNS + " FROM form_question WHERE form_id = ?"
        + " ORDER BY position, id"), formId)).stream().map(FormStore::question).toList();
  }

  public long insertQuestion(long formId, Question q) {
    exec("INSERT INTO form_question (form_id, position, type, title, help, required, min_number, max_number,"
            + " decimals, min_choices, max_choices, max_length, options, images_only, max_kilobytes)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        formId, q.position(), q.type().name(), q.title(), q.help(), q.required(), q.min(), q.max(), q.decimals(),
        q.minChoices(), q.maxChoices(), q.maxLength(), optionsJson(q.options()), q.imagesOnly(), q.maxKilobytes());
    return lastId();
  }

  public int updateQuestion(long formId, Question q) {
    return exec("UPDATE form_question SET position = ?, type = ?, title = ?, help = ?, required = ?, min_number = ?,"
            + " max_number = ?, decimals = ?, min_choices = ?, max_choices = ?, max_length = ?, options = ?,"
            + " images_only = ?, max_kilobytes = ? WHERE id = ? AND form_id = ?",
        q.position(), q.type().name(), q.title(), q.help(), q.required(), q.min(), q.max(), q.decimals(),
        q.minChoices(), q.maxChoices(), q.maxLength(), optionsJson(q.options()), q.imagesOnly(), q.maxKilobytes(),
        q.id(), formId);
  }

  public int deleteQuestion(long formId, long questionId) {
    return exec("DELETE FROM form_question WHERE id = ? AND form_id = ?", questionId, formId);
  }

  // ---- responses

  /** Inserts a response; empty when its token (a double tap) or, for one response a person, the person is there. */
  public OptionalLong insertResponse(long formId, String key, String account, String name, String unit,
      boolean single, String token, LocalDateTime now) {
    int n = exec("INSERT IGNORE INTO form_response (form_id, respondent_key, respondent_account, respondent_name,"
            + " unit_name, single_key, submit_token, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        formId, key, account, name, unit, single ? key : null, token, account == null ? null : now);
    return n == 1 ? OptionalLong.of(lastId()) : OptionalLong.empty();
  }

  public OptionalLong responseByToken(long formId, String key, String token) {
    return rows(bind(em.createNativeQuery("SELECT id FROM form_response WHERE form_id = ? AND respondent_key = ?"
        + " AND submit_token = ?"), formId, key, token)).stream().mapToLong(r -> lng(r[0])).findFirst();
  }

  /** The ids of this person's responses, newest first. */
  public List<Long> responsesOf(long formId, String key) {
    return rows(bind(em.createNativeQuery("SELECT id FROM form_response WHERE form_id = ? AND respondent_key = ?"
        + " ORDER BY id DESC"), formId, key)).stream().map(r -> lng(r[0])).toList();
  }

  public void touchResponse(long responseId, LocalDateTime now, boolean anonymous) {
    exec("UPDATE form_response SET updated_at = ? WHERE id = ?", anonymous ? null : now, responseId);
  }

  /**
   * Stores the answers of a response. A new response's answers are only inserted: a DELETE of rows that do not exist
   * yet would take gap locks, and two submits at once then deadlock on each other's gap (seen in bench/forms.sh).
   */
  public void replaceAnswers(long formId, long responseId, List<StoredAnswer> answers, boolean existing) {
    if (existing) {
      exec("DELETE FROM form_answer WHERE response_id = ?", responseId);
    }
    for (StoredAnswer a : answers) {
      exec("INSERT INTO form_answer (response_id, question_id, form_id, text_value, number_value, choice_ids,"
              + " file_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
          responseId, a.questionId(), formId, a.text(), a.number(),
          a.choices().isEmpty() ? null : String.join(",", a.choices()), a.fileId());
    }
  }

  public long countResponses(long formId) {
    return lng(bind(em.createNativeQuery("SELECT COUNT(*) FROM form_response WHERE form_id = ?"), formId)
        .getSingleResult());
  }

  /**
   * Responses with their answers, in pages of {@code limit} after {@code afterId}; when {@code contains} is given only
   * those with an answer or a name containing it (anonymous forms: only answers, there is no name).
   */
  public List<ResponseRow> responses(long formId, boolean anonymous, String contains, long afterKey, int limit) {
    String filter = contains == null || contains.isBlank() ? ""
        : " AND (EXISTS (SELECT 1 FROM form_answer a WHERE a.response_id = r.id AND a.text_value LIKE ?)"
            + (anonymous ? "" : " OR r.respondent_name LIKE ? OR r.respondent_account LIKE ?") + ")";
    List<Object> args = new ArrayList<>(List.of(formId, afterKey));
    if (!filter.isEmpty()) {
      String like = "%" + contains.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      args.add(like);
      if (!anonymous) {
        args.add(like);
        args.add(like);
      }
    }
    List<Object[]> head = rows(bind(em.createNativeQuery("SELECT r.id, r.respondent_account, r.respondent_name,"
        + " r.unit_name, r.submitted_at, r.updated_at FROM form_response r WHERE r.form_id = ? AND r.id > ?" + filter
        + " ORDER BY r.id LIMIT " + limit), args.toArray()));
    if (head.isEmpty()) {
      return List.of();
    }
    Map<Long, Map<Long, StoredAnswer>> answers = new LinkedHashMap<>();
    head.forEach(r -> answers.put(lng(r[0]), new LinkedHashMap<>()));
    long lo = lng(head.get(0)[0]);
    long hi = lng(head.get(head.size() - 1)[0]);
    eachAnswer(formId, lo, hi, a -> {
      Map<Long, StoredAnswer> m = answers.get((Long) a[0]);
      if (m != null) {
        StoredAnswer s = (StoredAnswer) a[1];
        m.put(s.questionId(), s);
      }
    });
    List<ResponseRow> out = new ArrayList<>();
    for (Object[] r : head) {
      out.add(new ResponseRow(lng(r[0]), str(r[1]), str(r[2]), str(r[3]), time(r[4]), time(r[5]),
          answers.get(lng(r[0]))));
    }
    return out;
  }

  public Map<Long, StoredAnswer> answers(long responseId) {
    Map<Long, StoredAnswer> m = new LinkedHashMap<>();
    for (Object[] r : rows(bind(em.createNativeQuery("SELECT question_id, text_value, number_value, choice_ids,"
        + " file_id FROM form_answer WHERE response_id = ?"), responseId))) {
      StoredAnswer a = answer(r, 0);
      m.put(a.questionId(), a);
    }
    return m;
  }

  private void eachAnswer(long formId, long fromResponse, long toResponse, Consumer<Object[]> each) {
    for (Object[] r : rows(bind(em.createNativeQuery("SELECT response_id, question_id, text_value, number_value,"
        + " choice_ids, file_id FROM form_answer WHERE form_id = ? AND response_id BETWEEN ? AND ?"), formId,
        fromResponse, toResponse))) {
      each.accept(new Object[] {lng(r[0]), answer(r, 1)});
    }
  }

  /**
   * Per question of {@code formId}: [question id, answers, min, avg, max of the numbers], in one pass over the index
   * (form, question, number) alone: the rows themselves are not read (V15).
   */
  public List<Object[]> answerAggregates(long formId) {
    return rows(bind(em.createNativeQuery("SELECT question_id, COUNT(*), MIN(number_value), AVG(number_value),"
        + " MAX(number_value) FROM form_answer WHERE form_id = ? GROUP BY question_id"), formId));
  }

  /**
   * Choice answers of the questions {@code choiceQuestions} grouped as stored: [question id, choice ids, how many]
   * (few rows however many answers; only those questions' answers are read).
   */
  public List<Object[]> choiceGroups(long formId, List<Long> choiceQuestions) {
    if (choiceQuestions.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(choiceQuestions.size(), "?"));
    List<Object> args = new ArrayList<>();
    args.add(formId);
    args.addAll(choiceQuestions);
    return rows(bind(em.createNativeQuery("SELECT question_id, choice_ids, COUNT(*) FROM form_answer"
        + " WHERE form_id = ? AND question_id IN (" + marks + ") AND choice_ids IS NOT NULL"
        + " GROUP BY question_id, choice_ids"), args.toArray()));
  }

  // ---- drafts and files

  public Optional<String> draft(long formId, String key) {
    return rows(bind(em.createNativeQuery("SELECT content FROM form_draft WHERE form_id = ? AND respondent_key = ?"),
        formId, key)).stream().findFirst().map(r -> str(r[0]));
  }

  public void saveDraft(long formId, String key, String content, LocalDateTime now) {
    exec("INSERT INTO form_draft (form_id, respondent_key, content, saved_at) VALUES (?, ?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE content = VALUES(content), saved_at = VALUES(saved_at)", formId, key, content, now);
  }

  /** Removes a draft; looks first (no lock), so a submit without a draft takes no gap lock on the drafts. */
  public void deleteDraft(long formId, String key) {
    if (draft(formId, key).isEmpty()) {
      return;
    }
    exec("DELETE FROM form_draft WHERE form_id = ? AND respondent_key = ?", formId, key);
  }

  /**
   * Stores an uploaded answer file; {@code stagedAt} is null for a file stored with its accepted answer, or the time a
   * refused submit kept it for the person's next try (removed by the cleanup job unless a submit claims it).
   */
  public long insertFile(long formId, long questionId, String key, String name, String contentType, byte[] bytes,
      LocalDateTime stagedAt) {
    exec("INSERT INTO form_file (form_id, question_id, respondent_key, file_name, content_type, size_bytes, content,"
        + " staged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", formId, questionId, key, name, contentType, bytes.length, bytes,
        stagedAt);
    return lastId();
  }

  /** Whose file {@code id} is, without its bytes: [form id, question id, respondent key]. */
  public Optional<Object[]> fileOwner(long id) {
    return rows(bind(em.createNativeQuery("SELECT form_id, question_id, respondent_key FROM form_file WHERE id = ?"),
        id)).stream().findFirst();
  }

  /** Files the accepted answer refers to are no longer staged (and carry no time, as the answer does not). */
  public void claimFiles(long formId, String key, List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    List<Object> args = new ArrayList<>(List.of(formId, key));
    args.addAll(ids);
    exec("UPDATE form_file SET staged_at = NULL WHERE form_id = ? AND respondent_key = ? AND id IN (" + marks + ")"
        + " AND staged_at IS NOT NULL", args.toArray());
  }

  /** Staged files a refused submit named again wait from {@code now} on. */
  public void restageFiles(long formId, String key, List<Long> ids, LocalDateTime now) {
    if (ids.isEmpty()) {
      return;
    }
    String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    List<Object> args = new ArrayList<>(List.of(now, formId, key));
    args.addAll(ids);
    exec("UPDATE form_file SET staged_at = ? WHERE form_id = ? AND respondent_key = ? AND id IN (" + marks + ")"
        + " AND staged_at IS NOT NULL", args.toArray());
  }

  /** Removes this person's staged files of the form (after an accepted submit claimed the ones it uses). */
  public int deleteStagedFiles(long formId, String key) {
    return exec("DELETE FROM form_file WHERE form_id = ? AND respondent_key = ? AND staged_at IS NOT NULL",
        formId, key);
  }

  /** Removes this person's file {@code fileId} unless an answer of theirs still refers to it (a replaced answer). */
  public int deleteFileIfUnused(long formId, String key, long fileId) {
    return exec("DELETE FROM form_file WHERE id = ? AND form_id = ? AND respondent_key = ? AND NOT EXISTS ("
        + "SELECT 1 FROM form_response r JOIN form_answer a ON a.response_id = r.id"
        + " WHERE r.form_id = ? AND r.respondent_key = ? AND a.file_id = ?)", fileId, formId, key, formId, key, fileId);
  }

  /** The cleanup job: staged files older than {@code before}, at most {@code limit}. */
  public int deleteStagedBefore(LocalDateTime before, int limit) {
    return exec("DELETE FROM form_file WHERE staged_at < ? LIMIT " + limit, before);
  }

  /**
   * The cleanup job: drafts of forms that take no more answers (closed, archived), at most {@code limit}. The forms
   * are found by a plain read first, so the delete locks no form row (a DELETE … IN (SELECT …) would lock every form
   * it reads while publishing and closing lock them too).
   */
  public int deleteDraftsOfClosedForms(int limit) {
    List<Long> forms = rows(em.createNativeQuery("SELECT DISTINCT d.form_id FROM form_draft d JOIN form f"
        + " ON f.id = d.form_id WHERE f.status IN ('CLOSED', 'ARCHIVED') LIMIT 100")).stream()
        .map(r -> lng(r[0])).toList();
    if (forms.isEmpty()) {
      return 0;
    }
    String marks = String.join(",", java.util.Collections.nCopies(forms.size(), "?"));
    return exec("DELETE FROM form_draft WHERE form_id IN (" + marks + ") LIMIT " + limit, forms.toArray());
  }

  /** [form id, respondent key, file name, content type, bytes]. */
  public Optional<Object[]> file(long id) {
    return rows(bind(em.createNativeQuery("SELECT form_id, respondent_key, file_name, content_type, content"
        + " FROM form_file WHERE id = ?"), id)).stream().findFirst();
  }

  // ---- the closing job

  public boolean claimJob(String name, LocalDateTime now, java.time.Duration minGap) {
    List<Object[]> r = rows(bind(em.createNativeQuery("SELECT name, last_run_at FROM form_job WHERE name = ?"
        + " FOR UPDATE"), name));
    if (r.isEmpty()) {
      return false;
    }
    LocalDateTime last = time(r.get(0)[1]);
    if (cn.edu.ntvu.workbench.platform.time.RecentRun.holdsOff(last, now, minGap)) {
      return false;
    }
    exec("UPDATE form_job SET last_run_at = ? WHERE name = ?", now, name);
    return true;
  }

  // ---- helpers

  static String optionsJson(List<ChoiceOption> options) {
    if (options.isEmpty()) {
      return null;
    }
    JsonArrayBuilder a = Jsons.createArrayBuilder();
    options.forEach(o -> a.add(Jsons.createObjectBuilder().add("id", o.id()).add("label", o.label())));
    return a.build().toString();
  }

  static List<ChoiceOption> options(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try (var reader = Jsons.createReader(new StringReader(json))) {
      JsonArray a = reader.readArray();
      List<ChoiceOption> out = new ArrayList<>();
      for (JsonValue v : a) {
        JsonObject o = v.asJsonObject();
        out.add(new ChoiceOption(o.getString("id"), o.getString("label")));
      }
      return out;
    }
  }

  private static StoredAnswer answer(Object[] r, int at) {
    String choices = str(r[at + 3]);
    return new StoredAnswer(lng(r[at]), str(r[at + 1]), dec(r[at + 2]),
        choices == null ? List.of() : List.of(choices.split(",")), r[at + 4] == null ? null : lng(r[at + 4]));
  }

  private static FormRow formRow(Object[] r) {
    return new FormRow(lng(r[0]),
        new FormSettings(str(r[1]), str(r[2]), time(r[3]), bool(r[4]), bool(r[5]), bool(r[6])),
        FormStatus.valueOf(str(r[7])), str(r[8]), str(r[9]), time(r[10]), time(r[11]), time(r[12]), time(r[13]),
        num(r[14]));
  }

  private static Question question(Object[] r) {
    return new Question(lng(r[0]), num(r[1]), QuestionType.valueOf(str(r[2])), str(r[3]), str(r[4]), bool(r[5]),
        dec(r[6]), dec(r[7]), intOrNull(r[8]), intOrNull(r[9]), intOrNull(r[10]), intOrNull(r[11]),
        options(str(r[12])), bool(r[13]), intOrNull(r[14]));
  }

  private List<String> strings(String sql, Object... args) {
    return rows(bind(em.createNativeQuery(sql), args)).stream().map(r -> str(r[0])).toList();
  }

  private int exec(String sql, Object... args) {
    return bind(em.createNativeQuery(sql), args).executeUpdate();
  }

  private long lastId() {
    return lng(em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult());
  }
}
