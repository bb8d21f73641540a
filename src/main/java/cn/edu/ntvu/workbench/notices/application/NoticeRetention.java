package cn.edu.ntvu.workbench.notices.application;

import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Retention: a notice sent (or last saved, for a draft) more than {@code notices.keep-days} ago is
 * archived — its title, sender and counts kept in {@code notice_archive} — and removed with its
 * recipients and their read times. Claimed once across servers; at most 500 a run.
 */
@ApplicationScoped
public class NoticeRetention {
  @Inject NoticeStore store;
  @Inject NoticesSettings settings;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  @Transactional
  public int archiveOld(Duration minGap) {
    LocalDateTime now = LocalDateTime.now(clock);
    if (!store.claimJob("retention", now, minGap)) {
      return 0;
    }
    List<Long> old = store.sentBefore(now.minusDays(settings.keepDays()), 500);
    for (long id : old) {
      store.archiveAndRemove(id, now);
    }
    if (!old.isEmpty()) {
      audit.record(
          AuditActor.system("system"),
          "NOTICE_ARCHIVE",
          Notices.object(0, "notices"),
          AuditDiff.created(Map.of("archived", old.size())));
    }
    return old.size();
  }
}
