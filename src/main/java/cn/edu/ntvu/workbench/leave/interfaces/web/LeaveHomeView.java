package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.LeaveQueries;
import cn.edu.ntvu.workbench.leave.application.LeaveRequestRow;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * {@code /leave/index.xhtml}: a student's own requests with their status and the button to ask; for
 * staff the way to what waits for them, their classes and (admins) the settings.
 */
@Named
@RequestScoped
public class LeaveHomeView {
  @Inject CurrentUser me;
  @Inject LeaveQueries queries;

  private List<LeaveRequestRow> mine;
  private Long waiting;

  public void load() {
    SignedInUser user = me.get();
    mine = user.isStudent() ? queries.mine(user) : List.of();
    waiting = user.isStudent() ? 0L : queries.countWaitingFor(user.account());
  }

  public boolean isStudent() {
    return me.get().isStudent();
  }

  public boolean isCarer() {
    SignedInUser u = me.get();
    return u.has(Role.COUNSELLOR) || u.has(Role.DEAN);
  }

  public List<LeaveRequestRow> getMine() {
    return mine;
  }

  public long getWaiting() {
    return waiting == null ? 0 : waiting;
  }
}
