package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Placeholder until the approval chain is merged (issue 18). */
@ApplicationScoped
public class LeaveHandOvers {
  @Inject HandOverSettings settings;

  public Optional<HandOverView> view(long requestId, SignedInUser viewer) {
    return Optional.empty();
  }

  public HandOverResult handOver(
      long requestId, int step, String toAccount, String note, LeaveActor actor) {
    return HandOverResult.refused(HandOverProblem.CLOSED, null);
  }

  public HandOverResult add(
      long requestId, int step, String account, boolean before, LeaveActor actor) {
    return HandOverResult.refused(HandOverProblem.CLOSED, null);
  }
}
