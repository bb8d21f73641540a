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
    return count(filter, null);
  }

  /** How many entries match {@code filter} and whose object's name starts with {@code label}. */
  public long count(AuditFilter filter, String label) {
    return query("SELECT COUNT(e) FROM AuditEntry e", filter, label, null, false, Long.class)
        .getSingleResult();
  }

  /** One page of entries, newest first. */
  public List<AuditEntry> page(AuditFilter filter, int first, int size) {
    return page(filter, null, null, false, first, size);
  }

  /** The columns a page may be sorted by (the admin page's table), each with its JPQL path. */
  public static final java.util.Map<String, String> SORTABLE =
      java.util.Map.of(
          "occurredAt",
          "e.occurredAt",
          "actorName",
          "e.actorName",
          "action",
          "e.action",
          "objectLabel",
          "e.objectLabel");

  /**
   * One page of entries matching {@code filter} and, unless {@code label} is blank, whose object's
   * name starts with it; sorted by {@code sort} (one of {@link #SORTABLE}; else the time) in the
   * given direction, the time (newest first) breaking ties. All of it done by the database.
   */
  public List<AuditEntry> page(
      AuditFilter filter, String label, String sort, boolean ascending, int first, int size) {
    return query("SELECT e FROM AuditEntry e", filter, label, sort, ascending, AuditEntry.class)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(size, 500)))
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
    return query(select, f, null, null, false, type);
  }

  private <T> TypedQuery<T> query(
      String select, AuditFilter f, String label, String sort, boolean ascending, Class<T> type) {
    String prefix = label == null || label.isBlank() ? null : label.strip();
    StringBuilder jpql = new StringBuilder(select).append(" WHERE 1 = 1");
    if (prefix != null) {
      jpql.append(" AND e.objectLabel LIKE :label ESCAPE '!'");
    }
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
      String by = sort == null ? null : SORTABLE.get(sort);
      if (by == null || by.equals("e.occurredAt")) {
        String dir = by != null && ascending ? "ASC" : "DESC";
        jpql.append(" ORDER BY e.occurredAt ").append(dir).append(", e.id ").append(dir);
      } else {
        jpql.append(" ORDER BY ")
            .append(by)
            .append(ascending ? " ASC" : " DESC")
            .append(", e.occurredAt DESC, e.id DESC");
      }
    }
    TypedQuery<T> q = em.createQuery(jpql.toString(), type);
    if (prefix != null) {
      q.setParameter(
          "label", prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
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
