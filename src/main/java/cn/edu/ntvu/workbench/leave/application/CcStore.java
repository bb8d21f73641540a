package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.CcRule;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 抄送 (CC) in SQL: the CC lines of the routing rules ({@code leave_cc_rule}), the people the admin
 * named for the roles the directory lacks ({@code leave_cc_contact}: 班主任 per class, 宿管 for the
 * school) and who was copied on each request and why ({@code leave_cc}). Runs in the caller's
 * transaction.
 */
public interface CcStore {
  List<CcRule> lines();

  long insertLine(CcRule line);

  int deleteLine(long id);

  /** A person named for a CC role: {@code classCode} "" for school-wide (宿管). */
  record Contact(String role, String classCode, String account) implements java.io.Serializable {}

  List<Contact> contacts();

  Optional<String> contact(String role, String classCode);

  /** Names (or replaces) the person of a CC role for a class ("" = school-wide). */
  void setContact(String role, String classCode, String account);

  int deleteContact(String role, String classCode);

  /** The routing rule that routed the request (null when none matched). */
  Optional<Long> ruleOf(long requestId);

  /** Who was copied on a request already. */
  Set<String> copiedOn(long requestId);

  /** Records a copy; false when this person was copied on the request already. */
  boolean insertCopy(
      long requestId,
      String account,
      long ccRuleId,
      String target,
      String phase,
      LocalDateTime now);

  boolean isCopied(long requestId, String account);

  /** One person copied on a request: why and when. */
  record Copy(String account, String target, String phase, LocalDateTime copiedAt)
      implements java.io.Serializable {}

  List<Copy> copiesOf(long requestId);

  /** One line of 抄送我的: the request, why and when I was copied. */
  record CopiedToMe(LeaveRequestRow request, String target, String phase, LocalDateTime copiedAt)
      implements java.io.Serializable {}

  /** 抄送我的: newest copy first, {@code limit} from {@code offset}. */
  List<CopiedToMe> copiedTo(String account, int offset, int limit);

  long countCopiedTo(String account);
}
