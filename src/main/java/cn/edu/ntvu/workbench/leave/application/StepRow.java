package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
import cn.edu.ntvu.workbench.leave.domain.StepMode;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A step of a request's approval chain with the people who may decide it (empty until it opens).
 */
public record StepRow(
    long id,
    long requestId,
    int stepNo,
    ApproverRole role,
    StepStatus status,
    boolean fallback,
    LocalDateTime openedAt,
    String decidedBy,
    String decidedByName,
    LocalDateTime decidedAt,
    String decidedVia,
    String comment,
    List<String> approvers,
    StepMode mode)
    implements Serializable {
  public StepRow {
    approvers = List.copyOf(approvers);
    mode = mode == null ? StepMode.ANY : mode;
  }

  /** A 或签 step (as before issue 18). */
  public StepRow(
      long id,
      long requestId,
      int stepNo,
      ApproverRole role,
      StepStatus status,
      boolean fallback,
      LocalDateTime openedAt,
      String decidedBy,
      String decidedByName,
      LocalDateTime decidedAt,
      String decidedVia,
      String comment,
      List<String> approvers) {
    this(
        id,
        requestId,
        stepNo,
        role,
        status,
        fallback,
        openedAt,
        decidedBy,
        decidedByName,
        decidedAt,
        decidedVia,
        comment,
        approvers,
        StepMode.ANY);
  }
}
