package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.forms.domain.FormSettings;
import cn.edu.ntvu.workbench.forms.domain.FormStatus;
import cn.edu.ntvu.workbench.forms.domain.Problem;
import cn.edu.ntvu.workbench.forms.domain.Question;
import cn.edu.ntvu.workbench.identity.application.PermissionGrants;
import cn.edu.ntvu.workbench.identity.application.PickKind;
import cn.edu.ntvu.workbench.identity.application.PickScope;
import cn.edu.ntvu.workbench.identity.domain.Permission;
import cn.edu.ntvu.workbench.messaging.application.TextCard;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What owners do to a form: create, edit a draft (settings, questions, audience, co-owners),
 * publish (the audience is resolved and snapshotted, and told by a textcard through the outbox, in
 * the same transaction), close, archive and copy as a new draft. Only staff create forms; only the
 * owner and co-owners change one. Every change is audited.
 *
 * <p>Who a form may ask is limited (issue 14): a member of staff reaches their own departments and
 * classes and the people in them ({@link PublishScope}); the whole school, other units and roles
 * need {@link Permission#FORMS_PUBLISH_ANY}, which an admin gives. Both are checked when a line is
 * added and again, as the directory and the grants are then, when the form is published. Co-owners
 * are staff. One person publishes at most {@code forms.publish-per-hour} forms in any hour, counted
 * across servers.
 */
@ApplicationScoped
public class FormBuilder {
  static final int MAX_QUESTIONS = 100;
  static final int MAX_CO_OWNERS = 10;

  @Inject FormStore store;
  @Inject AudienceDirectory directory;
  @Inject FormMessages messages;
  @Inject WeComOutbox outbox;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject PublishScope scope;
  @Inject PermissionGrants grants;
  @Inject PublishLog publishLog;
  @Inject FormsSettings settings;

  public static boolean mayCreate(SignedInUser user) {
    return user != null && !user.isStudent();
  }

  @Transactional
  public long create(SignedInUser user, String title) {
    if (!mayCreate(user)) {
      throw new FormAccessDenied("only staff build forms");
    }
    FormSettings s =
        new FormSettings(
            title == null || title.isBlank()
                ? FormsTexts.chinese().get("forms.new.title")
                : TextCard.cut(title, FormSettings.TITLE_MAX),
            "",
            null,
            false,
            false,
            false);
    long id = store.insertForm(s, user.account(), user.name(), now());
    audit.record(
        actor(user),
        "FORM_CREATE",
        object(id, s.title()),
        AuditDiff.created(Map.of("title", s.title())));
    return id;
  }

  @Transactional
  public List<Problem> saveSettings(SignedInUser user, long id, FormSettings s) {
    FormRow f = draft(user, id);
    List<Problem> p = s.problems(now(), false);
    if (!p.isEmpty()) {
      return p;
    }
    store.updateSettings(id, s);
    audit.record(
        actor(user),
        "FORM_SETTINGS",
        object(id, s.title()),
        AuditDiff.between(fields(f.settings()), fields(s)));
    return List.of();
  }

  @Transactional
  public List<Problem> saveQuestion(SignedInUser user, long id, Question q) {
    FormRow f = draft(user, id);
    List<Problem> p = q.problems();
    if (!p.isEmpty()) {
      return p;
    }
    List<Question> all = store.questions(id);
    if (q.id() == 0) {
      if (all.size() >= MAX_QUESTIONS) {
        return List.of(Problem.of("forms.builder.error.manyQuestions", MAX_QUESTIONS));
      }
      long qid = store.insertQuestion(id, q.withPosition(all.size() + 1));
      audit.record(
          actor(user),
          "FORM_QUESTION_ADD",
          object(id, f.title()),
          AuditDiff.created(Map.of("question", qid, "type", q.type().name(), "title", q.title())));
    } else {
      Question before =
          all.stream()
              .filter(x -> x.id() == q.id())
              .findFirst()
              .orElseThrow(() -> new FormAccessDenied("no such question"));
      store.updateQuestion(id, q.withPosition(before.position()));
      audit.record(
          actor(user),
          "FORM_QUESTION_EDIT",
          object(id, f.title()),
          AuditDiff.between(
              Map.of(
                  "question",
                  q.id(),
                  "type",
                  before.type().name(),
                  "title",
                  before.title(),
                  "required",
                  before.required()),
              Map.of(
                  "question",
                  q.id(),
                  "type",
                  q.type().name(),
                  "title",
                  q.title(),
                  "required",
                  q.required())));
    }
    return List.of();
  }

  @Transactional
  public void deleteQuestion(SignedInUser user, long id, long questionId) {
    FormRow f = draft(user, id);
    List<Question> all = store.questions(id);
    Question q = all.stream().filter(x -> x.id() == questionId).findFirst().orElse(null);
    if (q == null) {
      return;
    }
    store.deleteQuestion(id, questionId);
    renumber(id, all.stream().filter(x -> x.id() != questionId).toList());
    audit.record(
        actor(user),
        "FORM_QUESTION_DELETE",
        object(id, f.title()),
        AuditDiff.between(Map.of("question", questionId, "title", q.title()), Map.of()));
  }

  /** Moves a question one place up ({@code -1}) or down ({@code +1}). */
  @Transactional
  public void move(SignedInUser user, long id, long questionId, int by) {
    FormRow f = draft(user, id);
    List<Question> all = new ArrayList<>(store.questions(id));
    int at = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).id() == questionId) {
        at = i;
      }
    }
    int to = at + Integer.signum(by);
    if (at < 0 || to < 0 || to >= all.size()) {
      return;
    }
    Question q = all.remove(at);
    all.add(to, q);
    renumber(id, all);
    audit.record(
        actor(user),
        "FORM_QUESTION_MOVE",
        object(id, f.title()),
        AuditDiff.between(
            Map.of("question", questionId, "position", at + 1),
            Map.of("question", questionId, "position", to + 1)));
  }

  private void renumber(long id, List<Question> ordered) {
    for (int i = 0; i < ordered.size(); i++) {
      if (ordered.get(i).position() != i + 1) {
        store.updateQuestion(id, ordered.get(i).withPosition(i + 1));
      }
    }
  }

  /**
   * Adds an audience line; a department, class or person the directory does not know is refused.
   */
  @Transactional
  public List<Problem> addAudience(SignedInUser user, long id, AudienceRule rule) {
    FormRow f = draft(user, id);
    if (rule.kind() == AudienceRule.Kind.MY_CLASSES && user.isStudent()) {
      return List.of(Problem.of("forms.builder.error.notCounsellor"));
    }
    if (rule.kind() == AudienceRule.Kind.ROLE
        && cn.edu.ntvu.workbench.platform.security.Role.parse(rule.value()) == null) {
      return List.of(Problem.of("forms.builder.error.unknownRole", rule.value()));
    }
    if (directory.describe(rule).isEmpty()) {
      return List.of(Problem.of("forms.builder.error.unknown." + rule.kind().name(), rule.value()));
    }
    if (!mayReach(user, rule)) {
      return List.of(
          Problem.of("forms.builder.error.outOfScope." + rule.kind().name(), rule.value()));
    }
    store.addAudience(id, rule);
    audit.record(
        actor(user),
        "FORM_AUDIENCE_ADD",
        object(id, f.title()),
        AuditDiff.created(Map.of("kind", rule.kind().name(), "value", rule.value())));
    return List.of();
  }

  /**
   * Adds the lines the picker's chips name, all or none: each is checked as {@link #addAudience}
   * checks it (it exists, the person may reach it now), and the first problems stop the lot with
   * nothing changed. Lines already there are skipped.
   */
  @Transactional
  public List<Problem> addAudiences(SignedInUser user, long id, List<AudienceRule> rules) {
    FormRow f = draft(user, id);
    List<Problem> problems = new ArrayList<>();
    List<AudienceRule> have = store.audience(id);
    List<AudienceRule> adding = new ArrayList<>();
    for (AudienceRule rule : new LinkedHashSet<>(rules)) {
      if (have.contains(rule)) {
        continue;
      }
      if (rule.kind() == AudienceRule.Kind.ROLE
          && cn.edu.ntvu.workbench.platform.security.Role.parse(rule.value()) == null) {
        problems.add(Problem.of("forms.builder.error.unknownRole", rule.value()));
      } else if (rule.kind() == AudienceRule.Kind.MY_CLASSES && user.isStudent()) {
        problems.add(Problem.of("forms.builder.error.notCounsellor"));
      } else if (directory.describe(rule).isEmpty()) {
        problems.add(Problem.of("forms.builder.error.unknown." + rule.kind().name(), rule.value()));
      } else if (!mayReach(user, rule)) {
        problems.add(
            Problem.of("forms.builder.error.outOfScope." + rule.kind().name(), rule.value()));
      } else {
        adding.add(rule);
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    for (AudienceRule rule : adding) {
      store.addAudience(id, rule);
      audit.record(
          actor(user),
          "FORM_AUDIENCE_ADD",
          object(id, f.title()),
          AuditDiff.created(Map.of("kind", rule.kind().name(), "value", rule.value())));
    }
    return List.of();
  }

  /**
   * What this person's audience picker offers: the whole school with roles for a holder of {@code
   * forms.publish-any}, else their own units (the rule {@link PublishScope} applies on publish).
   */
  public PickScope audienceScope(SignedInUser user) {
    Set<PickKind> kinds = EnumSet.allOf(PickKind.class);
    return grants.has(user.account(), Permission.FORMS_PUBLISH_ANY)
        ? PickScope.school(kinds)
        : PickScope.ownUnitsOf(user.account(), kinds);
  }

  @Transactional
  public void removeAudience(SignedInUser user, long id, AudienceRule rule) {
    FormRow f = draft(user, id);
    if (store.removeAudience(id, rule) == 1) {
      audit.record(
          actor(user),
          "FORM_AUDIENCE_REMOVE",
          object(id, f.title()),
          AuditDiff.between(Map.of("kind", rule.kind().name(), "value", rule.value()), Map.of()));
    }
  }

  /** Co-owners from accounts separated by spaces, commas or 、; each must be an active person. */
  @Transactional
  public List<Problem> setCoOwners(SignedInUser user, long id, String accounts) {
    FormRow f = owned(user, id);
    Set<String> set = new LinkedHashSet<>();
    for (String a : (accounts == null ? "" : accounts).split("[\\s,，、;；]+")) {
      if (!a.isBlank() && !a.strip().equals(f.ownerAccount())) {
        set.add(a.strip());
      }
    }
    if (set.size() > MAX_CO_OWNERS) {
      return List.of(Problem.of("forms.builder.error.manyCoOwners", MAX_CO_OWNERS));
    }
    for (String a : set) {
      if (a.length() > 32 || directory.activeName(a).isEmpty()) {
        return List.of(Problem.of("forms.builder.error.unknown.PERSON", a));
      }
      if (directory.isStudent(a)) {
        return List.of(Problem.of("forms.builder.error.coOwnerStudent", a));
      }
    }
    List<String> before = store.coOwners(id);
    store.replaceCoOwners(id, set);
    audit.record(
        actor(user),
        "FORM_CO_OWNERS",
        object(id, f.title()),
        AuditDiff.between(
            Map.of("coOwners", String.join(",", before)),
            Map.of("coOwners", String.join(",", set))));
    return List.of();
  }

  /**
   * Publishes a draft: checks everything, resolves the audience into the recipient list, queues the
   * textcard to them and audits, in one transaction. Returns the problems that stop it (nothing
   * changed then). The audience must lie within the publisher's reach now, every co-owner must be
   * staff, and the publisher must be under the hourly limit.
   */
  @Transactional
  public List<Problem> publish(SignedInUser user, long id) {
    FormRow f = owned(user, id);
    // One person's publishes take turns (any server) from here to the end of the transaction: the
    // limit holds.
    publishLog.lockPublisher(user.account());
    LocalDateTime now = now();
    if (f.status() != FormStatus.DRAFT) {
      return List.of(Problem.of("forms.builder.error.notDraft"));
    }
    List<Problem> p = new ArrayList<>(f.settings().problems(now, true));
    for (AudienceRule r : store.audience(id)) {
      if (!mayReach(user, r)) {
        p.add(
            Problem.of(
                "forms.builder.error.audienceOutOfScope",
                Problem.of("forms.audience." + r.kind().name()),
                r.kind() == AudienceRule.Kind.ROLE
                    ? Problem.of("forms.role." + r.value())
                    : describe(r)));
      }
    }
    for (String co : store.coOwners(id)) {
      if (directory.isStudent(co)) {
        p.add(Problem.of("forms.builder.error.coOwnerStudent", co));
      }
    }
    List<Question> questions = store.questions(id);
    if (questions.isEmpty()) {
      p.add(Problem.of("forms.builder.error.noQuestions"));
    }
    for (Question q : questions) {
      q.problems()
          .forEach(x -> p.add(Problem.of("forms.builder.error.inQuestion", q.position(), x)));
    }
    List<Recipient> people = directory.resolve(store.audience(id), f.ownerAccount());
    if (people.isEmpty()) {
      p.add(Problem.of("forms.builder.error.noAudience"));
    }
    if (!p.isEmpty()) {
      return p;
    }
    int limit = settings.publishPerHour();
    if (publishLog.since(user.account(), now.minusHours(1)) >= limit) {
      return List.of(Problem.of("forms.builder.error.publishLimit", limit));
    }
    if (store.moveTo(id, FormStatus.DRAFT, FormStatus.PUBLISHED, now, null) != 1) {
      return List.of(Problem.of("forms.builder.error.notDraft"));
    }
    publishLog.record(user.account(), now, id);
    store.insertRecipients(id, people);
    FormRow published = store.form(id).orElseThrow();
    messages
        .published(published, people.stream().map(Recipient::account).toList())
        .forEach(outbox::enqueue);
    audit.record(
        actor(user),
        "FORM_PUBLISH",
        object(id, f.title()),
        AuditDiff.between(
            Map.of("status", "DRAFT"), Map.of("status", "PUBLISHED", "recipients", people.size())));
    return List.of();
  }

  /**
   * A published form's deadline moved (later, earlier, or none): the one setting that may change
   * while answers come in, because a collection often needs a few more days. A time that has passed
   * is refused; the closing job reads the new deadline on its next run.
   */
  @Transactional
  public List<Problem> changeDeadline(SignedInUser user, long id, LocalDateTime deadline) {
    FormRow f = owned(user, id);
    if (f.status() != FormStatus.PUBLISHED) {
      return List.of(Problem.of("forms.builder.error.deadlineNotOpen"));
    }
    if (deadline != null && !deadline.isAfter(now())) {
      return List.of(Problem.of("forms.builder.error.deadlinePast"));
    }
    if (store.updateDeadline(id, deadline) != 1) {
      return List.of(Problem.of("forms.builder.error.deadlineNotOpen"));
    }
    audit.record(
        actor(user),
        "FORM_DEADLINE",
        object(id, f.title()),
        AuditDiff.between(
            Map.of("deadline", String.valueOf(f.settings().deadline())),
            Map.of("deadline", String.valueOf(deadline))));
    return List.of();
  }

  @Transactional
  public boolean close(SignedInUser user, long id) {
    FormRow f = owned(user, id);
    if (store.moveTo(id, FormStatus.PUBLISHED, FormStatus.CLOSED, now(), "MANUAL") != 1) {
      return false;
    }
    audit.record(
        actor(user),
        "FORM_CLOSE",
        object(id, f.title()),
        AuditDiff.between(Map.of("status", f.status().name()), Map.of("status", "CLOSED")));
    return true;
  }

  @Transactional
  public boolean archive(SignedInUser user, long id) {
    FormRow f = owned(user, id);
    if (store.moveTo(id, FormStatus.CLOSED, FormStatus.ARCHIVED, now(), null) != 1) {
      return false;
    }
    audit.record(
        actor(user),
        "FORM_ARCHIVE",
        object(id, f.title()),
        AuditDiff.between(Map.of("status", "CLOSED"), Map.of("status", "ARCHIVED")));
    return true;
  }

  /** A new draft of the same questions, settings (without the deadline), audience and co-owners. */
  @Transactional
  public long copy(SignedInUser user, long id) {
    FormRow f = owned(user, id);
    if (!mayCreate(user)) {
      throw new FormAccessDenied("only staff build forms");
    }
    FormSettings s =
        new FormSettings(
            TextCard.cut(
                FormsTexts.chinese().get("forms.copy.title", f.title()), FormSettings.TITLE_MAX),
            f.settings().description(),
            null,
            f.settings().severalResponses(),
            f.settings().editable(),
            f.settings().anonymous());
    long copy = store.insertForm(s, user.account(), user.name(), now());
    for (Question q : store.questions(id)) {
      store.insertQuestion(copy, q);
    }
    for (AudienceRule r : store.audience(id)) {
      store.addAudience(copy, r);
    }
    List<String> co = new ArrayList<>(store.coOwners(id));
    if (!f.ownerAccount().equals(user.account())) {
      co.remove(user.account());
      co.add(f.ownerAccount());
    }
    store.replaceCoOwners(copy, co);
    audit.record(
        actor(user),
        "FORM_COPY",
        object(copy, s.title()),
        AuditDiff.created(Map.of("copiedFrom", id)));
    return copy;
  }

  /**
   * Whether {@code user} may ask the people {@code rule} names: within their own units, or anyone
   * with the grant. Both read now, not from the session.
   */
  private boolean mayReach(SignedInUser user, AudienceRule rule) {
    return scope.within(rule, user.account())
        || grants.has(user.account(), Permission.FORMS_PUBLISH_ANY);
  }

  // ---- reading, for the builder page

  public FormRow owned(SignedInUser user, long id) {
    FormRow f = store.form(id).orElseThrow(() -> new FormAccessDenied("no such form"));
    if (user == null || !store.isOwner(id, user.account())) {
      throw new FormAccessDenied("not an owner");
    }
    return f;
  }

  private FormRow draft(SignedInUser user, long id) {
    FormRow f = owned(user, id);
    if (f.status() != FormStatus.DRAFT) {
      throw new FormNotDraft();
    }
    return f;
  }

  /** A published form's questions and audience no longer change. */
  public static class FormNotDraft extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  public List<Question> questions(long id) {
    return store.questions(id);
  }

  public List<AudienceRule> audience(long id) {
    return store.audience(id);
  }

  public List<String> coOwners(long id) {
    return store.coOwners(id);
  }

  public String describe(AudienceRule r) {
    return directory.describe(r).orElse(r.value());
  }

  public List<FormRow> mine(SignedInUser user) {
    return store.ownedBy(user.account(), 100);
  }

  static Map<String, Object> fields(FormSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", s.title());
    m.put("description", s.description());
    m.put("deadline", s.deadline() == null ? "" : s.deadline().toString());
    m.put("severalResponses", s.severalResponses());
    m.put("editable", s.editable());
    m.put("anonymous", s.anonymous());
    return m;
  }

  static AuditActor actor(SignedInUser u) {
    return new AuditActor(u.account(), u.name(), u.path().name());
  }

  static AuditObject object(long id, String title) {
    return AuditObject.of("form", id, title);
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
