package cn.edu.ntvu.workbench.contacts.interfaces.web;

import cn.edu.ntvu.workbench.contacts.application.ContactStates;
import cn.edu.ntvu.workbench.contacts.application.ContactsSync;
import cn.edu.ntvu.workbench.contacts.domain.Conflict;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.LazyTables;
import cn.edu.ntvu.workbench.wecom.domain.WeComException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Backs {@code /admin/wecom/contacts-report.xhtml}: the report and "re-sync one person" in one tap.
 */
@Requires(roles = Role.ADMIN)
@Named("contactsReport")
@ViewScoped
public class ContactsReportPage implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  @Inject ContactsReport report;

  @Inject ContactsSync sync;

  @Inject CurrentUser me;

  private List<ContactStates.ReportRow> notActivated;
  private List<ContactStates.ReportRow> missing;
  private List<Conflict> conflicts;

  /** Re-syncs the person whose row button posted {@code resync=<account>}. */
  public String resync() throws IOException {
    if (!me.isAdmin()) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(403, "admin role required");
      faces.responseComplete();
      return null;
    }
    String account =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap()
            .get("resync");
    if (account == null || account.isBlank() || account.length() > 64) {
      return back("nothing", "");
    }
    Optional<Long> run;
    try {
      run = sync.resyncOne(account.strip(), me.auditActor());
    } catch (WeComException | IllegalStateException e) {
      // Not configured, WeCom unreachable, or another run active (SyncBusyException): nothing
      // started.
      run = Optional.empty();
    }
    return run.map(id -> back("resynced", account + "&run=" + id))
        .orElseGet(() -> back("nothing", account));
  }

  private static String back(String what, String value) {
    return "/admin/wecom/contacts-report.xhtml?faces-redirect=true&"
        + what
        + "="
        + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%26run%3D", "&run=");
  }

  public List<ContactStates.ReportRow> getNotActivated() {
    if (notActivated == null) {
      notActivated = report.notActivated();
    }
    return notActivated;
  }

  public List<ContactStates.ReportRow> getMissing() {
    if (missing == null) {
      missing = report.missing();
    }
    return missing;
  }

  public List<Conflict> getConflicts() {
    if (conflicts == null) {
      conflicts = report.mobileConflicts();
    }
    return conflicts;
  }

  public String errcodeText(Integer errcode, String reason) {
    return errcode == null || errcode == 0 ? "" : ErrcodeText.of(errcode, reason);
  }

  /** The lazy table of {@code list} ({@code notActivated} or {@code missing}): 25 rows a page. */
  public LazyDataModel<ContactStates.ReportRow> table(String list) {
    return tables.computeIfAbsent(list, l -> new ReportModel(report, l));
  }

  /** How many people {@code list} holds (its heading). */
  public long count(String list) {
    return report.count(list, "");
  }

  private final java.util.Map<String, LazyDataModel<ContactStates.ReportRow>> tables =
      new java.util.HashMap<>();

  /**
   * Pages, sorting and the name/account filter done by the database; the page holds 25 people,
   * never the whole list.
   */
  static final class ReportModel extends LazyDataModel<ContactStates.ReportRow> {
    private static final long serialVersionUID = 1L;
    private final ContactsReport report;
    private final String list;

    ReportModel(ContactsReport report, String list) {
      this.report = report;
      this.list = list;
    }

    private static String filter(java.util.Map<String, FilterMeta> filterBy) {
      return LazyTables.typedFilter(filterBy, 32).orElse("");
    }

    @Override
    public int count(java.util.Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, report.count(list, filter(filterBy)));
    }

    @Override
    public List<ContactStates.ReportRow> load(
        int first,
        int pageSize,
        java.util.Map<String, SortMeta> sortBy,
        java.util.Map<String, FilterMeta> filterBy) {
      SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
      return report.page(
          list,
          filter(filterBy),
          sort == null ? "account" : sort.getField(),
          sort == null || sort.getOrder() != SortOrder.DESCENDING,
          first,
          pageSize);
    }

    @Override
    public String getRowKey(ContactStates.ReportRow row) {
      return row.account();
    }
  }
}
