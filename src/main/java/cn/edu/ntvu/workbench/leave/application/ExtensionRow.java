package cn.edu.ntvu.workbench.leave.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One 续假 (extension) of a request: the end before and after, its own length, why, where its
 * approval stands ({@code PENDING}, {@code APPROVED}, {@code REJECTED}, {@code WITHDRAWN}) and
 * which steps of the request are its ({@code firstStep} … {@link #lastStep()}).
 */
public record ExtensionRow(
    long id,
    long requestId,
    int seq,
    LocalDateTime oldEnd,
    LocalDateTime newEnd,
    long durationMinutes,
    BigDecimal durationDays,
    String reason,
    String status,
    Long ruleId,
    int firstStep,
    int stepCount,
    LocalDateTime submittedAt,
    LocalDateTime closedAt)
    implements Serializable {

  public int lastStep() {
    return firstStep + stepCount - 1;
  }

  public boolean hasStep(int stepNo) {
    return stepNo >= firstStep && stepNo <= lastStep();
  }

  public boolean isPending() {
    return "PENDING".equals(status);
  }

  public boolean isApproved() {
    return "APPROVED".equals(status);
  }

  public cn.edu.ntvu.workbench.leave.domain.LeaveDuration duration() {
    return new cn.edu.ntvu.workbench.leave.domain.LeaveDuration(durationMinutes, durationDays);
  }
}
