package cn.edu.ntvu.workbench.notices.application;

import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.notices.domain.NoticeStatus;
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

/**
 * The sender's view, for the sender and co-senders only (read times are theirs alone): read N/M and
 * confirmed N/M overall and per class, the names of those who have not read or not confirmed, 提醒未读
 * — one card to exactly the unread, at most once an hour per notice (a conditional update of the
 * notice row decides, so two senders tapping at once on two servers send one) — and the export
 * rows.
 */
@ApplicationScoped
public class NoticeResults {
  public static final Duration REMIND_GAP = Duration.ofHours(1);

  @Inject NoticeStore store;
  @Inject Notices notices;
  @Inject NoticeMessages messages;
  @Inject WeComOutbox outbox;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  public record Overview(
      NoticeRow notice,
      long recipients,
      long read,
      long confirmed,
      List<UnitCount> units,
      LocalDateTime nextRemindAt) {
    public long unread() {
      return recipients - read;
    }
  }

  public Overview overview(SignedInUser user, long id) {
    NoticeRow n = notices.owned(user, id);
    long[] c = store.counts(id);
    LocalDateTime next = n.lastRemindedAt() == null ? null : n.lastRemindedAt().plus(REMIND_GAP);
    return new Overview(n, c[0], c[1], c[2], store.perUnit(id), next);
  }

  /** Recipients with their read and confirm times, unread first. */
  public List<NoticeRecipient> recipients(SignedInUser user, long id, int limit) {
    notices.owned(user, id);
    return store.recipients(id, limit);
  }

  /** What came of 提醒未读: how many were told, or why nobody was. */
  public record RemindOutcome(int reminded, String refusalKey, LocalDateTime nextAt) {}

  @Transactional
  public RemindOutcome remind(SignedInUser user, long id) {
    NoticeRow n = notices.owned(user, id);
    LocalDateTime now = LocalDateTime.now(clock);
    if (n.status() != NoticeStatus.SENT) {
      return new RemindOutcome(0, "notices.results.remind.notSent", null);
    }
    List<String> to = store.unreadAccounts(id);
    if (to.isEmpty()) {
      return new RemindOutcome(0, "notices.results.remind.nobody", null);
    }
    if (!store.claimRemind(id, now, REMIND_GAP)) {
      NoticeRow fresh = store.notice(id).orElseThrow();
      return new RemindOutcome(
          0,
          "notices.results.remind.tooSoon",
          fresh.lastRemindedAt() == null ? null : fresh.lastRemindedAt().plus(REMIND_GAP));
    }
    messages.reminder(n, to, now).forEach(outbox::enqueue);
    audit.record(
        Notices.actor(user),
        "NOTICE_REMIND",
        Notices.object(id, n.title()),
        AuditDiff.created(Map.of("reminded", to.size())));
    return new RemindOutcome(to.size(), null, null);
  }
}
