package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.ExtensionRule;
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

/** The admin's 续假 rules (请假设置): add and delete, admins only, audited. */
@ApplicationScoped
public class ExtensionRules {
  @Inject ExtensionStore store;
  @Inject AuditTrail audit;

  public List<ExtensionRule> rules() {
    return store.rules();
  }

  @Transactional
  @Requires(roles = Role.ADMIN)
  public long add(ExtensionRule rule, AuditActor actor) {
    long id = store.insertRule(rule);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("priority", rule.priority());
    after.put("type", rule.typeCode() == null ? "" : rule.typeCode());
    after.put("maxDays", rule.maxDays() == null ? "" : rule.maxDays().toPlainString());
    after.put("steps", rule.stepsText());
    audit.record(
        actor,
        "LEAVE_EXTENSION_RULE_ADD",
        AuditObject.of("leave_extension_rule", id, rule.stepsText()),
        AuditDiff.created(after));
    return id;
  }

  @Transactional
  @Requires(roles = Role.ADMIN)
  public void delete(long id, AuditActor actor) {
    store.rules().stream()
        .filter(r -> r.id() == id)
        .findFirst()
        .ifPresent(
            r -> {
              store.deleteRule(id);
              audit.record(
                  actor,
                  "LEAVE_EXTENSION_RULE_DELETE",
                  AuditObject.of("leave_extension_rule", id, r.stepsText()),
                  AuditDiff.between(Map.of("steps", r.stepsText()), Map.of("steps", "")));
            });
  }
}
