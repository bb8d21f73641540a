package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.HandOverView;
import cn.edu.ntvu.workbench.leave.application.LeaveHandOvers;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The request page's 转审/加签 part ({@code WEB-INF/leave/request-handover.xhtml}): the two buttons for
 * an approver holding a pending seat of the open step, and for one who handed it over or waits for
 * an approver they added, who that is. Read once per HTTP request (Faces asks many times).
 */
@Named("handOverPanel")
@RequestScoped
public class HandOverPanel {
  @Inject CurrentUser me;
  @Inject LeaveHandOvers handOvers;

  private final Map<Long, Optional<HandOverView>> views = new HashMap<>();

  /** What the signed-in person sees about handing over request {@code id}; null for nothing. */
  public HandOverView of(long id) {
    return views.computeIfAbsent(id, k -> handOvers.view(k, me.get())).orElse(null);
  }
}
