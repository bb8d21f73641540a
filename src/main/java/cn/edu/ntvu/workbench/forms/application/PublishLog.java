package cn.edu.ntvu.workbench.forms.application;

import java.time.LocalDateTime;

/**
 * Who published which form when (table {@code form_publish}), for the per-person publishing limit.
 * Counting and recording happen in the publish transaction, after {@link #lockPublisher} took the
 * publisher's directory row: two publishes by one person at once, on any servers, take turns, so
 * neither can slip past the limit.
 */
public interface PublishLog {
  /**
   * Locks {@code account}'s directory row until the transaction ends (a missing row locks nothing).
   */
  void lockPublisher(String account);

  /**
   * Forms {@code account} published after {@code since} (school time). A locking read: a plain one
   * would answer from the transaction's snapshot, taken at its first read — before a publish it
   * waited for on the lock had committed (seen in InContainerIT: three racing publishes all counted
   * the same and all passed).
   */
  long since(String account, LocalDateTime since);

  void record(String account, LocalDateTime at, long formId);
}
