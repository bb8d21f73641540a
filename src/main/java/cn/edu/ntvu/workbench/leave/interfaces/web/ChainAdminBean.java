package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.ChainAdmin;
import cn.edu.ntvu.workbench.leave.application.ChainStore;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.leave.domain.ChainRefusal;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /leave/admin.xhtml}'s 待处理审批人 (issue 18, {@code WEB-INF/leave/admin-chain.xhtml}): the
 * undecided seats of approvers gone from the directory (or inactive) on open steps; an admin puts
 * someone in their place or takes the seat off. Admins only (the page, this bean and {@link
 * ChainAdmin} each check); a refusal is shown beside its row, the account typed kept.
 */
@Requires(roles = Role.ADMIN)
@Named("chainAdmin")
@ViewScoped
public class ChainAdminBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject ChainAdmin admin;

  private List<ChainStore.GoneSeat> seats;
  private final Map<String, String> replacements = new HashMap<>();
  private final Map<String, String> problems = new HashMap<>();
  private String done;

  public List<ChainStore.GoneSeat> getSeats() {
    if (seats == null) {
      seats = admin.goneSeats(me.get(), 100);
    }
    return seats;
  }

  public static String key(ChainStore.GoneSeat s) {
    return s.requestId() + "-" + s.stepNo() + "-" + s.account();
  }

  public String rowKey(ChainStore.GoneSeat s) {
    return key(s);
  }

  /** The replacement typed per row (account). */
  public Map<String, String> getReplacements() {
    return replacements;
  }

  public String problem(ChainStore.GoneSeat s) {
    return problems.get(key(s));
  }

  public String getDone() {
    return done;
  }

  public void replace(long requestId, int stepNo, String account) {
    String k = requestId + "-" + stepNo + "-" + account;
    String with = replacements.get(k);
    if (with == null || with.isBlank()) {
      problems.put(k, LeaveTexts.ofView().get("leave.chainAdmin.replacementMissing"));
      return;
    }
    act(k, requestId, stepNo, account, with.strip());
  }

  public void remove(long requestId, int stepNo, String account) {
    act(requestId + "-" + stepNo + "-" + account, requestId, stepNo, account, null);
  }

  private void act(String k, long requestId, int stepNo, String account, String with) {
    problems.clear();
    done = null;
    ChainRefusal why = admin.removeSeat(me.get(), requestId, stepNo, account, with);
    if (why != null) {
      problems.put(k, LeaveTexts.ofView().get("leave.chainAdmin.refused." + why.name()));
      return;
    }
    replacements.remove(k);
    seats = null;
    done =
        LeaveTexts.ofView()
            .get(with == null ? "leave.chainAdmin.removed" : "leave.chainAdmin.replaced");
  }
}
