package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
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
    List<String> approvers)
    implements Serializable {
  public StepRow {
    approvers = List.copyOf(approvers);
  }
}
