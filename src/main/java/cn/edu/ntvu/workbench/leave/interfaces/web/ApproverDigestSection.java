package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.ApproverDigest;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The 待我审批汇总 section of 我的账号 ({@code /account/index.xhtml}, issue 18 item 5): an approver opts into
 * the 08:00 daily digest of everything waiting for them. Staff only, their own choice: the account
 * is the signed-in person's, never a request parameter; a student's POST changes nothing (and the
 * service refuses students).
 */
@Named("approverDigest")
@RequestScoped
public class ApproverDigestSection {
  @Inject CurrentUser me;
  @Inject ApproverDigest digest;

  private Boolean wanted;
  private boolean saved;

  public boolean isShown() {
    SignedInUser u = me.get();
    return u != null && !u.isStudent();
  }

  public boolean isWanted() {
    if (wanted == null) {
      wanted = isShown() && digest.wantsDigest(me.getAccount());
    }
    return wanted;
  }

  public void setWanted(boolean wanted) {
    this.wanted = wanted;
  }

  public boolean isSaved() {
    return saved;
  }

  public String save() {
    if (!isShown()) {
      return null;
    }
    digest.choose(me.getAccount(), isWanted());
    saved = true;
    return null;
  }
}
