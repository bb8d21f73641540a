package cn.edu.ntvu.workbench.forms.infrastructure;

import cn.edu.ntvu.workbench.forms.application.PublishLog;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;

/**
 * Who published which form when (table {@code form_publish}), for the per-person publishing limit.
 * Counting and recording happen in the publish transaction, after {@link #lockPublisher} took the
 * publisher's directory row: two publishes by one person at once, on any servers, take turns, so
 * neither can slip past the limit.
 */
@ApplicationScoped
public class SqlPublishLog implements PublishLog {
  @Inject Sql sql;

  /**
   * Locks {@code account}'s directory row until the transaction ends (a missing row locks nothing).
   */
  public void lockPublisher(String account) {
    sql.rows("SELECT id FROM person WHERE account = ? FOR UPDATE", account);
  }

  /**
   * Forms {@code account} published after {@code since} (school time). A locking read: a plain one
   * would answer from the transaction's snapshot, taken at its first read — before a publish it
   * waited for on the lock had committed (seen in InContainerIT: three racing publishes all counted
   * the same and all passed).
   */
  public long since(String account, LocalDateTime since) {
    Object n =
        sql.value(
            "SELECT COUNT(*) FROM form_publish WHERE account = ? AND published_at > ? FOR UPDATE",
            account,
            since);
    return ((Number) n).longValue();
  }

  public void record(String account, LocalDateTime at, long formId) {
    sql.update(
        "INSERT INTO form_publish (account, published_at, form_id) VALUES (?, ?, ?)",
        account,
        at,
        formId);
  }
}
