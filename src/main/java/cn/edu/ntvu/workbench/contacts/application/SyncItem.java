package cn.edu.ntvu.workbench.contacts.application;

/**
 * One call of a run and its outcome: PENDING, DONE, FAILED (WeCom's errcode and a reason key for
 * the bundle). {@code detail} is the masked mobile and department shown in the dry run.
 */
public record SyncItem(
    long id,
    int seq,
    String target,
    String action,
    String key,
    String label,
    String changed,
    String status,
    Integer errcode,
    String reason,
    String detail) {
  public static final String PENDING = "PENDING";
  public static final String DONE = "DONE";
  public static final String FAILED = "FAILED";
}
