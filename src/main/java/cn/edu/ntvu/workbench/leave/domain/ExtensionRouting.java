package cn.edu.ntvu.workbench.leave.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the approval chain of a 续假 (extension): the first enabled extension rule (lowest priority
 * number, then lowest id) whose type and extension length hold; when none does, the chain the
 * routing rules give a new request as long as the whole, extended leave — so without extension
 * rules an extension is decided as the longer leave would have been.
 */
public final class ExtensionRouting {
  private final List<ExtensionRule> rules;
  private final Routing routing;

  public ExtensionRouting(List<ExtensionRule> rules, Routing routing) {
    this.rules =
        rules.stream()
            .sorted(
                Comparator.comparingInt(ExtensionRule::priority)
                    .thenComparingLong(ExtensionRule::id))
            .toList();
    this.routing = routing;
  }

  /** The chain and the extension rule that gave it (empty: the routing rules gave it). */
  public record Chain(Optional<ExtensionRule> rule, List<ApproverRole> steps) {}

  /**
   * @param extensionDays the extension's own length
   * @param totalDays the whole leave's length with the extension
   */
  public Chain chainFor(
      String typeCode, BigDecimal extensionDays, BigDecimal totalDays, boolean offCampus) {
    return rules.stream()
        .filter(r -> r.matches(typeCode, extensionDays))
        .findFirst()
        .map(r -> new Chain(Optional.of(r), r.steps()))
        .orElseGet(
            () ->
                new Chain(
                    Optional.empty(), routing.chainFor(typeCode, totalDays, offCampus).steps()));
  }
}
