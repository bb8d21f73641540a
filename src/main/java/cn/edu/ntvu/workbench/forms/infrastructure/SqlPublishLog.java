package cn.edu.ntvu.workbench.forms.infrastructure;

import cn.edu.ntvu.workbench.forms.application.PublishLog;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.bind;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.rows;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;

/**
 * Who published which form when (table {@code form_publish}), for the per-person publishing limit. Counting and
 * recording happen in the publish transaction, after {@link #lockPublisher} took the publisher's directory row: two
 * publishes by one person at once, on any servers, take turns, so neither can slip past the limit.
 */
@ApplicationScoped
public class SqlPublishLog implements PublishLog {
  @PersistenceContext(unitName = "workbench")
  EntityManager em;

  /** Locks {@code account}'s directory row until the transaction ends (a missing row locks nothing). */
  public void lockPublisher(String account) {
    rows(bind(em.createNativeQuery("SELECT id FROM person WHERE account = ? FOR UPDATE"), account));
  }

  /**
   * Forms {@code account} published after {@code since} (school time). A locking read: a plain one would answer from
   * the transaction's snapshot, taken at its first read — before a publish it waited for on the lock had committed
   * (seen in InContainerIT: three racing publishes all counted the same and all passed).
   */
  public long since(String account, LocalDateTime since) {
    Object n = bind(em.createNativeQuery(
        "SELECT COUNT(*) FROM form_publish WHERE account = ? AND published_at > ? FOR UPDATE"), account, since)
        .getSingleResult();
    return ((Number) n).longValue();
  }

  public void record(String account, LocalDateTime at, long formId) {
    bind(em.createNativeQuery("INSERT INTO form_publish (account, published_at, form_id) VALUES (?, ?, ?)"),
        account, at, formId).executeUpdate();
  }
}
