package cn.edu.ntvu.workbench.leave.application;

import java.io.Serializable;
import java.util.List;

/**
 * A request as one viewer may see it, with what that viewer may do now: {@code openStepForMe} is
 * the step number they may decide (0 = none); {@code mayResubmit}: its student may send it again
 * after 驳回; {@code resubmittedFrom} the earlier request this one was sent again from (or null),
 * {@code resubmissions} the ones sent again from this one; {@code missed} the classes it missed as
 * stored at submit; {@code mayRevoke}: its student may 撤销 the approved leave (not started yet);
 * {@code mayCancel}: this approver may 取消 the approved leave (not ended yet).
 */
public record LeaveDetail(
    LeaveRequestRow request,
    String className,
    List<StepRow> steps,
    List<ChainStep> chain,
    List<LeaveEvent> events,
    List<AttachmentStore.Info> attachments,
    List<LeaveRequestRow> history,
    boolean owner,
    int openStepForMe,
    boolean mayWithdraw,
    boolean mayReportBack,
    boolean mayConfirmReturn,
    boolean mayResubmit,
    LeaveRequestRow resubmittedFrom,
    List<LeaveRequestRow> resubmissions,
    MissedClassList missed,
    boolean mayRevoke,
    boolean mayCancel)
    implements Serializable {}
