package cn.edu.ntvu.workbench.leave.application;

import java.io.Serializable;

/**
 * What the request page and the 转审/加签 page show one viewer about handing over: the request, the
 * open step, whether this viewer may hand it over or add someone now ({@code mayAct}: they hold a
 * pending seat of it), how many approvers were added so far and the limit, and — on the page of
 * someone who handed over or waits — who took it ({@code handedOverTo}) or whom they wait for
 * ({@code waitingFor}).
 */
public record HandOverView(
    LeaveRequestRow request,
    String typeName,
    int step,
    boolean mayAct,
    int added,
    int maxAdded,
    String handedOverTo,
    String waitingFor)
    implements Serializable {

  /** Whether one more approver may be added to this request. */
  public boolean mayAdd() {
    return mayAct && added < maxAdded;
  }
}
