package cn.edu.ntvu.workbench.platform.audit;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who made a change: the admin's account and name and how they signed in ({@code WECOM}, {@code
 * CAS}, {@code DEV}), or {@link #system} for what the server does on its own (the demo data loaded
 * at start-up). Pages get one from {@code CurrentUser.auditActor()}.
 */
public record AuditActor(String account, String name, String signInPath) implements Serializable {
  /** The sign-in path of changes no person made. */
  public static final String SYSTEM_PATH = "SYSTEM";

  public AuditActor {
    if (account == null || account.isBlank()) {
      throw new IllegalArgumentException("an audit entry needs the actor's account");
    }
    account = AuditObject.cut(account.strip(), 32);
    name = AuditObject.cut(Objects.requireNonNullElse(name, "").strip(), 64);
    signInPath =
        signInPath == null || signInPath.isBlank() ? SYSTEM_PATH : AuditObject.cut(signInPath, 16);
  }

  /** A change the server makes by itself, attributed to a technical account. */
  public static AuditActor system(String account) {
    return new AuditActor(account, "", SYSTEM_PATH);
  }
}
