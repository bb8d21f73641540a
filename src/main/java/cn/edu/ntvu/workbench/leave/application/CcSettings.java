package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.CcRule;
import cn.edu.ntvu.workbench.leave.domain.CcTarget;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin's 抄送 configuration (请假设置): the CC lines of the routing rules, the 班主任 of each class and
 * the 宿管 (people the directory has no role for). Admins only; every change audited. The accounts
 * were checked by the page against the directory (active staff) and are checked again here by kind
 * of target.
 */
@ApplicationScoped
public class CcSettings {
  @Inject CcStore store;
  @Inject AuditTrail audit;

  public List<CcRule> lines() {
    return store.lines();
  }

  public List<CcStore.Contact> contacts() {
    return store.contacts();
  }

  @Transactional
  @Requires(roles = Role.ADMIN)
  public long addLine(CcRule line, AuditActor actor) {
    long id = store.insertLine(line);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("rule", line.ruleId() == null ? "*" : line.ruleId().toString());
    after.put("target", line.target().name());
    after.put("account", line.account() == null ? "" : line.account());
    after.put("onSubmit", line.onSubmit());
    after.put("onApproval", line.onApproval());
    audit.record(
        actor,
        "LEAVE_CC_RULE_ADD",
        AuditObject.of("leave_cc_rule", id, line.target().name()),
        AuditDiff.created(after));
    return id;
  }

  @Transactional
  @Requires(roles = Role.ADMIN)
  public void deleteLine(long id, AuditActor actor) {
    store.lines().stream()
        .filter(l -> l.id() == id)
        .findFirst()
        .ifPresent(
            l -> {
              store.deleteLine(id);
              audit.record(
                  actor,
                  "LEAVE_CC_RULE_DELETE",
                  AuditObject.of("leave_cc_rule", id, l.target().name()),
                  AuditDiff.between(Map.of("target", l.target().name()), Map.of("target", "")));
            });
  }

  /** Names the 班主任 of a class ({@code classCode}) or the 宿管 ({@code classCode} null). */
  @Transactional
  @Requires(roles = Role.ADMIN)
  public void setContact(CcTarget role, String classCode, String account, AuditActor actor) {
    if (role != CcTarget.CLASS_TEACHER && role != CcTarget.DORM_MANAGER) {
      throw new IllegalArgumentException("only 班主任 and 宿管 are named here");
    }
    String scope = role == CcTarget.DORM_MANAGER || classCode == null ? "" : classCode;
    String before = store.contact(role.name(), scope).orElse("");
    store.setContact(role.name(), scope, account);
    audit.record(
        actor,
        "LEAVE_CC_CONTACT",
        AuditObject.of("leave_cc_contact", role.name() + ":" + scope, role.name()),
        AuditDiff.between(Map.of("account", before), Map.of("account", account)));
  }

  @Transactional
  @Requires(roles = Role.ADMIN)
  public void deleteContact(CcTarget role, String classCode, AuditActor actor) {
    String scope = classCode == null ? "" : classCode;
    store
        .contact(role.name(), scope)
        .ifPresent(
            before -> {
              store.deleteContact(role.name(), scope);
              audit.record(
                  actor,
                  "LEAVE_CC_CONTACT",
                  AuditObject.of("leave_cc_contact", role.name() + ":" + scope, role.name()),
                  AuditDiff.between(Map.of("account", before), Map.of("account", "")));
            });
  }
}
