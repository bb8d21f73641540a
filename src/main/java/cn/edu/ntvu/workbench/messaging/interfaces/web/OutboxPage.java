package cn.edu.ntvu.workbench.messaging.interfaces.web;

import cn.edu.ntvu.workbench.messaging.application.MessageSender;
import cn.edu.ntvu.workbench.messaging.application.OutboxAdmin;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.LazyTables;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Backs {@code /admin/wecom/outbox.xhtml}: counts, the filtered list (filters in the URL) and the
 * retry actions. The sign-in filter lets only admins reach {@code /admin/}; the actions check the
 * admin role again themselves. Request-scoped: nothing is kept in the session.
 */
@Requires(roles = Role.ADMIN)
@Named("outboxPage")
@RequestScoped
public class OutboxPage {
  static final String BUNDLE = "i18n.outbox";
  static final Set<String> STATUSES = Set.of("PENDING", "FAILED", "SENT");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Inject OutboxAdmin admin;
  @Inject MessageSender sender;
  @Inject CurrentUser me;
  @Inject HttpServletRequest request;

  private String status;
  private String topic;
  private String recipient;
  private OutboxAdmin.Counts counts;

  @PostConstruct
  void load() {
    status = param("status", 16);
    if (!STATUSES.contains(status)) {
      status = "";
    }
    topic = param("topic", 191);
    recipient = param("recipient", 64);
  }

  private String param(String name, int max) {
    String value = request.getParameter(name);
    if (value == null) {
      return "";
    }
    value = value.strip();
    return value.length() > max ? value.substring(0, max) : value;
  }

  // ------------------------------------------------------------------------------------------------- actions

  /**
   * Retries the FAILED message whose id the pressed row button posted ({@code retry-one=<id>});
   * back to the list with the same filter. An id that is not a failed message changes nothing and
   * says so.
   */
  public String retrySelected() throws IOException {
    if (!requireAdmin()) {
      return null;
    }
    String id = request.getParameter("retry-one");
    boolean done =
        id != null && id.matches("\\d{1,18}") && admin.retry(Long.parseLong(id), me.auditActor());
    return back(done ? "retried=1" : "notRetried=1");
  }

  /** Retries every FAILED message. */
  public String retryAll() throws IOException {
    if (!requireAdmin()) {
      return null;
    }
    int n = admin.retryAllFailed(me.auditActor());
    return back("retried=" + n);
  }

  /**
   * The admin role, checked here as well as by the sign-in filter: a post by anyone else is refused
   * with 403.
   */
  private boolean requireAdmin() throws IOException {
    if (me.isAdmin()) {
      return true;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().responseSendError(403, "admin role required");
    faces.responseComplete();
    return false;
  }

  private String back(String result) {
    return "/admin/wecom/outbox.xhtml?faces-redirect=true&" + result + filterQuery();
  }

  private String filterQuery() {
    StringBuilder q = new StringBuilder();
    for (String[] p :
        new String[][] {{"status", status}, {"topic", topic}, {"recipient", recipient}}) {
      if (!p[1].isEmpty()) {
        q.append('&')
            .append(p[0])
            .append('=')
            .append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
      }
    }
    return q.toString();
  }

  // ------------------------------------------------------------------------------------------------- for the page

  public OutboxAdmin.Counts getCounts() {
    if (counts == null) {
      counts = admin.counts();
    }
    return counts;
  }

  /** How many messages the URL's filter matches. */
  public long getTotal() {
    if (total < 0) {
      total = admin.count(filter(), null);
    }
    return total;
  }

  private long total = -1;
  private OutboxTable table;

  private OutboxAdmin.Filter filter() {
    return new OutboxAdmin.Filter(status, topic, recipient);
  }

  /**
   * The messages as a lazy table (issue 16): 25 a page; paging, sorting (time, status, attempts,
   * topic) and the topic filter done by the database, inside the URL's filter (which the form
   * carries through its posts).
   */
  public LazyDataModel<OutboxAdmin.Row> getTable() {
    if (table == null) {
      table = new OutboxTable(admin, filter());
    }
    return table;
  }

  static final class OutboxTable extends LazyDataModel<OutboxAdmin.Row> {
    private static final long serialVersionUID = 1L;
    private final transient OutboxAdmin admin;
    private final OutboxAdmin.Filter filter;

    OutboxTable(OutboxAdmin admin, OutboxAdmin.Filter filter) {
      this.admin = admin;
      this.filter = filter;
    }

    /** The topic filter as typed (at most 64 characters), or null. */
    static String topicStart(Map<String, FilterMeta> filterBy) {
      return LazyTables.typedFilter(filterBy, 64).orElse(null);
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, admin.count(filter, topicStart(filterBy)));
    }

    @Override
    public List<OutboxAdmin.Row> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
      return admin.page(
          filter,
          topicStart(filterBy),
          sort == null ? null : sort.getField(),
          sort != null && sort.getOrder() == SortOrder.ASCENDING,
          first,
          pageSize);
    }

    @Override
    public String getRowKey(OutboxAdmin.Row row) {
      return String.valueOf(row.id());
    }
  }

  public String getStatus() {
    return status;
  }

  public String getTopic() {
    return topic;
  }

  public String getRecipient() {
    return recipient;
  }

  public List<String> getStatuses() {
    return List.of("PENDING", "FAILED", "SENT");
  }

  public String when(LocalDateTime time) {
    return time == null ? "" : WHEN.format(time);
  }

  /** The last error in the viewer's language: what it means, not only WeCom's errcode. */
  public String errorText(OutboxAdmin.Row row) {
    if (row.lastError() == null || row.lastError().isBlank()) {
      return "";
    }
    Locale locale = BundleText.viewLocale();
    String meaning;
    if (row.lastErrcode() == null) {
      meaning = text(locale, "outbox.error.unreachable", List.of());
    } else if (BundleText.has(BUNDLE, locale, "outbox.error." + row.lastErrcode())) {
      meaning = text(locale, "outbox.error." + row.lastErrcode(), List.of());
    } else {
      meaning =
          sender
              .explain(row.lastErrcode(), locale)
              .orElseGet(
                  () ->
                      text(
                          locale,
                          "outbox.error.other",
                          List.of(String.valueOf(row.lastErrcode()))));
    }
    if (row.lastError().startsWith("gave up after ")) {
      return text(locale, "outbox.error.gaveUp", List.of(String.valueOf(row.attempts()), meaning));
    }
    return meaning;
  }

  public String statusText(String code) {
    return text(BundleText.viewLocale(), "outbox.status." + code, List.of());
  }

  private static String text(Locale locale, String key, List<String> args) {
    return BundleText.format(BUNDLE, locale, key, args);
  }

  /** How many were put back, after a retry (from the redirect's query). */
  public String getRetried() {
    String n = request.getParameter("retried");
    return n != null && n.matches("\\d{1,9}") ? n : null;
  }

  public boolean isNotRetried() {
    return request.getParameter("notRetried") != null;
  }
}
