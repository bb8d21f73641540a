package cn.edu.ntvu.workbench.notices.application;

import cn.edu.ntvu.workbench.forms.application.Audiences;
import cn.edu.ntvu.workbench.forms.application.Recipient;
import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.identity.application.PickScope;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.notices.domain.NoticeSettings;
import cn.edu.ntvu.workbench.notices.domain.NoticeStatus;
import cn.edu.ntvu.workbench.notices.domain.Problem;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What senders do to a notice: write a draft (kept on the server at every save), name the audience
 * (收集表's lines and scope rules, {@link Audiences}), add co-senders (staff), send now or at a time
 * (the scheduled-send job sends it once across servers), edit after sending (已修改; readers told
 * once), recall within 24 hours. Only staff send; only the sender and co-senders change a notice.
 * Sending resolves the audience into one row per recipient and queues the textcards (1,000 a
 * message) in the same transaction. Every change is audited.
 */
@ApplicationScoped
public class Notices {
  static final int MAX_CO_SENDERS = 10;
  static final int MAX_AUDIENCE_LINES = 50;

  @Inject NoticeStore store;
  @Inject Audiences audiences;
  @Inject NoticeMessages messages;
  @Inject WeComOutbox outbox;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  public static boolean maySend(SignedInUser user) {
    return user != null && !user.isStudent();
  }

  @Transactional
  public long create(SignedInUser user) {
    if (!maySend(user)) {
      throw new NoticeAccessDenied("only staff send notices");
    }
    NoticeSettings s = new NoticeSettings("", "", false, null, false, null);
    long id = store.insert(s, "", user.account(), user.name(), now());
    audit.record(actor(user), "NOTICE_CREATE", object(id, ""), AuditDiff.created(Map.of()));
    return id;
  }

  /** Saves the draft (refused with problems; nothing saved then). */
  @Transactional
  public List<Problem> save(SignedInUser user, long id, NoticeSettings s) {
    NoticeRow n = draft(user, id);
    List<Problem> p = s.problems(now(), false);
    if (!p.isEmpty()) {
      return p;
    }
    store.update(id, s, NoticeBody.safe(s.body()), now());
    audit.record(
        actor(user),
        "NOTICE_SAVE",
        object(id, s.title()),
        AuditDiff.between(Map.of("title", n.title()), Map.of("title", s.title())));
    return List.of();
  }

  @Transactional
  public List<Problem> addAudience(SignedInUser user, long id, AudienceRule rule) {
    NoticeRow n = draft(user, id);
    if (store.audience(id).size() >= MAX_AUDIENCE_LINES) {
      return List.of(Problem.of("notices.error.manyLines", MAX_AUDIENCE_LINES));
    }
    Audiences.Check c = audiences.check(user, rule);
    if (c != Audiences.Check.OK) {
      return List.of(Problem.of("notices.audience.error." + c.name(), rule.value()));
    }
    store.addAudience(id, rule);
    audit.record(
        actor(user),
        "NOTICE_AUDIENCE_ADD",
        object(id, n.title()),
        AuditDiff.created(Map.of("kind", rule.kind().name(), "value", rule.value())));
    return List.of();
  }

  /**
   * The picker's chips added as audience lines, all or none. The picker offers only what this
   * sender may reach ({@link #pickScope}), so a chip outside it can only come from a forged post:
   * {@link AudienceOutOfScope} (403), nothing stored. Other problems (gone from the directory, too
   * many lines) are returned for beside the field.
   */
  @Transactional
  public List<Problem> addPicked(SignedInUser user, long id, List<AudienceRule> rules) {
    NoticeRow n = draft(user, id);
    for (AudienceRule r : rules) {
      if (!audiences.mayReach(user, r)) {
        throw new AudienceOutOfScope(r.kind() + ":" + r.value());
      }
    }
    List<AudienceRule> have = store.audience(id);
    List<AudienceRule> adding = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (AudienceRule r : new LinkedHashSet<>(rules)) {
      if (have.contains(r)) {
        continue;
      }
      Audiences.Check c = audiences.check(user, r);
      if (c != Audiences.Check.OK) {
        problems.add(Problem.of("notices.audience.error." + c.name(), r.value()));
      } else {
        adding.add(r);
      }
    }
    if (have.size() + adding.size() > MAX_AUDIENCE_LINES) {
      problems.add(Problem.of("notices.error.manyLines", MAX_AUDIENCE_LINES));
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    for (AudienceRule r : adding) {
      store.addAudience(id, r);
      audit.record(
          actor(user),
          "NOTICE_AUDIENCE_ADD",
          object(id, n.title()),
          AuditDiff.created(Map.of("kind", r.kind().name(), "value", r.value())));
    }
    return List.of();
  }

  /** What the sender's people-and-groups picker offers (收集表's scope). */
  public PickScope pickScope(SignedInUser user) {
    if (!maySend(user)) {
      throw new NoticeAccessDenied("only staff send notices");
    }
    return audiences.pickScope(user);
  }

  @Transactional
  public void removeAudience(SignedInUser user, long id, AudienceRule rule) {
    NoticeRow n = draft(user, id);
    if (store.removeAudience(id, rule) == 1) {
      audit.record(
          actor(user),
          "NOTICE_AUDIENCE_REMOVE",
          object(id, n.title()),
          AuditDiff.between(Map.of("kind", rule.kind().name(), "value", rule.value()), Map.of()));
    }
  }

  /** Co-senders from accounts separated by spaces, commas or 、; each an active member of staff. */
  @Transactional
  public List<Problem> setCoSenders(SignedInUser user, long id, String accounts) {
    NoticeRow n = owned(user, id);
    Set<String> set = new LinkedHashSet<>();
    for (String a : (accounts == null ? "" : accounts).split("[\\s,，、;；]+")) {
      if (!a.isBlank() && !a.strip().equals(n.ownerAccount())) {
        set.add(a.strip());
      }
    }
    if (set.size() > MAX_CO_SENDERS) {
      return List.of(Problem.of("notices.error.manyCoSenders", MAX_CO_SENDERS));
    }
    for (String a : set) {
      if (a.length() > 32 || audiences.activeName(a).isEmpty()) {
        return List.of(Problem.of("notices.error.unknownPerson", a));
      }
      if (audiences.isStudent(a)) {
        return List.of(Problem.of("notices.error.coSenderStudent", a));
      }
    }
    List<String> before = store.coSenders(id);
    store.replaceCoSenders(id, set);
    audit.record(
        actor(user),
        "NOTICE_CO_SENDERS",
        object(id, n.title()),
        AuditDiff.between(
            Map.of("coSenders", String.join(",", before)),
            Map.of("coSenders", String.join(",", set))));
    return List.of();
  }

  /**
   * Sends the draft now, or schedules it for its send time. Everything is checked first (the
   * audience within the sender's reach as the directory and grants are now, co-senders staff, a
   * title and a body, a send time and deadline in the future); nothing changes when a problem is
   * returned.
   */
  @Transactional
  public List<Problem> send(SignedInUser user, long id) {
    owned(user, id);
    NoticeRow n = store.lock(id).orElseThrow();
    if (n.status() != NoticeStatus.DRAFT) {
      return List.of(Problem.of("notices.error.notDraft"));
    }
    LocalDateTime now = now();
    List<Problem> p = new ArrayList<>(n.settings().problems(now, true));
    List<AudienceRule> rules = store.audience(id);
    for (AudienceRule r : rules) {
      if (!audiences.mayReach(user, r)) {
        p.add(Problem.of("notices.error.audienceOutOfScope", audiences.describe(r)));
      }
    }
    for (String co : store.coSenders(id)) {
      if (audiences.isStudent(co)) {
        p.add(Problem.of("notices.error.coSenderStudent", co));
      }
    }
    if (rules.isEmpty() || audiences.resolve(rules, n.ownerAccount()).isEmpty()) {
      p.add(Problem.of("notices.error.noAudience"));
    }
    if (!p.isEmpty()) {
      return p;
    }
    if (n.settings().sendAt() != null) {
      store.moveTo(id, NoticeStatus.DRAFT, NoticeStatus.SCHEDULED, now);
      audit.record(
          actor(user),
          "NOTICE_SCHEDULE",
          object(id, n.title()),
          AuditDiff.between(
              Map.of("status", "DRAFT"),
              Map.of("status", "SCHEDULED", "sendAt", n.settings().sendAt().toString())));
      return List.of();
    }
    int people = deliver(n, NoticeStatus.DRAFT, now);
    audit.record(
        actor(user),
        "NOTICE_SEND",
        object(id, n.title()),
        AuditDiff.between(
            Map.of("status", "DRAFT"), Map.of("status", "SENT", "recipients", people)));
    return List.of();
  }

  /** A scheduled notice back to a draft (before its time). */
  @Transactional
  public boolean unschedule(SignedInUser user, long id) {
    NoticeRow n = owned(user, id);
    if (store.moveTo(id, NoticeStatus.SCHEDULED, NoticeStatus.DRAFT, now()) != 1) {
      return false;
    }
    audit.record(
        actor(user),
        "NOTICE_UNSCHEDULE",
        object(id, n.title()),
        AuditDiff.between(Map.of("status", "SCHEDULED"), Map.of("status", "DRAFT")));
    return true;
  }

  /**
   * Resolves the audience into the recipient rows and queues the cards, if the notice is still
   * {@code from} (the status moves first: two servers sending the same notice send it once).
   */
  private int deliver(NoticeRow n, NoticeStatus from, LocalDateTime now) {
    if (store.moveTo(n.id(), from, NoticeStatus.SENT, now) != 1) {
      return 0;
    }
    List<Recipient> people = audiences.resolve(store.audience(n.id()), n.ownerAccount());
    store.insertRecipients(n.id(), people);
    NoticeRow sent = store.notice(n.id()).orElseThrow();
    messages.sent(sent, people.stream().map(Recipient::account).toList()).forEach(outbox::enqueue);
    return people.size();
  }

  /**
   * The scheduled-send job: notices whose time has come are sent, claimed once across servers (the
   * job's row, then each notice's status).
   */
  @Transactional
  public int sendDue(Duration minGap) {
    LocalDateTime now = now();
    if (!store.claimJob("send-scheduled", now, minGap)) {
      return 0;
    }
    int sent = 0;
    for (long id : store.dueScheduled(now, 200)) {
      NoticeRow n = store.lock(id).orElse(null);
      if (n == null || n.status() != NoticeStatus.SCHEDULED) {
        continue;
      }
      int people = deliver(n, NoticeStatus.SCHEDULED, now);
      audit.record(
          AuditActor.system("system"),
          "NOTICE_SEND",
          object(id, n.title()),
          AuditDiff.between(
              Map.of("status", "SCHEDULED"), Map.of("status", "SENT", "recipients", people)));
      sent++;
    }
    return sent;
  }

  /**
   * An edit after sending: the new title and body are shown with 已修改 and the time; recipients who
   * had read it are told, each once.
   */
  @Transactional
  public List<Problem> editSent(SignedInUser user, long id, String title, String body) {
    owned(user, id);
    NoticeRow n = store.lock(id).orElseThrow();
    if (n.status() != NoticeStatus.SENT) {
      return List.of(Problem.of("notices.error.notSent"));
    }
    NoticeSettings s =
        new NoticeSettings(
            title,
            body,
            n.settings().needsConfirm(),
            n.settings().confirmDeadline(),
            n.settings().important(),
            null);
    LocalDateTime now = now();
    List<Problem> p = new ArrayList<>(s.problems(now, true));
    p.removeIf(x -> x.key().equals("notices.error.deadlinePast"));
    if (!p.isEmpty()) {
      return p;
    }
    store.edit(id, s.title(), s.body(), NoticeBody.safe(s.body()), now);
    List<String> readers = store.readersToTellOfEdit(id, now);
    NoticeRow edited = store.notice(id).orElseThrow();
    if (!readers.isEmpty()) {
      messages.edited(edited, readers, now).forEach(outbox::enqueue);
    }
    audit.record(
        actor(user),
        "NOTICE_EDIT",
        object(id, s.title()),
        AuditDiff.between(
            Map.of("title", n.title()), Map.of("title", s.title(), "told", readers.size())));
    return List.of();
  }

  /**
   * Recall (撤回) within 24 hours of sending: recipients then see 已撤回 and nothing else, and every
   * WeCom card of the notice is recalled (WeCom allows it within 24 hours of each card).
   */
  @Transactional
  public List<Problem> recall(SignedInUser user, long id) {
    owned(user, id);
    NoticeRow n = store.lock(id).orElseThrow();
    LocalDateTime now = now();
    if (n.status() != NoticeStatus.SENT) {
      return List.of(Problem.of("notices.error.notSent"));
    }
    if (!n.recallable(now)) {
      return List.of(Problem.of("notices.error.recallLate"));
    }
    store.moveTo(id, NoticeStatus.SENT, NoticeStatus.RECALLED, now);
    // Every card of the notice (sent, reminders, edits) recalled at WeCom through the outbox
    // (message/recall by the msgid each send answered): an outage delays it, a second call queues
    // nothing again.
    int cards = outbox.recallTopic(NoticeMessages.topic(id));
    audit.record(
        actor(user),
        "NOTICE_RECALL",
        object(id, n.title()),
        AuditDiff.between(
            Map.of("status", "SENT"), Map.of("status", "RECALLED", "wecomRecalls", cards)));
    return List.of();
  }

  // ---- reading, for the compose page

  /** The notice for its sender or a co-sender (staff); anyone else is refused. */
  public NoticeRow owned(SignedInUser user, long id) {
    if (!maySend(user)) {
      throw new NoticeAccessDenied("only staff send notices");
    }
    NoticeRow n = store.notice(id).orElseThrow(() -> new NoticeAccessDenied("no such notice"));
    if (!store.isSender(id, user.account())) {
      throw new NoticeAccessDenied("not a sender");
    }
    return n;
  }

  private NoticeRow draft(SignedInUser user, long id) {
    NoticeRow n = owned(user, id);
    if (n.status() != NoticeStatus.DRAFT) {
      throw new NotDraft();
    }
    return n;
  }

  /** A sent or scheduled notice's draft no longer changes. */
  public static class NotDraft extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  public List<AudienceRule> audience(SignedInUser user, long id) {
    owned(user, id);
    return store.audience(id);
  }

  public List<String> coSenders(SignedInUser user, long id) {
    owned(user, id);
    return store.coSenders(id);
  }

  public String describe(AudienceRule r) {
    return audiences.describe(r);
  }

  public List<NoticeRow> sentBy(SignedInUser user) {
    return maySend(user) ? store.sentBy(user.account(), 100) : List.of();
  }

  static AuditActor actor(SignedInUser u) {
    return new AuditActor(u.account(), u.name(), u.path().name());
  }

  static AuditObject object(long id, String title) {
    return AuditObject.of("notice", id, title);
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
