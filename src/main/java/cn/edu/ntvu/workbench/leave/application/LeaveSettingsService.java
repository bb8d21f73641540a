package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.FieldProblem;
import cn.edu.ntvu.workbench.leave.domain.LeavePolicy;
import cn.edu.ntvu.workbench.leave.domain.LeaveType;
import cn.edu.ntvu.workbench.leave.domain.RoutingRule;
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
import java.util.Optional;

/**
 * The admin's leave configuration: limits, fallback approver, routing rules; every change in the
 * audit log.
 */
@ApplicationScoped
public class LeaveSettingsService {
  @Inject LeaveStore store;
  @Inject AuditTrail audit;

  public LeavePolicy policy() {
    return store.policy();
  }

  public List<RoutingRule> rules() {
    return store.rules();
  }

  @Requires(roles = Role.ADMIN)
  public List<LeaveRequestRow> withFallbackSteps() {
    return store.withFallbackSteps(100);
  }

  @Transactional
  @Requires(roles = Role.ADMIN)
  public void savePolicy(LeavePolicy p, AuditActor actor) {
    LeavePolicy before = store.policy();
    store.savePolicy(p);
    audit.record(
        actor,
        "LEAVE_SETTINGS",
        AuditObject.of("leave_settings", 1, "请假设置"),
        AuditDiff.between(fields(before), fields(p)));
  }

  @Transactional
  @Requires(roles = Role.ADMIN)
  public long addRule(RoutingRule rule, AuditActor actor) {
    long id = store.insertRule(rule);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("priority", rule.priority());
    after.put("type", rule.typeCode() == null ? "" : rule.typeCode());
    after.put("maxDays", rule.maxDays() == null ? "" : rule.maxDays().toPlainString());
    after.put("offCampus", rule.offCampus() == null ? "" : rule.offCampus().toString());
    after.put(
        "missedPeriodsOver",
        rule.missedPeriodsOver() == null ? "" : rule.missedPeriodsOver().toString());
    after.put("steps", rule.stepsText());
    audit.record(
        actor,
        "LEAVE_RULE_ADD",
        AuditObject.of("leave_rule", id, rule.stepsText()),
        AuditDiff.created(after));
    return id;
  }

  @Transactional
  @Requires(roles = Role.ADMIN)
  public void deleteRule(long id, AuditActor actor) {
    store.rules().stream()
        .filter(r -> r.id() == id)
        .findFirst()
        .ifPresent(
            r -> {
              store.deleteRule(id);
              audit.record(
                  actor,
                  "LEAVE_RULE_DELETE",
                  AuditObject.of("leave_rule", id, r.stepsText()),
                  AuditDiff.between(Map.of("steps", r.stepsText()), Map.of("steps", "")));
            });
  }

  /**
   * Adds a type ({@code isNew}) or changes one. A problem instead when the code is taken (or, for a
   * change, gone) or when this would leave students no type to choose. Requests and rules keep the
   * code, so a type is never removed: an admin turns it off.
   */
  @Transactional
  @Requires(roles = Role.ADMIN)
  public Optional<FieldProblem> saveType(LeaveType t, boolean isNew, AuditActor actor) {
    Optional<LeaveType> before =
        store.types().stream().filter(x -> x.code().equals(t.code())).findFirst();
    if (isNew && before.isPresent()) {
      return Optional.of(FieldProblem.of("typeCode", "leave.admin.type.exists", t.code()));
    }
    if (!isNew && before.isEmpty()) {
      return Optional.of(FieldProblem.of("typeCode", "leave.admin.type.gone", t.code()));
    }
    boolean anotherEnabled =
        store.types().stream().anyMatch(x -> x.enabled() && !x.code().equals(t.code()));
    if (!t.enabled() && !anotherEnabled) {
      return Optional.of(FieldProblem.of("typeEnabled", "leave.admin.type.lastEnabled"));
    }
    if (isNew) {
      store.insertType(t);
      audit.record(
          actor,
          "LEAVE_TYPE_ADD",
          AuditObject.of("leave_type", t.code(), t.name()),
          AuditDiff.created(fields(t)));
    } else {
      store.updateType(t);
      audit.record(
          actor,
          "LEAVE_TYPE_CHANGE",
          AuditObject.of("leave_type", t.code(), t.name()),
          AuditDiff.between(fields(before.get()), fields(t)));
    }
    return Optional.empty();
  }

  private static Map<String, Object> fields(LeaveType t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", t.name());
    m.put("nameEn", t.nameEn());
    m.put(
        "certificateOverDays",
        t.certificateOverDays() == null ? "" : t.certificateOverDays().toPlainString());
    m.put("enabled", t.enabled());
    return m;
  }

  private static Map<String, Object> fields(LeavePolicy p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pastLimitDays", p.pastLimitDays());
    m.put("maxDays", p.maxDays());
    m.put("minNoticeHours", p.minNoticeHours());
    m.put("fallbackAccount", p.fallbackAccount() == null ? "" : p.fallbackAccount());
    m.put("autoConfirmReturn", p.autoConfirmReturn());
    return m;
  }
}
