package cn.edu.ntvu.workbench.leave.application;

import java.io.Serializable;
import java.util.List;

/**
 * A request as one viewer may see it, with what that viewer may do now: {@code openStepForMe} is
 * the step number they may decide (0 = none).
 */
public record LeaveDetail(
    LeaveRequestRow request,
    String className,
    List<StepRow> steps,
    List<LeaveEvent> events,
    List<AttachmentStore.Info> attachments,
    List<LeaveRequestRow> history,
    boolean owner,
    int openStepForMe,
    boolean mayWithdraw,
    boolean mayReportBack,
    boolean mayConfirmReturn)
    implements Serializable {}
