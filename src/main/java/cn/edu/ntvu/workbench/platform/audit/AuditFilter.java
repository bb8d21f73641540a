package cn.edu.ntvu.workbench.platform.audit;

import java.time.LocalDate;

/**
 * Which entries an admin wants to see; a null or blank part does not filter.
 *
 * @param actor the account of the person who made the changes
 * @param objectType the type of object changed
 * @param from first day (inclusive, school time)
 * @param to last day (inclusive)
 */
public record AuditFilter(String actor, String objectType, LocalDate from, LocalDate to) {
  public static final AuditFilter ALL = new AuditFilter(null, null, null, null);

  public AuditFilter {
    actor = blankToNull(actor);
    objectType = blankToNull(objectType);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
