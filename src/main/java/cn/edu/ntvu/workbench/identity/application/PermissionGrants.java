package cn.edu.ntvu.workbench.identity.application;

import static cn.edu.ntvu.workbench.platform.persistence.Sql.str;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.time;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.ts;

import cn.edu.ntvu.workbench.identity.domain.Permission;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Permissions admins give people ({@link Permission}; table {@code permission_grant}). Read from
 * the database every time they decide something — never from a copy in the session — so a
 * revocation counts at once on every server. Only an admin, as the directory says now, may grant or
 * revoke (the page checks too; this is the last line), and every change is in the audit log with
 * the change itself.
 */
@ApplicationScoped
public class PermissionGrants {
  /** A person holding a permission, for the admin page. */
  public record Holder(
      String account, String name, String unitName, String grantedBy, LocalDateTime grantedAt) {}

  @Inject Sql sql;

  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** Whether the active person {@code account} holds {@code permission} now. */
  public boolean has(String account, Permission permission) {
    return !sql.rows(
            "SELECT 1 FROM permission_grant g JOIN person p ON p.id = g.person_id"
                + " WHERE p.account = ? AND p.status = 'ACTIVE' AND g.permission = ?",
            account,
            permission.code())
        .isEmpty();
  }

  /** Everyone holding {@code permission}, by account. */
  @Requires(roles = Role.ADMIN)
  public List<Holder> holders(Permission permission) {
    return sql
        .rows(
            "SELECT p.account, p.name, COALESCE(c.name, d.name), g.granted_by,"
                + " g.granted_at FROM permission_grant g JOIN person p ON p.id = g.person_id"
                + " LEFT JOIN school_class c ON c.id = p.class_id LEFT JOIN department d ON d.id = p.department_id"
                + " WHERE g.permission = ? ORDER BY p.account",
            permission.code())
        .stream()
        .map(r -> new Holder(str(r[0]), str(r[1]), str(r[2]), str(r[3]), time(r[4])))
        .toList();
  }

  /**
   * Gives {@code account} the permission. Returns the reason it was not given: {@code
   * "unknownPerson"} (no active person), {@code "student"} (permissions of this kind are for
   * staff), or empty when it was given (or already held, which changes nothing).
   *
   * @throws SecurityException when {@code admin} is not an admin now
   */
  @Requires(roles = Role.ADMIN)
  @Transactional
  public Optional<String> grant(SignedInUser admin, String account, Permission permission) {
    requireAdmin(admin);
    String who = account == null ? "" : account.strip();
    List<Object[]> person =
        sql.rows("SELECT id, name, kind FROM person WHERE account = ? AND status = 'ACTIVE'", who);
    if (who.isEmpty() || who.length() > 32 || person.isEmpty()) {
      return Optional.of("unknownPerson");
    }
    if ("STUDENT".equals(str(person.get(0)[2]))) {
      return Optional.of("student");
    }
    int added =
        sql.update(
            "INSERT IGNORE INTO permission_grant (person_id, permission, granted_by,"
                + " granted_at) VALUES (?, ?, ?, ?)",
            person.get(0)[0],
            permission.code(),
            admin.account(),
            ts(LocalDateTime.now(clock)));
    if (added == 1) {
      audit.record(
          actor(admin),
          "PERMISSION_GRANT",
          AuditObject.of("person", who, str(person.get(0)[1])),
          AuditDiff.created(Map.of("permission", permission.code())));
    }
    return Optional.empty();
  }

  /**
   * Takes the permission from {@code account}; nothing happens when they do not hold it.
   *
   * @throws SecurityException when {@code admin} is not an admin now
   */
  @Transactional
  @Requires(roles = Role.ADMIN)
  public void revoke(SignedInUser admin, String account, Permission permission) {
    requireAdmin(admin);
    List<Object[]> person =
        sql.rows(
            "SELECT id, name FROM person WHERE account = ?",
            account == null ? "" : account.strip());
    if (person.isEmpty()) {
      return;
    }
    int removed =
        sql.update(
            "DELETE FROM permission_grant WHERE person_id = ? AND permission = ?",
            person.get(0)[0],
            permission.code());
    if (removed == 1) {
      audit.record(
          actor(admin),
          "PERMISSION_REVOKE",
          AuditObject.of("person", account.strip(), str(person.get(0)[1])),
          AuditDiff.between(Map.of("permission", permission.code()), Map.of()));
    }
  }

  /** The admin role as the directory has it now, not as the session remembers it from sign-in. */
  private void requireAdmin(SignedInUser user) {
    if (user == null
        || sql.rows(
                "SELECT 1 FROM role_grant g JOIN person p ON p.id = g.person_id"
                    + " WHERE p.account = ? AND p.status = 'ACTIVE' AND g.role = 'ADMIN'",
                user.account())
            .isEmpty()) {
      throw new SecurityException("only admins grant permissions");
    }
  }

  private static AuditActor actor(SignedInUser u) {
    return new AuditActor(u.account(), u.name(), u.path().name());
  }
}
