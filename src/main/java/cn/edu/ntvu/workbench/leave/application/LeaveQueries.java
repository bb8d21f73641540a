package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.ClassRef;
import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
import cn.edu.ntvu.workbench.leave.domain.LeaveStatus;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.timetable.application.TimetableQueryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What the leave pages show, each answer already limited to what the viewer may see: a student
 * their own requests; an approver the requests routed to them; a counsellor or dean the classes
 * they look after.
 */
@ApplicationScoped
public class LeaveQueries {
  @Inject LeaveStore store;
  @Inject AttachmentStore attachments;
  @Inject ApproverDirectory approvers;
  @Inject DirectoryQueries directory;
  @Inject TimetableQueryService timetable;
  @Inject cn.edu.ntvu.workbench.timetable.application.MissedClassesQuery missedClasses;
  @Inject Clock clock;

  /**
   * The request if {@code viewer} may see it: its student, anyone asked to decide a step, the class
   * counsellor; read-only, without attachments or the student's other requests, a teacher of a
   * meeting an approved leave misses (the link under a 请假 row of 点名).
   */
  public Optional<LeaveDetail> detail(long id, SignedInUser viewer) {
    Optional<LeaveRequestRow> found = store.request(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    LeaveRequestRow r = found.get();
    boolean owner = r.studentAccount().equals(viewer.account());
    boolean counsellor =
        !owner
            && approvers
                .approvers(ApproverRole.COUNSELLOR, r.studentAccount())
                .contains(viewer.account());
    boolean asked = !owner && !counsellor && store.wasAskedToDecide(id, viewer.account());
    boolean teacherOnly = !owner && !counsellor && !asked && teachesAMissedClass(r, viewer);
    if (!owner && !counsellor && !asked && !teacherOnly) {
      return Optional.empty();
    }
    List<StepRow> steps = store.steps(id);
    int mine =
        r.status() != LeaveStatus.PENDING
            ? 0
            : steps.stream()
                .filter(
                    s -> s.status() == StepStatus.OPEN && s.approvers().contains(viewer.account()))
                .mapToInt(StepRow::stepNo)
                .findFirst()
                .orElse(0);
    LocalDateTime now = LocalDateTime.now(clock);
    String className =
        r.classCode() == null
            ? ""
            : directory.classNames(List.of(r.classCode())).getOrDefault(r.classCode(), "");
    List<LeaveRequestRow> history =
        owner || teacherOnly
            ? List.of()
            : termHistory(r.studentAccount()).stream().filter(h -> h.id() != id).toList();
    LeaveRequestRow from =
        r.resubmittedFrom() == null ? null : store.request(r.resubmittedFrom()).orElse(null);
    if (from != null && !from.studentAccount().equals(r.studentAccount())) {
      from = null;
    }
    List<LeaveRequestRow> again =
        r.status() == LeaveStatus.REJECTED ? store.resubmissionsOf(id) : List.of();
    return Optional.of(
        new LeaveDetail(
            r,
            className,
            steps,
            chain(r, steps),
            store.events(id),
            teacherOnly ? List.of() : attachments.of(id),
            history,
            owner,
            mine,
            owner && r.status() == LeaveStatus.PENDING,
            owner && r.mayReportBack(now),
            counsellor && r.awaitsReturnConfirmation(),
            owner && r.status() == LeaveStatus.REJECTED,
            from,
            again,
            r.missedPeriodCount() == 0 ? MissedClassList.NONE : store.missed(id),
            owner && LeaveReversals.mayRevoke(r, viewer.account(), now),
            !owner
                && LeaveReversals.cancellable(r, now)
                && (counsellor || store.wasAskedToDecide(id, viewer.account()))));
  }

  /**
   * Whether {@code viewer} teaches a meeting this approved leave misses, by the student's timetable
   * now ({@code MissedClassesQuery}, the same answer the teachers were told by).
   */
  private boolean teachesAMissedClass(LeaveRequestRow r, SignedInUser viewer) {
    if (viewer.kind() != cn.edu.ntvu.workbench.platform.security.PersonKind.STAFF
        || r.status() != LeaveStatus.APPROVED) {
      return false;
    }
    return missedClasses
        .forStudent(r.studentAccount(), r.classCode(), r.start(), r.end())
        .teacherAccounts()
        .contains(viewer.account());
  }

  /**
   * Each step with its people by name: who decided it; else the approvers asked; else, for a step
   * not yet open of a pending request, whom the directory names for it today (looked up again when
   * it opens). One directory query for all names.
   */
  private List<ChainStep> chain(LeaveRequestRow r, List<StepRow> steps) {
    java.util.Map<Integer, List<String>> accounts = new java.util.HashMap<>();
    for (StepRow s : steps) {
      if (approvedByAll(s)) {
        // 会签 approved: everyone on it approved (issue 18).
        accounts.put(s.stepNo(), s.approvers());
        continue;
      }
      if (s.decidedByName() != null && !s.decidedByName().isBlank()) {
        continue;
      }
      if (!s.approvers().isEmpty()) {
        accounts.put(s.stepNo(), s.approvers());
      } else if (s.status() == StepStatus.WAITING && r.status() == LeaveStatus.PENDING) {
        accounts.put(s.stepNo(), approvers.approvers(s.role(), r.studentAccount()));
      }
    }
    java.util.Map<String, String> names =
        directory.namesOf(accounts.values().stream().flatMap(List::stream).distinct().toList());
    return steps.stream()
        .map(
            s ->
                new ChainStep(
                    s,
                    !approvedByAll(s) && s.decidedByName() != null && !s.decidedByName().isBlank()
                        ? List.of(s.decidedByName())
                        : accounts.getOrDefault(s.stepNo(), List.of()).stream()
                            .map(a -> names.getOrDefault(a, a))
                            .toList()))
        .toList();
  }

  private static boolean approvedByAll(StepRow s) {
    return s.mode() == cn.edu.ntvu.workbench.leave.domain.StepMode.ALL
        && s.status() == StepStatus.APPROVED
        && !s.approvers().isEmpty();
  }

  /**
   * 已处理: the steps {@code approver} decided, newest first; {@code size} per page from page 1 (a
   * page below 1 reads as 1), one more row than asked telling whether there is a next page.
   */
  public List<DecidedRow> decidedBy(SignedInUser approver, int page, int size) {
    int p = Math.max(1, page);
    long offset = Math.min((long) (p - 1) * size, 1_000_000L);
    return store.decidedBy(approver.account(), (int) offset, size + 1);
  }

  /**
   * The rejected request {@code id} of {@code student}, to send again after changes: empty for
   * anybody else's, or one not rejected.
   */
  public Optional<LeaveRequestRow> resubmittable(long id, SignedInUser student) {
    return store
        .request(id)
        .filter(
            r ->
                r.studentAccount().equals(student.account()) && r.status() == LeaveStatus.REJECTED);
  }

  /** The attachments of a request (facts only; the caller checked who may see them). */
  public List<AttachmentStore.Info> attachmentsOf(long requestId) {
    return attachments.of(requestId);
  }

  /** The student's leave in the current term (the last 180 days outside a term). */
  public List<LeaveRequestRow> termHistory(String student) {
    LocalDate today = LocalDate.now(clock);
    LocalDate from = today.minusDays(180);
    LocalDate to = today.plusDays(180);
    var term = timetable.termOn(today);
    if (term.isPresent()) {
      from = term.get().calendar().term().firstDay();
      to = term.get().calendar().term().lastDay().plusDays(1);
    }
    return store.historyOf(student, from.atStartOfDay(), to.atStartOfDay());
  }

  public List<LeaveRequestRow> mine(SignedInUser student) {
    return store.requestsOf(student.account(), 50);
  }

  public List<LeaveRequestRow> waitingFor(SignedInUser approver) {
    return store.waitingFor(approver.account(), 200);
  }

  public long countWaitingFor(String account) {
    return store.countWaitingFor(account);
  }

  /** The open step {@code account} may decide on request {@code id}; 0 = none. */
  public int openStepFor(long id, String account) {
    return store.steps(id).stream()
        .filter(s -> s.status() == StepStatus.OPEN && s.approvers().contains(account))
        .mapToInt(StepRow::stepNo)
        .findFirst()
        .orElse(0);
  }

  /** The classes a counsellor or dean looks after (one query). */
  public List<ClassRef> classesInCareOf(SignedInUser user) {
    return directory.classesInCareOf(user.personId());
  }

  public List<LeaveRequestRow> ofClasses(
      List<String> classes, LocalDateTime from, LocalDateTime to, boolean withPending) {
    return store.ofClasses(classes, from, to, withPending);
  }

  /**
   * 待确认销假: the 销假 of students whose counsellor {@code user} is (the classes they look after, then
   * the directory's answer per student), oldest first.
   */
  public List<LeaveRequestRow> returnsToConfirm(SignedInUser user) {
    if (user.isStudent()) {
      return List.of();
    }
    List<String> classes = classesInCareOf(user).stream().map(ClassRef::code).toList();
    return store.returnsToConfirm(classes, 200).stream()
        .filter(
            r ->
                approvers
                    .approvers(ApproverRole.COUNSELLOR, r.studentAccount())
                    .contains(user.account()))
        .toList();
  }

  public List<LeaveRequestRow> overdueOfClasses(List<String> classes) {
    return store.overdueOfClasses(classes);
  }

  public List<LeaveRequestRow> withFallbackSteps() {
    return store.withFallbackSteps(100);
  }

  /**
   * Whether the viewer may download this request's attachments (the same people who may see it).
   */
  public boolean maySee(long requestId, SignedInUser viewer) {
    Optional<LeaveRequestRow> r = store.request(requestId);
    return r.isPresent()
        && (r.get().studentAccount().equals(viewer.account())
            || store.wasAskedToDecide(requestId, viewer.account())
            || approvers
                .approvers(ApproverRole.COUNSELLOR, r.get().studentAccount())
                .contains(viewer.account()));
  }

  public Optional<AttachmentStore.Info> attachment(long id) {
    return attachments.info(id);
  }

  public Optional<byte[]> attachmentContent(long id, boolean preview) {
    return attachments.content(id, preview);
  }
}
