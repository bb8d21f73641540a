package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import java.io.Serializable;

/**
 * Who does something to a request: a person (account, name, how they signed in) or the server
 * itself.
 */
public record LeaveActor(String account, String name, String signInPath) implements Serializable {
  public static final LeaveActor SYSTEM = new LeaveActor("system", "", AuditActor.SYSTEM_PATH);

  public static LeaveActor of(SignedInUser user) {
    return new LeaveActor(user.account(), user.name(), user.path().name());
  }

  AuditActor audit() {
    return new AuditActor(account, name, signInPath);
  }
}
