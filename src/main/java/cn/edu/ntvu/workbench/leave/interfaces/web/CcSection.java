package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.LeaveCc;
import cn.edu.ntvu.workbench.leave.application.LeaveDetail;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The 抄送 part of {@code /leave/request.xhtml} ({@code WEB-INF/leave/request-cc.xhtml}): who was
 * copied on the request and why, for everyone who may see the page; and, for a person who sees it
 * only because they were copied, that it is theirs to read, not to decide. Reads only what {@link
 * LeaveDetailBean} already let this viewer see (the service decided that).
 */
@Named("ccSection")
@ViewScoped
public class CcSection implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject LeaveCc cc;

  private Long loadedFor;
  private List<LeaveCc.Copied> copies = List.of();

  private void load(LeaveDetail d) {
    if (d == null) {
      copies = List.of();
      return;
    }
    long id = d.request().id();
    if (loadedFor == null || loadedFor != id) {
      copies = cc.copiesOf(id);
      loadedFor = id;
    }
  }

  public List<LeaveCc.Copied> copies(LeaveDetail d) {
    load(d);
    return copies;
  }

  /** Why this viewer was copied (the target's name key), empty when they were not. */
  public String mine(LeaveDetail d) {
    load(d);
    Optional<LeaveCc.Copied> m =
        copies.stream().filter(c -> c.account().equals(me.get().account())).findFirst();
    return m.map(LeaveCc.Copied::target).orElse("");
  }
}
