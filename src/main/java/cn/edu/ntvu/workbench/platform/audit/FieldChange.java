package cn.edu.ntvu.workbench.platform.audit;

/**
 * One field of an audited object that changed; a value is null where the field did not exist before
 * (or no longer does after).
 */
public record FieldChange(String field, String before, String after) {
  /** "old → new" for lists and the CSV export; an absent value shows as "∅". */
  public String describe() {
    return field + ": " + (before == null ? "∅" : before) + " → " + (after == null ? "∅" : after);
  }
}
