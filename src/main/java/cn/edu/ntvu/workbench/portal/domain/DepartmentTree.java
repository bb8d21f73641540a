package cn.edu.ntvu.workbench.portal.domain;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The directory's departments by code, each with its parent's code (null at the top). */
public final class DepartmentTree {
  private final Map<String, String> parentOf;

  public DepartmentTree(Map<String, String> parentOf) {
    this.parentOf = new HashMap<>(parentOf);
  }

  public static DepartmentTree empty() {
    return new DepartmentTree(Map.of());
  }

  public boolean exists(String code) {
    return code != null && parentOf.containsKey(code);
  }

  /**
   * {@code code} and every department above it; empty when the department is unknown. Safe against
   * cycles.
   */
  public Set<String> selfAndAncestors(String code) {
    Set<String> chain = new LinkedHashSet<>();
    String c = code;
    while (c != null && parentOf.containsKey(c) && chain.add(c)) {
      c = parentOf.get(c);
    }
    return Set.copyOf(chain);
  }
}
