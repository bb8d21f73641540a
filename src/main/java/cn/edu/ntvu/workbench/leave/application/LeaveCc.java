package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.leave.domain.CcPlan;
import cn.edu.ntvu.workbench.leave.domain.CcRule;
import cn.edu.ntvu.workbench.leave.domain.CcTarget;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.timetable.application.MissedClassesQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * 抄送 (CC, issue 18 item 4). When a request is submitted and when it is finally approved, the CC
 * lines of the rule that routed it ({@link CcPlan}) copy people: each is recorded with why ({@code
 * leave_cc}), told once with a card through the outbox, and may read the request (read-only) from
 * then on — in 抄送我的 and on its page. When the request changes later (approved, rejected, withdrawn,
 * revoked, cancelled, extended) the copied people's cards are updated, not sent again ({@link
 * CcMessages}). Runs in the transaction of the change, so nothing is copied or told for a change
 * that rolls back.
 */
@ApplicationScoped
public class LeaveCc {
  private static final Logger LOG = Logger.getLogger(LeaveCc.class.getName());

  /** 抄送我的: rows per page. */
  public static final int PAGE_SIZE = 20;

  @Inject CcStore store;
  @Inject LeaveStore leave;
  @Inject CcMessages messages;
  @Inject WeComOutbox outbox;
  @Inject LeaveCatalog catalog;
  @Inject DirectoryQueries directory;
  @Inject MissedClassesQuery missed;
  @Inject Clock clock;

  /** A new request: the lines that copy on submit. */
  @Transactional(TxType.MANDATORY)
  public List<String> submitted(LeaveRequestRow r, LocalDateTime now) {
    return copy(r, CcRule.Phase.SUBMITTED, now, LeaveTexts.chinese().get("leave.cc.card.pending"));
  }

  /**
   * The request's final approval (observed in the deciding transaction): the lines that copy on
   * approval, and the cards of those copied at submit say 已批准. A correction after approval (撤销, 取消)
   * updates the cards.
   */
  void on(@Observes LeaveOutcome o) {
    String key =
        switch (o.what()) {
          case FINALLY_APPROVED -> "leave.cc.card.APPROVED";
          case WITHDRAWN_AFTER_APPROVAL -> "leave.card.done.REVOKED";
          case CANCELLED_AFTER_APPROVAL -> "leave.card.done.CANCELLED";
          case RETURNED_EARLY -> null;
          case EXTENDED -> "leave.cc.card.EXTENDED";
        };
    if (key == null) {
      return;
    }
    LeaveRequestRow r = leave.request(o.requestId()).orElse(null);
    if (r == null) {
      return;
    }
    String text = LeaveTexts.chinese().get(key, LeaveTexts.shortTime(o.end()));
    Set<String> before = store.copiedOn(r.id());
    if (o.what() == LeaveOutcome.What.FINALLY_APPROVED) {
      copy(r, CcRule.Phase.APPROVED, LocalDateTime.now(clock), text);
    }
    changed(r, before, text);
  }

  /**
   * The request changed ({@code text}: what the cards say now, e.g. "已驳回"): the card of everyone
   * copied on it is updated.
   */
  @Transactional(TxType.MANDATORY)
  public void changed(LeaveRequestRow r, String text) {
    changed(r, store.copiedOn(r.id()), text);
  }

  private void changed(LeaveRequestRow r, Set<String> copied, String text) {
    for (String account : copied) {
      outbox.enqueue(messages.cardUpdated(r, account, text));
    }
  }

  private List<String> copy(
      LeaveRequestRow r, CcRule.Phase phase, LocalDateTime now, String statusText) {
    List<CcRule> lines = store.lines();
    if (lines.isEmpty()) {
      return List.of();
    }
    Long routedBy = store.ruleOf(r.id()).orElse(null);
    List<CcPlan.Copy> plan =
        CcPlan.whoFor(
            lines,
            routedBy,
            phase,
            line -> resolve(line, r),
            r.studentAccount(),
            store.copiedOn(r.id()));
    if (plan.isEmpty()) {
      return List.of();
    }
    Map<String, String> names =
        directory.namesOf(plan.stream().map(CcPlan.Copy::account).distinct().toList());
    List<String> told = new ArrayList<>();
    List<String> said = new ArrayList<>();
    String typeName = catalog.typeName(r.typeCode());
    String className =
        r.classCode() == null
            ? ""
            : directory
                .classNames(List.of(r.classCode()))
                .getOrDefault(r.classCode(), r.classCode());
    for (CcPlan.Copy c : plan) {
      // Only people the directory knows (an account typed once and gone since copies nobody).
      if (!names.containsKey(c.account())) {
        continue;
      }
      if (store.insertCopy(
          r.id(), c.account(), c.ccRuleId(), c.target().name(), phase.name(), now)) {
        outbox.enqueue(messages.card(r, typeName, className, c.account(), statusText));
        told.add(c.account());
        said.add(
            LeaveTexts.chinese().get("leave.cc.target." + c.target().name())
                + " "
                + names.get(c.account()));
      }
    }
    if (!told.isEmpty()) {
      String detail = String.join("、", said);
      leave.event(
          r.id(),
          LeaveActor.SYSTEM.account(),
          "",
          "CC_SENT",
          null,
          DecisionVia.AUTOMATIC.name(),
          detail.length() > 500 ? detail.substring(0, 500) : detail,
          now);
    }
    return told;
  }

  /** The people a CC line names for this request, now. */
  List<String> resolve(CcRule line, LeaveRequestRow r) {
    return switch (line.target()) {
      case PERSON -> List.of(line.account());
      case CLASS_TEACHER ->
          r.classCode() == null
              ? List.of()
              : store.contact(CcTarget.CLASS_TEACHER.name(), r.classCode()).stream().toList();
      case DORM_MANAGER -> store.contact(CcTarget.DORM_MANAGER.name(), "").stream().toList();
      case COURSE_TEACHERS -> {
        try {
          yield missed
              .forStudent(r.studentAccount(), r.classCode(), r.start(), r.end())
              .teacherAccounts();
        } catch (RuntimeException e) {
          // A timetable that cannot be read must not stop the submit or the approval.
          LOG.log(Level.WARNING, "course teachers of leave " + r.id() + ": " + e, e);
          yield List.of();
        }
      }
    };
  }

  // ---- reading

  /** Whether {@code viewer} was copied on the request (may read it, nothing else). */
  public boolean isCopied(long requestId, SignedInUser viewer) {
    return store.isCopied(requestId, viewer.account());
  }

  /** One person copied on a request, by name, and why. */
  public record Copied(String account, String name, String target, LocalDateTime copiedAt)
      implements java.io.Serializable {}

  /** Who was copied on a request and why, by name (the request page; its caller checked access). */
  public List<Copied> copiesOf(long requestId) {
    List<CcStore.Copy> copies = store.copiesOf(requestId);
    if (copies.isEmpty()) {
      return List.of();
    }
    Map<String, String> names =
        directory.namesOf(copies.stream().map(CcStore.Copy::account).toList());
    return copies.stream()
        .map(
            c ->
                new Copied(
                    c.account(),
                    names.getOrDefault(c.account(), c.account()),
                    c.target(),
                    c.copiedAt()))
        .toList();
  }

  /** 抄送我的, page {@code page} (from 1; below 1 reads as 1), one more row than a page. */
  @Transactional(TxType.SUPPORTS)
  public List<CcStore.CopiedToMe> copiedTo(SignedInUser viewer, int page) {
    int p = Math.max(1, page);
    long offset = Math.min((long) (p - 1) * PAGE_SIZE, 1_000_000L);
    return store.copiedTo(viewer.account(), (int) offset, PAGE_SIZE + 1);
  }

  public long countCopiedTo(SignedInUser viewer) {
    return store.countCopiedTo(viewer.account());
  }
}
