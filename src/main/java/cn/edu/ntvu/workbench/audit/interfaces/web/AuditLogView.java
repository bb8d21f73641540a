package cn.edu.ntvu.workbench.audit.interfaces.web;

import cn.edu.ntvu.workbench.platform.audit.AuditEntry;
import cn.edu.ntvu.workbench.platform.audit.AuditLog;
import cn.edu.ntvu.workbench.platform.audit.FieldChange;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Backs {@code /admin/audit.xhtml}: one page of the audit log, newest first, filtered by the URL's
 * parameters. Request-scoped and read once per request; the page keeps no state in the session.
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
  private List<Row> rows;
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
    int first = (Math.min(query.page(), getPages()) - 1) * AuditQuery.PAGE_SIZE;
    rows =
        log.page(query.filter(), first, AuditQuery.PAGE_SIZE).stream()
            .map(AuditLogView::row)
            .toList();
    objectTypes = log.objectTypes();
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

  public List<Row> getRows() {
    return rows;
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

  public int getPage() {
    return Math.min(query.page(), getPages());
  }

  public int getPages() {
    return (int) Math.max(1, (total + AuditQuery.PAGE_SIZE - 1) / AuditQuery.PAGE_SIZE);
  }

  public String getPrevUrl() {
    return getPage() > 1 ? pageUrl(getPage() - 1) : null;
  }

  public String getNextUrl() {
    return getPage() < getPages() ? pageUrl(getPage() + 1) : null;
  }

  public String getExportUrl() {
    String qs = query.queryString();
    return request.getContextPath() + AuditCsvServlet.PATH + (qs.isEmpty() ? "" : "?" + qs);
  }

  private String pageUrl(int page) {
    String qs = query.queryString();
    return request.getContextPath()
        + "/admin/audit.xhtml?"
        + (qs.isEmpty() ? "" : qs + "&")
        + "page="
        + page;
  }
}
