package cn.edu.ntvu.workbench.platform.web;

import java.util.Map;
import java.util.Optional;
import org.primefaces.model.FilterMeta;

/**
 * What the lazy PrimeFaces tables (people, contacts report, audit log, outbox) read from a table's
 * post alike: the one filter box a person typed into, as typed and bounded.
 */
public final class LazyTables {
  private LazyTables() {}

  /**
   * The first non-blank filter value, stripped and cut to {@code max} characters; empty when none
   * was typed.
   */
  public static Optional<String> typedFilter(Map<String, FilterMeta> filterBy, int max) {
    if (filterBy == null) {
      return Optional.empty();
    }
    for (FilterMeta f : filterBy.values()) {
      Object v = f.getFilterValue();
      if (v != null && !String.valueOf(v).isBlank()) {
        String s = String.valueOf(v).strip();
        return Optional.of(s.length() > max ? s.substring(0, max) : s);
      }
    }
    return Optional.empty();
  }
}
