package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The approvers' 08:00 digest (issue 18, item 5): an approver who chose it on 我的账号 gets at {@link
 * #AT} school time one card listing everything waiting for them, oldest first; nothing when nothing
 * waits. Once per day across servers: the run whose insert adds the day's row in {@code
 * leave_approver_digest_run} sends, in the same transaction (keys {@code
 * leave:approver-digest:2026-12-07:10001} guard a retry too). A day not sent by {@link #LATEST} is
 * skipped, not sent late. The choice itself: {@link #choose}, the signed-in person's own.
 */
@ApplicationScoped
public class ApproverDigest {
  public static final LocalTime AT = LocalTime.of(8, 0);
  public static final LocalTime LATEST = AT.plusHours(4);

  @Inject UrgeStore store;
  @Inject UrgeMessages messages;
  @Inject LeaveCatalog catalog;
  @Inject WeComOutbox outbox;
  @Inject Clock clock;

  public boolean wantsDigest(String account) {
    return account != null && store.wantsDigest(account);
  }

  /** Records the signed-in staff member's own choice. */
  @Transactional
  @Requires(kind = PersonKind.STAFF)
  public void choose(String account, boolean digest) {
    store.chooseDigest(account, digest, LocalDateTime.now(clock));
  }

  /** One run as at the school clock's now. */
  @Transactional
  public int run() {
    return runAt(LocalDateTime.now(clock));
  }

  /**
   * {@link #run} as at {@code now}: before 08:00, from {@link #LATEST}, or a day already claimed,
   * does nothing.
   *
   * @return the digests queued, or -1 when this run did not claim the day
   */
  @Transactional
  public int runAt(LocalDateTime now) {
    if (now.toLocalTime().isBefore(AT) || !now.toLocalTime().isBefore(LATEST)) {
      return -1;
    }
    LocalDate day = now.toLocalDate();
    if (!store.claimDigestDay(day, now)) {
      return -1;
    }
    Map<String, List<UrgeStore.Waiting>> per = new LinkedHashMap<>();
    for (UrgeStore.Waiting w : store.waitingForDigestReaders()) {
      per.computeIfAbsent(w.approver(), k -> new ArrayList<>()).add(w);
    }
    List<OutgoingMessage> out = new ArrayList<>();
    per.forEach((a, ws) -> out.add(messages.digest(day, a, ws, catalog::typeName, now)));
    outbox.enqueueAll(out);
    return out.size();
  }
}
