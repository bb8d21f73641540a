package cn.edu.ntvu.workbench.identity.application;

/** What applying one line of a file does to the directory row with the same code or account. */
public record PlannedChange<T>(int line, Change change, T entry) {
  /** Whether the row is new, different from the directory, or the same. */
  public enum Change {
    CREATE,
    UPDATE,
    UNCHANGED
  }
}
