package cn.edu.ntvu.workbench.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** Reads the audit log for the admin page and the export: newest first, filtered. Never writes. */
@ApplicationScoped
public class AuditLog {
  /**
   * The most rows one export holds, so an unfiltered export of years of log cannot exhaust the
   * server.
   */
  public static final int EXPORT_LIMIT = 20_000;

  @PersistenceContext(unitName = "workbench")
  EntityManager em;

  public long count(AuditFilter filter) {
    return query("SELECT COUNT(e) FROM AuditEntry e", filter, Long.class).getSingleResult();
  }

  /** One page of entries, newest first. */
  public List<AuditEntry> page(AuditFilter filter, int first, int size) {
    return query("SELECT e FROM AuditEntry e", filter, AuditEntry.class)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(size)
        .getResultList();
  }

  /** Every entry the filter matches, newest first, up to {@link #EXPORT_LIMIT}. */
  public List<AuditEntry> export(AuditFilter filter) {
    return page(filter, 0, EXPORT_LIMIT);
  }

  /** The object types in the log, for the filter's choices. */
  public List<String> objectTypes() {
    return em.createQuery(
            "SELECT DISTINCT e.objectType FROM AuditEntry e ORDER BY e.objectType", String.class)
        .getResultList();
  }

  private <T> TypedQuery<T> query(String select, AuditFilter f, Class<T> type) {
    StringBuilder jpql = new StringBuilder(select).append(" WHERE 1 = 1");
    if (f.actor() != null) {
      jpql.append(" AND e.actorAccount = :actor");
    }
    if (f.objectType() != null) {
      jpql.append(" AND e.objectType = :type");
    }
    if (f.from() != null) {
      jpql.append(" AND e.occurredAt >= :from");
    }
    if (f.to() != null) {
      jpql.append(" AND e.occurredAt < :to");
    }
    if (type == AuditEntry.class) {
      jpql.append(" ORDER BY e.occurredAt DESC, e.id DESC");
    }
    TypedQuery<T> q = em.createQuery(jpql.toString(), type);
    if (f.actor() != null) {
      q.setParameter("actor", f.actor());
    }
    if (f.objectType() != null) {
      q.setParameter("type", f.objectType());
    }
    if (f.from() != null) {
      q.setParameter("from", f.from().atStartOfDay());
    }
    if (f.to() != null) {
      q.setParameter("to", f.to().plusDays(1).atStartOfDay());
    }
    return q;
  }
}
