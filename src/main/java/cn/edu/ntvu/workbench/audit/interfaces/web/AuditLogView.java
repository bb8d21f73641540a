package cn.edu.ntvu.workbench.audit.interfaces.web;

import cn.edu.ntvu.workbench.platform.audit.AuditEntry;
import cn.edu.ntvu.workbench.platform.audit.AuditFilter;
import cn.edu.ntvu.workbench.platform.audit.AuditLog;
import cn.edu.ntvu.workbench.platform.audit.FieldChange;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.LazyTables;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Backs {@code /admin/audit.xhtml}: the audit log as a lazy table, newest first, filtered by the
 * URL's parameters (carried through the table's posts by hidden fields). Request-scoped: the table
 * asks the database for one page per request.
 */
@Requires(roles = Role.ADMIN)
@Named("auditLog")
@RequestScoped
public class AuditLogView {
  static final String BUNDLE = "i18n.audit";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Inject AuditLog log;
  @Inject HttpServletRequest request;

  private AuditQuery query;
  private long total;
  private List<String> objectTypes;

  /** One entry as the card shows it. */
  public record Row(
      long id,
      String when,
      String actorAccount,
      String actorName,
      String signInPath,
      String action,
      String objectType,
      String objectId,
      String objectLabel,
      List<FieldChange> changes) {}

  @PostConstruct
  void load() {
    query = AuditQuery.of(request);
    total = log.count(query.filter());
    objectTypes = log.objectTypes();
  }

  /**
   * The entries as a lazy table (issue 16): 25 a page; paging, sorting (time, who, what) and the
   * filter on the object's name are done by the database, inside the URL's filter (which the page's
   * form carries through its posts).
   */
  public LazyDataModel<Row> getTable() {
    if (table == null) {
      table = new AuditTable(log, query.filter());
    }
    return table;
  }

  private AuditTable table;

  static final class AuditTable extends LazyDataModel<Row> {
    private static final long serialVersionUID = 1L;
    private final transient AuditLog log;
    private final AuditFilter filter;

    AuditTable(AuditLog log, AuditFilter filter) {
      this.log = log;
      this.filter = filter;
    }

    /** The object-name filter as typed (at most 64 characters), or null. */
    static String label(Map<String, FilterMeta> filterBy) {
      return LazyTables.typedFilter(filterBy, 64).orElse(null);
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, log.count(filter, label(filterBy)));
    }

    @Override
    public List<Row> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
      return log
          .page(
              filter,
              label(filterBy),
              sort == null ? null : sort.getField(),
              sort != null && sort.getOrder() == SortOrder.ASCENDING,
              first,
              pageSize)
          .stream()
          .map(AuditLogView::row)
          .toList();
    }

    @Override
    public String getRowKey(Row row) {
      return String.valueOf(row.id());
    }
  }

  private static Row row(AuditEntry e) {
    return new Row(
        e.getId(),
        WHEN.format(e.getOccurredAt()),
        e.getActorAccount(),
        e.getActorName(),
        e.getSignInPath(),
        e.getAction(),
        e.getObjectType(),
        e.getObjectId(),
        e.getObjectLabel(),
        e.getChanges());
  }

  /**
   * A bundle text for a code ({@code audit.action.DIRECTORY_IMPORT}), or the code itself when there
   * is none.
   */
  public String label(String prefix, String code) {
    Locale locale = BundleText.viewLocale();
    String key = prefix + code;
    return BundleText.has(BUNDLE, locale, key)
        ? BundleText.format(BUNDLE, locale, key, List.of())
        : code;
  }

  /** Whether the system did it (a job, the first data), not a person signed in. */
  public boolean bySystem(Row r) {
    return "SYSTEM".equals(r.signInPath()) || "system".equals(r.actorAccount());
  }

  /** A change in words: "设为 X" for a new value, "清除（原为 X）" for a removed one, else "由 A 改为 B". */
  public String change(FieldChange c) {
    Locale locale = BundleText.viewLocale();
    boolean noBefore = c.before() == null || c.before().isEmpty();
    boolean noAfter = c.after() == null || c.after().isEmpty();
    if (noBefore) {
      return BundleText.format(BUNDLE, locale, "audit.change.set", List.of(c.after()));
    }
    if (noAfter) {
      return BundleText.format(BUNDLE, locale, "audit.change.cleared", List.of(c.before()));
    }
    return BundleText.format(
        BUNDLE, locale, "audit.change.changed", List.of(c.before(), c.after()));
  }

  public long getTotal() {
    return total;
  }

  public List<String> getObjectTypes() {
    return objectTypes;
  }

  public String getActor() {
    return query.actor();
  }

  public String getType() {
    return query.type();
  }

  public String getFrom() {
    return query.from();
  }

  public String getTo() {
    return query.to();
  }

  public boolean isBadDate() {
    return query.badDate();
  }

  public String getExportUrl() {
    String qs = query.queryString();
    return request.getContextPath() + AuditCsvServlet.PATH + (qs.isEmpty() ? "" : "?" + qs);
  }
}
