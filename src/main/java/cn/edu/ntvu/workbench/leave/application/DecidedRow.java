package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import java.io.Serializable;
import java.time.LocalDateTime;

/** One line of an approver's 已处理 list: the request and what they decided on it, and when. */
public record DecidedRow(
    LeaveRequestRow request,
    int stepNo,
    StepStatus decision,
    LocalDateTime decidedAt,
    String via,
    String comment)
    implements Serializable {}
