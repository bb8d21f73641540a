package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.FormStatus;
import cn.edu.ntvu.workbench.forms.domain.Question;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The results for the owners and co-owners only: filled and not filled against the audience,
 * statistics per question, the answers (pages, a filter), who has not filled, and "remind the N who
 * have not filled" — one message to exactly them, at most once an hour per form (the form row is
 * locked, so two owners tapping at once send one). Anonymous forms show no name, account or time
 * with any answer.
 */
@ApplicationScoped
public class FormResults {
  public static final Duration REMIND_GAP = Duration.ofHours(1);

  @Inject FormStore store;
  @Inject FormBuilder builder;
  @Inject FormMessages messages;
  @Inject WeComOutbox outbox;
  @Inject AuditTrail audit;
  @Inject cn.edu.ntvu.workbench.forms.application.FormsSettings formsSettings;
  @Inject Clock clock;

  public record Overview(
      FormRow form,
      long asked,
      long filled,
      long responses,
      List<QuestionStats> stats,
      LocalDateTime nextRemindAt) {
    public long notFilled() {
      return asked - filled;
    }
  }

  /**
   * How long this server reuses a form's statistics while its number of responses stays the same: a
   * new response is seen at once (the count changes), a changed one within this time. Counting
   * 15,000 responses × 20 answers takes a few hundred milliseconds, and an owner watching a
   * collection reloads the page again and again.
   */
  static final Duration STATS_REUSE = Duration.ofSeconds(30);

  private record CachedStats(
      long responses, List<Question> questions, List<QuestionStats> stats, long madeAt) {}

  private final java.util.concurrent.ConcurrentHashMap<Long, CachedStats> statsByForm =
      new java.util.concurrent.ConcurrentHashMap<>();

  public Overview overview(SignedInUser user, long id) {
    FormRow f = builder.owned(user, id);
    long[] c = store.counts(id);
    List<Question> questions = store.questions(id);
    long responses = store.countResponses(id);
    LocalDateTime next = f.lastRemindedAt() == null ? null : f.lastRemindedAt().plus(REMIND_GAP);
    return new Overview(f, c[0], c[1], responses, stats(id, responses, questions), next);
  }

  private List<QuestionStats> stats(long formId, long responses, List<Question> questions) {
    long now = System.nanoTime();
    CachedStats known = statsByForm.get(formId);
    if (known != null
        && known.responses() == responses
        && known.questions().equals(questions)
        && now - known.madeAt() < STATS_REUSE.toNanos()) {
      return known.stats();
    }
    List<Long> choiceQuestions =
        questions.stream().filter(q -> q.type().hasOptions()).map(Question::id).toList();
    List<QuestionStats> fresh =
        QuestionStats.of(
            questions, store.answerAggregates(formId), store.choiceGroups(formId, choiceQuestions));
    if (statsByForm.size() > 500) { // forms being watched at once are few; never grow without bound
      statsByForm.clear();
    }
    statsByForm.put(formId, new CachedStats(responses, questions, fresh, now));
    return fresh;
  }

  public List<ResponseRow> responses(
      SignedInUser user, long id, String filter, long after, int limit) {
    FormRow f = builder.owned(user, id);
    return store.responses(id, f.settings().anonymous(), filter, after, limit);
  }

  /** Every response in pages of 500, for the exports (memory stays flat however many there are). */
  public void eachResponse(SignedInUser user, long id, Consumer<ResponseRow> each) {
    FormRow f = builder.owned(user, id);
    long after = 0;
    while (true) {
      List<ResponseRow> page = store.responses(id, f.settings().anonymous(), null, after, 500);
      page.forEach(each);
      if (page.size() < 500) {
        return;
      }
      after = page.get(page.size() - 1).id();
    }
  }

  public List<Recipient> notFilled(SignedInUser user, long id, int limit) {
    builder.owned(user, id);
    return store.recipients(id, false, limit);
  }

  /** What came of "remind": how many were told, or why nobody was. */
  public record RemindOutcome(int reminded, String refusalKey, LocalDateTime nextAt) {}

  @Transactional
  public RemindOutcome remind(SignedInUser user, long id) {
    builder.owned(user, id);
    FormRow f = store.lock(id).orElseThrow();
    LocalDateTime now = LocalDateTime.now(clock);
    if (!f.open(now)) {
      return new RemindOutcome(0, "forms.results.remind.closed", null);
    }
    if (f.lastRemindedAt() != null && now.isBefore(f.lastRemindedAt().plus(REMIND_GAP))) {
      return new RemindOutcome(
          0, "forms.results.remind.tooSoon", f.lastRemindedAt().plus(REMIND_GAP));
    }
    List<String> to =
        store.recipients(id, false, Integer.MAX_VALUE).stream().map(Recipient::account).toList();
    if (to.isEmpty()) {
      return new RemindOutcome(0, "forms.results.remind.nobody", null);
    }
    messages.reminder(f, to, now).forEach(outbox::enqueue);
    store.reminded(id, now);
    audit.record(
        FormBuilder.actor(user),
        "FORM_REMIND",
        FormBuilder.object(id, f.title()),
        AuditDiff.created(Map.of("reminded", to.size())));
    return new RemindOutcome(to.size(), null, null);
  }

  /**
   * An uploaded answer file ([form id, respondent key, name, content type, bytes]) for an owner of
   * its form or the person who uploaded it; empty when there is no such file.
   */
  public java.util.Optional<Object[]> file(SignedInUser user, long fileId) {
    java.util.Optional<Object[]> file = store.file(fileId);
    if (file.isEmpty()) {
      return file;
    }
    long formId = ((Number) file.get()[0]).longValue();
    if (store.isOwner(formId, user.account())
        || formsSettings.respondentKey().of(formId, user.account()).equals(file.get()[1])) {
      return file;
    }
    throw new FormAccessDenied("not this file's form");
  }

  /**
   * The closing job: published forms whose deadline passed become closed. Claimed once across
   * servers.
   */
  @Transactional
  public int closeAtDeadline(Duration minGap) {
    LocalDateTime now = LocalDateTime.now(clock);
    if (!store.claimJob("close-at-deadline", now, minGap)) {
      return 0;
    }
    int n = 0;
    for (long id : store.pastDeadline(now, 500)) {
      FormRow f = store.lock(id).orElseThrow();
      if (store.moveTo(id, FormStatus.PUBLISHED, FormStatus.CLOSED, now, "DEADLINE") == 1) {
        audit.record(
            cn.edu.ntvu.workbench.platform.audit.AuditActor.system("system"),
            "FORM_CLOSE",
            FormBuilder.object(id, f.title()),
            AuditDiff.between(
                Map.of("status", "PUBLISHED"), Map.of("status", "CLOSED", "by", "DEADLINE")));
        n++;
      }
    }
    return n;
  }
}
