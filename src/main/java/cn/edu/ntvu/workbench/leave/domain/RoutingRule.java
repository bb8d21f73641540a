package cn.edu.ntvu.workbench.leave.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * An admin's routing rule: when a leave of {@code typeCode} (null = any type), at most {@code
 * maxDays} long (null = no bound), with {@code offCampus} as given (null = either), goes to {@code
 * steps} in order. {@code missedPeriodsOver} ("缺课超过 N 节", null = any): the rule holds only when the
 * request misses more than that many class periods (counted at submit from the student's
 * timetable). {@code modes} (issue 18): per step, 或签 ({@link StepMode#ANY}) or 会签 ({@link
 * StepMode#ALL}); stored in the same {@code leave_rule.steps} text as {@code COUNSELLOR:ALL,DEAN}
 * (a step without {@code :MODE} is ANY, so the text of older rules reads as before).
 */
public record RoutingRule(
    long id,
    int priority,
    String typeCode,
    BigDecimal maxDays,
    Boolean offCampus,
    List<ApproverRole> steps,
    boolean enabled,
    Integer missedPeriodsOver,
    List<StepMode> modes) {
  public RoutingRule {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a rule needs at least one step");
    }
    if (modes == null || modes.isEmpty()) {
      modes = steps.stream().map(s -> StepMode.ANY).toList();
    }
    modes = List.copyOf(modes);
    if (modes.size() != steps.size()) {
      throw new IllegalArgumentException("one mode per step");
    }
    if (missedPeriodsOver != null && missedPeriodsOver < 0) {
      throw new IllegalArgumentException("missed periods must not be negative");
    }
  }

  /** A rule whose steps are all 或签. */
  public RoutingRule(
      long id,
      int priority,
      String typeCode,
      BigDecimal maxDays,
      Boolean offCampus,
      List<ApproverRole> steps,
      boolean enabled,
      Integer missedPeriodsOver) {
    this(id, priority, typeCode, maxDays, offCampus, steps, enabled, missedPeriodsOver, null);
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
    this(id, priority, typeCode, maxDays, offCampus, steps, enabled, null, null);
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

  /**
   * Parses {@code COUNSELLOR,DEAN} or {@code COUNSELLOR:ALL,DEAN}: the roles; unknown names and
   * modes are refused.
   */
  public static List<ApproverRole> parseSteps(String text) {
    return parts(text).stream()
        .map(
            s -> {
              String name = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
              ApproverRole r = ApproverRole.parse(name);
              if (r == null) {
                throw new IllegalArgumentException("unknown approver role: " + name.strip());
              }
              return r;
            })
        .toList();
  }

  /** The mode of each step of {@code COUNSELLOR:ALL,DEAN} (ANY where none is given). */
  public static List<StepMode> parseModes(String text) {
    return parts(text).stream()
        .map(
            s -> {
              if (!s.contains(":")) {
                return StepMode.ANY;
              }
              StepMode m = StepMode.parse(s.substring(s.indexOf(':') + 1));
              if (m == null) {
                throw new IllegalArgumentException("unknown step mode: " + s.strip());
              }
              return m;
            })
        .toList();
  }

  private static List<String> parts(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("no steps");
    }
    return java.util.Arrays.asList(text.split(","));
  }

  /** {@code COUNSELLOR:ALL,DEAN}: what {@code leave_rule.steps} stores (ANY steps bare). */
  public String stepsText() {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      out.add(steps.get(i).name() + (modes.get(i) == StepMode.ALL ? ":ALL" : ""));
    }
    return String.join(",", out);
  }

  /** The mode of step {@code n} (1-based). */
  public StepMode modeOf(int n) {
    return modes.get(n - 1);
  }
}
