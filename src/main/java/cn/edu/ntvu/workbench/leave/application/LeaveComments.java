package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.Comments;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Comments on a request (issue 18, item 7): its student and everyone asked to decide one of its
 * steps (past or present) may add one at any time, also after the decision. Each comment is a
 * timeline line ({@code leave_event} action {@code COMMENTED}, the text in its detail), a row of
 * {@code leave_comment}, an audit entry ({@code LEAVE_COMMENT}), and one message through the outbox
 * to each of the others (key {@code leave:<id>:comment:<n>}; never to its author). Anyone else's
 * post changes nothing; more than {@link Comments#PER_HOUR} in an hour is refused.
 */
@ApplicationScoped
public class LeaveComments {
  @Inject Sql sql;
  @Inject LeaveStore store;
  @Inject WeComOutbox outbox;
  @Inject CommentMessages messages;
  @Inject AuditTrail audit;
  @Inject LeaveCatalog catalog;
  @Inject Clock clock;

  /** What became of a comment: stored, refused (not theirs to comment on), or its problem. */
  public enum Outcome {
    ADDED,
    REFUSED,
    EMPTY,
    TOO_LONG,
    TOO_MANY
  }

  /**
   * Whether {@code user} may comment on request {@code id}: its student or one of its approvers.
   */
  public boolean mayComment(long id, SignedInUser user) {
    if (user == null) {
      return false;
    }
    Optional<LeaveRequestRow> r = store.request(id);
    return r.isPresent() && mayComment(r.get(), user.account());
  }

  private boolean mayComment(LeaveRequestRow r, String account) {
    return r.studentAccount().equals(account) || store.wasAskedToDecide(r.id(), account);
  }

  @Transactional
  public Outcome add(long id, SignedInUser user, String text) {
    Optional<LeaveRequestRow> locked = store.lockRequest(id);
    if (user == null || locked.isEmpty() || !mayComment(locked.get(), user.account())) {
      return Outcome.REFUSED;
    }
    LeaveRequestRow r = locked.get();
    LocalDateTime now = LocalDateTime.now(clock);
    long lastHour =
        Sql.lng(
            sql.value(
                "SELECT COUNT(*) FROM leave_comment WHERE author_account = ? AND created_at > ?",
                user.account(),
                Sql.ts(now.minusHours(1))));
    Optional<Comments.Problem> problem = Comments.check(text, lastHour);
    if (problem.isPresent()) {
      return Outcome.valueOf(problem.get().name());
    }
    String body = text.strip();
    long commentId =
        sql.insert(
            "INSERT INTO leave_comment (request_id, author_account, author_name, body, created_at)"
                + " VALUES (?, ?, ?, ?, ?)",
            id,
            user.account(),
            user.name(),
            body,
            Sql.ts(now));
    store.event(
        id,
        user.account(),
        user.name(),
        "COMMENTED",
        r.currentStep(),
        DecisionVia.PAGE.name(),
        body,
        now);
    List<String> to = Comments.recipients(user.account(), r.studentAccount(), approvers(id));
    String typeName = catalog.typeName(r.typeCode());
    if (!to.isEmpty()) {
      outbox.enqueue(messages.comment(r, commentId, to, user.name(), body, typeName));
    }
    LeaveActor actor = LeaveActor.of(user);
    audit.record(
        actor.audit(),
        "LEAVE_COMMENT",
        LeaveSubmissions.object(r, typeName),
        AuditDiff.created(Map.of("comment", body)));
    return Outcome.ADDED;
  }

  /** Everyone ever asked to decide a step of the request. */
  List<String> approvers(long id) {
    return sql
        .values(
            "SELECT DISTINCT account FROM leave_step_approver WHERE request_id = ? ORDER BY account",
            id)
        .stream()
        .map(String::valueOf)
        .toList();
  }
}
