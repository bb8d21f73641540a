package cn.edu.ntvu.workbench.leave.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * An admin's rule for 续假 (extension): an extension of a leave of {@code typeCode} (null = any
 * type), itself at most {@code maxDays} long (null = any length), goes to {@code steps} in order —
 * usually a shorter chain than a new request's.
 */
public record ExtensionRule(
    long id,
    int priority,
    String typeCode,
    BigDecimal maxDays,
    List<ApproverRole> steps,
    boolean enabled) {
  public ExtensionRule {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a rule needs at least one step");
    }
  }

  public boolean matches(String type, BigDecimal extensionDays) {
    return enabled
        && (typeCode == null || typeCode.equals(type))
        && (maxDays == null || extensionDays.compareTo(maxDays) <= 0);
  }

  public String stepsText() {
    return String.join(",", steps.stream().map(Enum::name).toList());
  }
}
