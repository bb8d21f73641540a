package cn.edu.ntvu.workbench.leave.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the approval chain of a new request: the first enabled rule (lowest priority number, then
 * lowest id) whose conditions hold. When no rule matches, the class counsellor alone decides, so a
 * request is never left without a chain; {@link Chain#rule()} is then empty and the admin page
 * shows it.
 */
public final class Routing {
  /** The chain when no rule matches. */
  public static final List<ApproverRole> DEFAULT_CHAIN = List.of(ApproverRole.COUNSELLOR);

  private final List<RoutingRule> rules;

  public Routing(List<RoutingRule> rules) {
    this.rules =
        rules.stream()
            .sorted(
                Comparator.comparingInt(RoutingRule::priority).thenComparingLong(RoutingRule::id))
            .toList();
  }

  /** The chain and the rule that gave it. */
  public record Chain(Optional<RoutingRule> rule, List<ApproverRole> steps) {
    /** Each step's mode: the rule's, or 或签 for the default chain. */
    public List<StepMode> modes() {
      return rule.map(RoutingRule::modes).orElse(steps.stream().map(s -> StepMode.ANY).toList());
    }
  }

  public Chain chainFor(String typeCode, BigDecimal days, boolean offCampus) {
    return chainFor(typeCode, days, offCampus, 0);
  }

  /**
   * @param missedPeriods the class periods the request misses (for rules with "缺课超过 N 节")
   */
  public Chain chainFor(String typeCode, BigDecimal days, boolean offCampus, int missedPeriods) {
    return rules.stream()
        .filter(r -> r.matches(typeCode, days, offCampus, missedPeriods))
        .findFirst()
        .map(r -> new Chain(Optional.of(r), r.steps()))
        .orElse(new Chain(Optional.empty(), DEFAULT_CHAIN));
  }
}
