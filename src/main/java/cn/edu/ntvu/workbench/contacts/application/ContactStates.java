package cn.edu.ntvu.workbench.contacts.application;

import cn.edu.ntvu.workbench.contacts.domain.ContactsDiff;
import cn.edu.ntvu.workbench.contacts.domain.MemberStatus;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * What we remember of each person and department in WeCom (a port; tables {@code wecom_contact} and
 * {@code wecom_department_map}): the fingerprint of what WeCom last accepted, the WeCom status the
 * callbacks report, the last error — read by the diff, 我的账号 and the admin report. Changes for a
 * reason of their own (a callback, a sync outcome), apart from the runs ({@link SyncRuns}).
 */
public interface ContactStates {
  /** One line of the admin report. */
  record ReportRow(
      String account,
      String name,
      String department,
      String mobileMasked,
      MemberStatus status,
      Integer lastErrcode,
      String lastReason) {}

  /** What WeCom last accepted (ids, fingerprints, fields), for the diff. */
  ContactsDiff.Memory memory();

  /** After replaceuser: whoever is not in the file is no longer in WeCom. */
  void forgetMembersNotIn(Set<String> accounts, LocalDateTime now);

  /**
   * Remembers what WeCom accepted for a member (fingerprint null and inWeCom false for a deletion).
   */
  void rememberMember(
      String account,
      boolean inWeCom,
      String fingerprint,
      Integer errcode,
      String reason,
      LocalDateTime now);

  /**
   * As above, with the fields sent (the item's payload), so a later dry run can name what changed.
   */
  void rememberMember(
      String account,
      boolean inWeCom,
      String fingerprint,
      String fields,
      Integer errcode,
      String reason,
      LocalDateTime now);

  /** Records a failed call about a member without changing what we remember as pushed. */
  void memberFailed(String account, int errcode, String reason, LocalDateTime now);

  void rememberDepartment(String code, long wecomId, String fingerprint);

  void forgetDepartment(long wecomId);

  ContactState state(String account);

  /** WeCom told us a member's status (callback or user/get). */
  void setStatus(String account, MemberStatus status, LocalDateTime now);

  /**
   * Active people of the directory whose WeCom status is one of {@code statuses} (MISSING includes
   * people never synced), by account.
   */
  List<ReportRow> report(List<MemberStatus> statuses, int limit);

  /**
   * One page of {@link #report}: {@code filter} narrows by the start of the account or name (or the
   * name's pinyin initials), {@code sort} is {@code account}, {@code name} or {@code department}.
   */
  List<ReportRow> reportPage(
      List<MemberStatus> statuses,
      String filter,
      String sort,
      boolean ascending,
      int first,
      int size);

  /** How many lines {@link #reportPage} has for {@code filter}. */
  long reportCount(List<MemberStatus> statuses, String filter);
}
