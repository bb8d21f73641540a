package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
import cn.edu.ntvu.workbench.leave.domain.LeaveForm;
import cn.edu.ntvu.workbench.leave.domain.LeavePolicy;
import cn.edu.ntvu.workbench.leave.domain.LeaveStatus;
import cn.edu.ntvu.workbench.leave.domain.LeaveType;
import cn.edu.ntvu.workbench.leave.domain.RoutingRule;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The leave tables in SQL, run in the caller's transaction (the services are
 * {@code @Transactional}). Decisions are conditional updates ({@code … WHERE status = 'OPEN'}), so
 * of two approvers deciding at once exactly one changes the row; the request row is locked first
 * ({@link #lockRequest}) so every change of one request runs one after another.
 */
public interface LeaveStore {
  List<LeaveType> types();

  /** A new type, after the others. */
  void insertType(LeaveType t);

  /**
   * Changes a type's names, certificate limit and whether students may choose it; its code stays.
   */
  int updateType(LeaveType t);

  LeavePolicy policy();

  void savePolicy(LeavePolicy p);

  List<RoutingRule> rules();

  long insertRule(RoutingRule rule);

  int deleteRule(long id);

  /** Stores the classes a new request misses (its totals and each meeting). */
  void saveMissed(long requestId, MissedClassList missed);

  /** The classes a request missed when submitted (none for requests from before). */
  MissedClassList missed(long requestId);

  /**
   * Inserts a new request; empty when this student's form token is already there (a double tap, a
   * retry).
   */
  OptionalLong insertRequest(
      String student,
      String studentName,
      String classCode,
      LeaveForm form,
      long minutes,
      BigDecimal days,
      int stepCount,
      Long ruleId,
      String token,
      LocalDateTime now);

  /**
   * Locks the student's directory row until the transaction ends, so that two submits of one
   * student (two phones, two tabs) check for overlap one after the other. Must be the transaction's
   * first statement: in REPEATABLE READ a plain read before it would fix the snapshot and the
   * overlap check would not see the other submit. One row by its unique key: no gap locks, so
   * different students never wait for each other.
   */
  void lockStudent(String student);

  OptionalLong requestIdByToken(String student, String token);

  /**
   * The student's pending and approved leave, for the overlap check. A plain read: a locking read
   * here took gap locks that made concurrent submits of different students deadlock on their
   * inserts (seen in bench/leave.sh); one student's submits are serialised by {@link #lockStudent}
   * instead.
   */
  List<LeaveForm.Existing> activeOf(String student);

  Optional<LeaveRequestRow> request(long id);

  /**
   * The request row, locked until the transaction ends: changes of one request run one after
   * another.
   */
  Optional<LeaveRequestRow> lockRequest(long id);

  List<LeaveRequestRow> requestsOf(String student, int limit);

  /** The student's leave that overlaps [from, to), newest first (this term's history). */
  List<LeaveRequestRow> historyOf(String student, LocalDateTime from, LocalDateTime to);

  /** Records that request {@code id} was sent again after 驳回 of {@code from} (same student). */
  int markResubmittedFrom(long id, long from);

  /** The requests sent again from {@code id} after its 驳回, oldest first. */
  List<LeaveRequestRow> resubmissionsOf(long id);

  /**
   * 已处理: the steps {@code account} decided, newest decision first, {@code limit} from {@code
   * offset}.
   */
  List<DecidedRow> decidedBy(String account, int offset, int limit);

  /** Requests with an open step {@code account} may decide, oldest first. */
  List<LeaveRequestRow> waitingFor(String account, int limit);

  long countWaitingFor(String account);

  /**
   * Requests of these classes overlapping [from, to) that are approved (or pending, when asked).
   */
  List<LeaveRequestRow> ofClasses(
      Collection<String> classes, LocalDateTime from, LocalDateTime to, boolean withPending);

  /** Approved leave of these classes whose end passed without 销假. */
  List<LeaveRequestRow> overdueOfClasses(Collection<String> classes);

  /**
   * Approved leave that ended before {@code now}, not reported back and not yet flagged; locked.
   */
  List<LeaveRequestRow> newlyOverdue(LocalDateTime now, int limit);

  /** Reported back (销假) and not yet confirmed, of these classes, oldest first. */
  List<LeaveRequestRow> returnsToConfirm(Collection<String> classes, int limit);

  /** Requests a fallback approver was asked to decide (the directory had nobody), newest first. */
  List<LeaveRequestRow> withFallbackSteps(int limit);

  /** Approved leaves holding some time on {@code day} (not reported back before it), by id. */
  List<LeaveRequestRow> approvedOn(java.time.LocalDate day, int limit);

  int advance(long requestId, int fromStep);

  int close(long requestId, LeaveStatus status, LocalDateTime now);

  /**
   * An approved request, not reported back, becomes {@code status} ({@code REVOKED} or {@code
   * CANCELLED}); 0 when it is no longer approved.
   */
  int reverseApproved(long requestId, LeaveStatus status);

  int reportBack(long requestId, LocalDateTime now, boolean confirmNow);

  int confirmReturn(long requestId, String by, LocalDateTime now);

  int flagOverdue(long requestId, LocalDateTime now);

  long insertStep(long requestId, int stepNo, ApproverRole role);

  void openStep(
      long stepId, long requestId, List<String> approvers, boolean fallback, LocalDateTime now);

  /**
   * Records a decision on a step that is still open: 1 when this call decided it, 0 when it was no
   * longer open (an approver before us, a withdrawal) — the conditional update is what makes
   * exactly one decision win.
   */
  int decideStep(
      long stepId,
      StepStatus status,
      String by,
      String byName,
      String via,
      String comment,
      LocalDateTime now);

  /** Cancels the steps still waiting or open (after a rejection or a withdrawal). */
  int cancelRemainingSteps(long requestId);

  List<StepRow> steps(long requestId);

  /**
   * The steps read with locking reads, i.e. as last committed even when this transaction read
   * something earlier (REPEATABLE READ would otherwise answer from its first snapshot): what a
   * decision must look at.
   */
  List<StepRow> stepsLocked(long requestId);

  /** Whether {@code account} may decide (or was asked to decide) any step of the request. */
  boolean wasAskedToDecide(long requestId, String account);

  void event(
      long requestId,
      String account,
      String name,
      String action,
      Integer stepNo,
      String via,
      String detail,
      LocalDateTime now);

  List<LeaveEvent> events(long requestId);

  /**
   * Claims the job {@code name} for this run: locks its row and answers true when its last run is
   * older than {@code minGap} before {@code now} (then records {@code now}); another server's run
   * in between finds it taken.
   */
  boolean claimJob(String name, LocalDateTime now, java.time.Duration minGap);
}
