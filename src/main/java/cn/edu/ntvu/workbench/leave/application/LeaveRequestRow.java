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
    LocalDateTime overdueAt)
    implements Serializable {

  public LeaveDuration duration() {
    return new LeaveDuration(durationMinutes, durationDays);
  }

  /** Approved, started, not yet reported back: the student may 销假. */
  public boolean mayReportBack(LocalDateTime now) {
    return status == LeaveStatus.APPROVED && returnedAt == null && !start.isAfter(now);
  }

  /** Reported back, waiting for the counsellor's confirmation. */
  public boolean awaitsReturnConfirmation() {
    return returnedAt != null && returnConfirmedAt == null;
  }
}
