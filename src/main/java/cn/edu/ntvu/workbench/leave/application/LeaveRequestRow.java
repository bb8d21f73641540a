package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.LeaveDuration;
import cn.edu.ntvu.workbench.leave.domain.LeaveStatus;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A leave request as the pages and services read it. */
public record LeaveRequestRow(
    long id,
    String studentAccount,
    String studentName,
    String classCode,
    String typeCode,
    LocalDateTime start,
    LocalDateTime end,
    long durationMinutes,
    BigDecimal durationDays,
    String reason,
    boolean offCampus,
    String destination,
    String emergencyContact,
    LeaveStatus status,
    int currentStep,
    int stepCount,
    LocalDateTime submittedAt,
    LocalDateTime closedAt,
    LocalDateTime returnedAt,
    LocalDateTime returnConfirmedAt,
    String returnConfirmedBy,
    LocalDateTime overdueAt,
    Long resubmittedFrom,
    Integer missedPeriods,
    Integer missedCourses)
    implements Serializable {

  /** The class periods missed, as stored at submit; 0 when none or submitted before that. */
  public int missedPeriodCount() {
    return missedPeriods == null ? 0 : missedPeriods;
  }

  /** The courses missed, as stored at submit; 0 when none or submitted before that. */
  public int missedCourseCount() {
    return missedCourses == null ? 0 : missedCourses;
  }

  public LeaveDuration duration() {
    return new LeaveDuration(durationMinutes, durationDays);
  }

  /** Approved, started, not yet reported back: the student may 销假. */
  public boolean mayReportBack(LocalDateTime now) {
    return status == LeaveStatus.APPROVED && returnedAt == null && !start.isAfter(now);
  }

  /**
   * The status as people read it (the bundle key after {@code leave.status.}): an approved leave
   * becomes 已申请销假 (the student's words) or 待确认销假 (everyone else's) once reported back, and 已销假 once
   * confirmed.
   */
  public String shownStatus(boolean student) {
    if (status == LeaveStatus.APPROVED && returnConfirmedAt != null) {
      return "RETURNED";
    }
    if (status == LeaveStatus.APPROVED && returnedAt != null) {
      return student ? "RETURN_ASKED" : "RETURN_PENDING";
    }
    return status.name();
  }

  /** Reported back, waiting for the counsellor's confirmation. */
  public boolean awaitsReturnConfirmation() {
    return returnedAt != null && returnConfirmedAt == null;
  }
}
