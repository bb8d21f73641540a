package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.DecisionOutcome;
import cn.edu.ntvu.workbench.leave.application.LeaveActor;
import cn.edu.ntvu.workbench.leave.application.LeaveDecisions;
import cn.edu.ntvu.workbench.leave.application.LeaveDetail;
import cn.edu.ntvu.workbench.leave.application.LeaveQueries;
import cn.edu.ntvu.workbench.leave.application.LeaveReturns;
import cn.edu.ntvu.workbench.leave.application.LeaveReversals;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;

/**
 * {@code /leave/request.xhtml?id=42}: one request for whoever may see it (else 403 and one
 * sentence, nothing of the request): the student sees the chain by name and the timeline, may
 * withdraw or report back, and after 驳回 send it again changed; an approver of the open step
 * approves in one tap (a comment optional) or rejects with a reason in two — or at once asked for
 * the reason when the card's 驳回 button opened the page ({@code &reject=1}); the counsellor confirms
 * 销假; the student 撤销s an approved leave before it starts, an approver 取消s one before it ends (with
 * a reason, asked in a second step as the 驳回's). Every action is checked again by the service.
 */
@Named("leaveDetail")
@ViewScoped
public class LeaveDetailBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject LeaveQueries queries;
  @Inject LeaveDecisions decisions;
  @Inject LeaveReturns returns;
  @Inject LeaveReversals reversals;

  private String idParam;
  private long id;
  private LeaveDetail detail;
  private String rejectParam;
  private boolean rejecting;
  private String approveComment;
  private String rejectReason;
  private String rejectProblem;
  private boolean cancelling;
  private String cancelReason;
  private String cancelProblem;

  public void load() {
    if (detail != null && id != 0) {
      return;
    }
    try {
      id = Long.parseLong(idParam == null ? "" : idParam.strip());
    } catch (NumberFormatException e) {
      refuse(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    reload();
    if (detail == null) {
      refuse(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    String note =
        faces.getExternalContext().getRequestParameterMap().get("new") != null
            ? "leave.apply.created"
            : faces.getExternalContext().getRequestParameterMap().get("again") != null
                ? "leave.apply.again"
                : null;
    // The notice belongs to the moment of submitting: a reload of that URL after a decision does
    // not repeat it.
    if (note != null
        && detail.request().status() == cn.edu.ntvu.workbench.leave.domain.LeaveStatus.PENDING) {
      info(LeaveTexts.ofView().get(note));
    }
    if (rejectParam != null) {
      askReason();
    }
  }

  /**
   * {@code &reject=1}, the card's 驳回 button: the reason is asked at once when that step is still
   * this person's to decide; otherwise the page says why there is nothing to reject.
   */
  private void askReason() {
    int step;
    try {
      step = Integer.parseInt(rejectParam.strip());
    } catch (NumberFormatException e) {
      return;
    }
    if (detail.openStepForMe() > 0 && detail.openStepForMe() == step) {
      rejecting = true;
      return;
    }
    detail.steps().stream()
        .filter(s -> s.stepNo() == step)
        .findFirst()
        .ifPresent(
            s -> {
              if (s.decidedByName() != null) {
                info(
                    LeaveWords.outcome(
                        new DecisionOutcome(
                            DecisionOutcome.Kind.ALREADY_DECIDED,
                            id,
                            step,
                            s.decidedBy(),
                            s.decidedByName(),
                            s.status().name())));
              } else if (detail.request().status()
                  != cn.edu.ntvu.workbench.leave.domain.LeaveStatus.PENDING) {
                info(
                    LeaveWords.outcome(
                        new DecisionOutcome(
                            DecisionOutcome.Kind.CLOSED,
                            id,
                            step,
                            null,
                            null,
                            detail.request().status().name())));
              } else {
                info(LeaveTexts.ofView().get("leave.outcome.NOT_YOUR_STEP"));
              }
            });
  }

  private void reload() {
    detail = queries.detail(id, me.get()).orElse(null);
  }

  private void refuse(int status) {
    detail = null;
    FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
  }

  public void approve() {
    if (guard()) {
      decided(
          decisions.decide(
              id,
              detail.openStepForMe(),
              true,
              approveComment,
              LeaveActor.of(me.get()),
              DecisionVia.PAGE));
      approveComment = null;
    }
  }

  /** 驳回: the reason is asked next (what was typed as a comment is its start). */
  public void startReject() {
    rejecting = true;
    if ((rejectReason == null || rejectReason.isBlank()) && approveComment != null) {
      rejectReason = approveComment;
    }
  }

  public void cancelReject() {
    rejecting = false;
    rejectProblem = null;
  }

  public void reject() {
    if (!guard()) {
      return;
    }
    if (rejectReason == null || rejectReason.isBlank()) {
      rejectProblem = LeaveTexts.ofView().get("leave.detail.rejectReasonMissing");
      rejecting = true;
      return;
    }
    DecisionOutcome o =
        decisions.decide(
            id,
            detail.openStepForMe(),
            false,
            rejectReason,
            LeaveActor.of(me.get()),
            DecisionVia.PAGE);
    decided(o);
    rejecting = o.kind() == DecisionOutcome.Kind.REASON_MISSING;
  }

  public void withdraw() {
    if (detail != null && decisions.withdraw(id, LeaveActor.of(me.get()))) {
      info(LeaveTexts.ofView().get("leave.detail.withdrawn"));
    } else {
      error(LeaveTexts.ofView().get("leave.outcome.failed"));
    }
    reload();
  }

  public void reportBack() {
    if (detail != null && returns.reportBack(id, LeaveActor.of(me.get()))) {
      reload();
      info(
          LeaveTexts.ofView()
              .get(
                  detail.request().returnConfirmedAt() != null
                      ? "leave.detail.reportedBackConfirmed"
                      : "leave.detail.reportedBack"));
    } else {
      error(LeaveTexts.ofView().get("leave.outcome.failed"));
      reload();
    }
  }

  /** 撤销: the student takes back the approved leave (the service checks owner and start). */
  public void revoke() {
    if (detail != null && reversals.revoke(id, LeaveActor.of(me.get()))) {
      info(LeaveTexts.ofView().get("leave.detail.revoked"));
    } else {
      error(LeaveTexts.ofView().get("leave.outcome.failed"));
    }
    reload();
  }

  /** 取消请假: the reason is asked next. */
  public void startCancel() {
    cancelling = detail != null && detail.mayCancel();
    cancelProblem = null;
  }

  public void stopCancel() {
    cancelling = false;
    cancelProblem = null;
  }

  /** 取消 with the reason (the service checks the approver, the state and the reason). */
  public void cancelApproved() {
    if (detail == null || !detail.mayCancel()) {
      error(LeaveTexts.ofView().get("leave.outcome.failed"));
      cancelling = false;
      reload();
      return;
    }
    if (cancelReason == null || cancelReason.isBlank()) {
      cancelProblem = LeaveTexts.ofView().get("leave.detail.cancelReasonMissing");
      cancelling = true;
      return;
    }
    LeaveReversals.Result done = reversals.cancel(id, cancelReason, LeaveActor.of(me.get()));
    switch (done) {
      case DONE -> {
        info(LeaveTexts.ofView().get("leave.detail.cancelled"));
        cancelling = false;
        cancelReason = null;
      }
      case REASON_MISSING -> {
        cancelProblem = LeaveTexts.ofView().get("leave.detail.cancelReasonMissing");
        cancelling = true;
      }
      case REFUSED -> {
        error(LeaveTexts.ofView().get("leave.outcome.failed"));
        cancelling = false;
      }
    }
    reload();
  }

  public void confirmReturn() {
    if (detail != null && returns.confirmReturn(id, LeaveActor.of(me.get()))) {
      info(LeaveTexts.ofView().get("leave.detail.returnConfirmed"));
    } else {
      error(LeaveTexts.ofView().get("leave.outcome.failed"));
    }
    reload();
  }

  /**
   * The page showed this person a step to decide. The decision names that step: if someone decided
   * it meanwhile, the service answers who did (the request row is locked and the step changes only
   * while open).
   */
  private boolean guard() {
    if (detail == null || detail.openStepForMe() == 0) {
      error(LeaveTexts.ofView().get("leave.outcome.NOT_YOUR_STEP"));
      return false;
    }
    return true;
  }

  private void decided(DecisionOutcome o) {
    String text = LeaveWords.outcome(o);
    if (o.decided()) {
      info(text);
    } else {
      error(text);
    }
    reload();
  }

  private static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public LeaveDetail getDetail() {
    return detail;
  }

  public boolean isFound() {
    return detail != null;
  }

  public boolean isRejecting() {
    return rejecting;
  }

  public String getApproveComment() {
    return approveComment;
  }

  public void setApproveComment(String approveComment) {
    this.approveComment = approveComment;
  }

  public String getRejectParam() {
    return rejectParam;
  }

  public void setRejectParam(String rejectParam) {
    this.rejectParam = rejectParam;
  }

  public int getCommentMax() {
    return LeaveDecisions.COMMENT_MAX;
  }

  public String getRejectReason() {
    return rejectReason;
  }

  public void setRejectReason(String rejectReason) {
    this.rejectReason = rejectReason;
  }

  public boolean isCancelling() {
    return cancelling;
  }

  public String getCancelReason() {
    return cancelReason;
  }

  public void setCancelReason(String cancelReason) {
    this.cancelReason = cancelReason;
  }

  public String getCancelProblem() {
    return cancelProblem;
  }

  public int getReasonMax() {
    return LeaveReversals.REASON_MAX;
  }

  public String getRejectProblem() {
    return rejectProblem;
  }

  public String getIdParam() {
    return idParam;
  }

  public void setIdParam(String idParam) {
    this.idParam = idParam;
  }

  /** Reads the request again (after a change made by a part of the page, e.g. 续假). */
  public void refresh() {
    if (detail != null) {
      reload();
    }
  }

  /** Reads the request again after a comment was added on the page (issue 18, item 7). */
  public void reloadAfterComment() {
    if (id != 0) {
      reload();
    }
  }
}
