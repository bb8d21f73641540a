package cn.edu.ntvu.workbench.contacts.interfaces.web;

import cn.edu.ntvu.workbench.contacts.application.ContactStates;
import cn.edu.ntvu.workbench.contacts.application.SyncRun;
import cn.edu.ntvu.workbench.contacts.application.SyncRuns;
import cn.edu.ntvu.workbench.contacts.domain.Conflict;
import cn.edu.ntvu.workbench.contacts.domain.MemberStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * The admin report's three lists: not activated, not in WeCom, mobile conflicts of the latest dry
 * run.
 */
@ApplicationScoped
public class ContactsReport {
  static final int LIMIT = 2000;
  private static final Set<Conflict.Kind> MOBILE =
      Set.of(
          Conflict.Kind.DUPLICATE_MOBILE,
          Conflict.Kind.INVALID_MOBILE,
          Conflict.Kind.MISSING_MOBILE);

  @Inject SyncRuns runs;
  @Inject ContactStates states;

  public List<ContactStates.ReportRow> notActivated() {
    return states.report(List.of(MemberStatus.NOT_ACTIVATED), LIMIT);
  }

  public List<ContactStates.ReportRow> missing() {
    return states.report(List.of(MemberStatus.MISSING, MemberStatus.LEFT), LIMIT);
  }

  public List<Conflict> mobileConflicts() {
    return runs.recentRuns(20).stream()
        .filter(r -> !SyncRun.DISCARDED.equals(r.status()))
        .findFirst()
        .map(r -> runs.conflicts(r.id()).stream().filter(c -> MOBILE.contains(c.kind())).toList())
        .orElse(List.of());
  }

  static final List<MemberStatus> NOT_ACTIVATED = List.of(MemberStatus.NOT_ACTIVATED);
  static final List<MemberStatus> MISSING = List.of(MemberStatus.MISSING, MemberStatus.LEFT);

  /** The not activated or the missing ({@code list}), a page at a time, for the lazy tables. */
  public List<ContactStates.ReportRow> page(
      String list, String filter, String sort, boolean ascending, int first, int size) {
    return states.reportPage(statuses(list), filter, sort, ascending, first, size);
  }

  public long count(String list, String filter) {
    return states.reportCount(statuses(list), filter);
  }

  private static List<MemberStatus> statuses(String list) {
    return "missing".equals(list) ? MISSING : NOT_ACTIVATED;
  }
}
