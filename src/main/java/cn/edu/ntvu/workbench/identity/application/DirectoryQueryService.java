package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.identity.domain.Masking;
import cn.edu.ntvu.workbench.identity.domain.PersonStatus;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;

/** Pages through the directory for admin lists, searching by account or name prefix. */
@Requires(roles = Role.ADMIN)
@ApplicationScoped
public class DirectoryQueryService {
  /** Sortable columns of the people list, mapped to query paths; anything else sorts by account. */
  private static final Map<String, String> SORTS =
      Map.of(
          "account", "p.account",
          "name", "p.name",
          "kind", "p.kind",
          "departmentName", "d.name",
          "className", "c.name",
          "status", "p.status");

  @PersistenceContext(unitName = "workbench")
  EntityManager em;

  public long countPeople(String prefix) {
    TypedQuery<Long> q =
        em.createQuery("SELECT COUNT(p) FROM Person p" + where(prefix), Long.class);
    bind(q, prefix);
    return q.getSingleResult();
  }

  /** One page of people, ordered by {@code sortField} (a {@link PersonListItem} component name). */
  public List<PersonListItem> findPeople(
      String prefix, int first, int pageSize, String sortField, boolean ascending) {
    String order = SORTS.getOrDefault(sortField == null ? "" : sortField, "p.account");
    TypedQuery<Object[]> q =
        em.createQuery(
            "SELECT p.account, p.name, p.kind, d.name, c.name, p.mobile, p.status FROM Person p"
                + " LEFT JOIN p.department d LEFT JOIN p.schoolClass c"
                + where(prefix)
                + " ORDER BY "
                + order
                + (ascending ? " ASC" : " DESC")
                + ", p.account",
            Object[].class);
    bind(q, prefix);
    q.setFirstResult(Math.max(0, first));
    q.setMaxResults(Math.max(1, Math.min(pageSize, 200)));
    return q.getResultList().stream()
        .map(
            r ->
                new PersonListItem(
                    (String) r[0],
                    (String) r[1],
                    (PersonKind) r[2],
                    (String) r[3],
                    (String) r[4],
                    Masking.mobile((String) r[5]),
                    (PersonStatus) r[6]))
        .toList();
  }

  private static String where(String prefix) {
    return isBlank(prefix)
        ? ""
        : " WHERE p.account LIKE :prefix ESCAPE '\\' OR p.name LIKE :prefix ESCAPE '\\'";
  }

  private static void bind(TypedQuery<?> q, String prefix) {
    if (!isBlank(prefix)) {
      q.setParameter("prefix", likePrefix(prefix));
    }
  }

  /** The prefix as a LIKE pattern, with LIKE's own wildcards taken literally. */
  static String likePrefix(String prefix) {
    return prefix.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
