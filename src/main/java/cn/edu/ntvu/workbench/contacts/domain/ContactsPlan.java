package cn.edu.ntvu.workbench.contacts.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The dry run's answer: the changes in the order they must be sent (departments top-down, then
 * members, then department deletions bottom-up) and the conflicts found before anything is sent.
 */
public record ContactsPlan(
    List<Change> changes, List<Conflict> conflicts, Map<String, Long> newDepartmentIds) {

  public ContactsPlan {
    changes = List.copyOf(changes);
    conflicts = List.copyOf(conflicts);
    newDepartmentIds = Map.copyOf(newDepartmentIds);
  }

  public Map<Change.Action, Long> count(Target target) {
    Map<Change.Action, Long> counts = new EnumMap<>(Change.Action.class);
    for (Change.Action a : Change.Action.values()) {
      counts.put(a, changes.stream().filter(c -> c.target() == target && c.action() == a).count());
    }
    return counts;
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
