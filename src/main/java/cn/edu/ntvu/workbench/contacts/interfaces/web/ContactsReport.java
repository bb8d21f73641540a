package cn.edu.ntvu.workbench.contacts.interfaces.web;

import cn.edu.ntvu.workbench.contacts.application.SyncRun;
import cn.edu.ntvu.workbench.contacts.domain.Conflict;
import cn.edu.ntvu.workbench.contacts.domain.MemberStatus;
import cn.edu.ntvu.workbench.contacts.infrastructure.SyncStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/** The admin report's three lists: not activated, not in WeCom, mobile conflicts of the latest dry run. */
@ApplicationScoped
public class ContactsReport {
  static final int LIMIT = 2000;
  private static final Set<Conflict.Kind> MOBILE =
      Set.of(Conflict.Kind.DUPLICATE_MOBILE, Conflict.Kind.INVALID_MOBILE, Conflict.Kind.MISSING_MOBILE);

  @Inject SyncStore store;

  public List<SyncStore.ReportRow> notActivated() {
    return store.report(List.of(MemberStatus.NOT_ACTIVATED), LIMIT);
  }

  public List<SyncStore.ReportRow> missing() {
    return store.report(List.of(MemberStatus.MISSING, MemberStatus.LEFT), LIMIT);
  }

  public List<Conflict> mobileConflicts() {
    return store.recentRuns(20).stream().filter(r -> !SyncRun.DISCARDED.equals(r.status())).findFirst()
        .map(r -> store.conflicts(r.id()).stream().filter(c -> MOBILE.contains(c.kind())).toList())
        .orElse(List.of());
  }
}
