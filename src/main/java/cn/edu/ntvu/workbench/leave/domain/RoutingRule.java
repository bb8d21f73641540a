package cn.edu.ntvu.workbench.leave.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * An admin's routing rule: when a leave of {@code typeCode} (null = any type), at most {@code
 * maxDays} long (null = no bound), with {@code offCampus} as given (null = either), goes to {@code
 * steps} in order. {@code missedPeriodsOver} ("缺课超过 N 节", null = any): the rule holds only when the
 * request misses more than that many class periods (counted at submit from the student's
 * timetable).
 */
public record RoutingRule(
    long id,
    int priority,
    String typeCode,
    BigDecimal maxDays,
    Boolean offCampus,
    List<ApproverRole> steps,
    boolean enabled,
    Integer missedPeriodsOver) {
  public RoutingRule {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a rule needs at least one step");
    }
    if (missedPeriodsOver != null && missedPeriodsOver < 0) {
      throw new IllegalArgumentException("missed periods must not be negative");
    }
  }

  /** A rule without the missed-classes condition. */
  public RoutingRule(
      long id,
      int priority,
      String typeCode,
      BigDecimal maxDays,
      Boolean offCampus,
      List<ApproverRole> steps,
      boolean enabled) {
    this(id, priority, typeCode, maxDays, offCampus, steps, enabled, null);
  }

  public boolean matches(String type, BigDecimal days, boolean leavesCampus) {
    return matches(type, days, leavesCampus, 0);
  }

  /**
   * @param missedPeriods the class periods the request misses (0 when none or unknown)
   */
  public boolean matches(String type, BigDecimal days, boolean leavesCampus, int missedPeriods) {
    return enabled
        && (typeCode == null || typeCode.equals(type))
        && (maxDays == null || days.compareTo(maxDays) <= 0)
        && (offCampus == null || offCampus == leavesCampus)
        && (missedPeriodsOver == null || missedPeriods > missedPeriodsOver);
  }

  /** Parses {@code COUNSELLOR,DEAN}; unknown names are refused. */
  public static List<ApproverRole> parseSteps(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("no steps");
    }
    return java.util.Arrays.stream(text.split(","))
        .map(
            s -> {
              ApproverRole r = ApproverRole.parse(s);
              if (r == null) {
                throw new IllegalArgumentException("unknown approver role: " + s.strip());
              }
              return r;
            })
        .toList();
  }

  public String stepsText() {
    return String.join(",", steps.stream().map(Enum::name).toList());
  }
}
