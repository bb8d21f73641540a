package cn.edu.ntvu.workbench.contacts.interfaces.web;

import cn.edu.ntvu.workbench.contacts.application.ContactsSync;
import cn.edu.ntvu.workbench.contacts.application.SyncItem;
import cn.edu.ntvu.workbench.contacts.application.SyncRun;
import cn.edu.ntvu.workbench.contacts.application.SyncRuns;
import cn.edu.ntvu.workbench.contacts.domain.Conflict;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.wecom.domain.WeComApiException;
import cn.edu.ntvu.workbench.wecom.domain.WeComException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Backs {@code /admin/wecom/contacts.xhtml}: the dry run (plan per person with conflicts), confirm,
 * progress of the running sync (the page reloads itself every 3 s while one runs), each person's
 * outcome with errcode and reason, and the history. The sign-in filter admits admins only; the
 * actions check again. Request-scoped.
 */
@Requires(roles = Role.ADMIN)
@Named("contactsPage")
@RequestScoped
public class ContactsAdminPage {
  static final int SHOWN = 300;
  private static final Logger LOG = Logger.getLogger(ContactsAdminPage.class.getName());
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Inject ContactsSync sync;

  @Inject SyncRuns runs;

  @Inject CurrentUser me;

  @Inject HttpServletRequest request;

  private Optional<SyncRun> run;
  private List<SyncItem> items;
  private List<Conflict> conflicts;

  // ---- actions

  public String dryRun() throws IOException {
    if (!requireAdmin()) {
      return null;
    }
    try {
      long id = sync.plan(me.auditActor());
      return "/admin/wecom/contacts.xhtml?faces-redirect=true&run=" + id;
    } catch (WeComException e) {
      String code =
          e instanceof WeComApiException api
              ? ErrcodeText.of(api.errcode(), api.errmsg())
              : ErrcodeText.of(-1, e.getMessage());
      LOG.warning("contacts dry run: " + e.getMessage());
      return "/admin/wecom/contacts.xhtml?faces-redirect=true&failed="
          + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8);
    } catch (cn.edu.ntvu.workbench.contacts.application.SyncBusyException e) {
      return "/admin/wecom/contacts.xhtml?faces-redirect=true&busy=1&run=" + e.runId();
    } catch (IllegalStateException e) {
      return "/admin/wecom/contacts.xhtml?faces-redirect=true&notConfigured=1";
    }
  }

  /**
   * The full reconcile's plan (batch route); refused up front when WeCom's deletion safety stop
   * would hit.
   */
  public String fullReconcile() throws IOException {
    if (!requireAdmin()) {
      return null;
    }
    try {
      long id = sync.planFull(me.auditActor());
      return "/admin/wecom/contacts.xhtml?faces-redirect=true&run=" + id;
    } catch (cn.edu.ntvu.workbench.contacts.application.SafetyStopException e) {
      return "/admin/wecom/contacts.xhtml?faces-redirect=true&stopped="
          + e.deleting()
          + "-"
          + e.members();
    } catch (WeComException e) {
      String code =
          e instanceof WeComApiException api
              ? ErrcodeText.of(api.errcode(), api.errmsg())
              : ErrcodeText.of(-1, e.getMessage());
      return "/admin/wecom/contacts.xhtml?faces-redirect=true&failed="
          + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8);
    } catch (cn.edu.ntvu.workbench.contacts.application.SyncBusyException e) {
      return "/admin/wecom/contacts.xhtml?faces-redirect=true&busy=1&run=" + e.runId();
    } catch (IllegalStateException e) {
      return "/admin/wecom/contacts.xhtml?faces-redirect=true&notConfigured=1";
    }
  }

  /** "would delete N of M" after a refused full reconcile, from the redirect's query. */
  public String getStopped() {
    String s = request.getParameter("stopped");
    if (s == null || !s.matches("\\d{1,9}-\\d{1,9}")) {
      return null;
    }
    String[] n = s.split("-");
    return text("contacts.full.stopped", List.of(n[0], n[1]));
  }

  public String confirm() throws IOException {
    if (!requireAdmin()) {
      return null;
    }
    String id = request.getParameter("runId");
    boolean ok =
        id != null && id.matches("\\d{1,18}") && sync.confirm(Long.parseLong(id), me.auditActor());
    return "/admin/wecom/contacts.xhtml?faces-redirect=true&run="
        + (id == null ? "" : id)
        + (ok ? "" : "&refused=1");
  }

  private boolean requireAdmin() throws IOException {
    if (me.isAdmin()) {
      return true;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().responseSendError(403, "admin role required");
    faces.responseComplete();
    return false;
  }

  // ---- for the page

  public boolean isConfigured() {
    return sync.configured();
  }

  /** The run asked for ({@code ?run=}), else the active one, else the latest. */
  public SyncRun getRun() {
    if (run == null) {
      String id = request.getParameter("run");
      run = id != null && id.matches("\\d{1,18}") ? runs.run(Long.parseLong(id)) : Optional.empty();
      if (run.isEmpty()) {
        run = runs.activeRun().or(() -> runs.recentRuns(1).stream().findFirst());
      }
    }
    return run.orElse(null);
  }

  public boolean isFailedOnly() {
    return "1".equals(request.getParameter("failed-only"));
  }

  public List<SyncItem> getItems() {
    if (items == null) {
      items =
          getRun() == null
              ? List.of()
              : runs.items(getRun().id(), isFailedOnly() ? SyncItem.FAILED : null, SHOWN);
    }
    return items;
  }

  public List<Conflict> getConflicts() {
    if (conflicts == null) {
      conflicts = getRun() == null ? List.of() : runs.conflicts(getRun().id());
    }
    return conflicts;
  }

  public List<SyncRun> getHistory() {
    return runs.recentRuns(10);
  }

  public int getShown() {
    return SHOWN;
  }

  public boolean isAutoRefresh() {
    return getRun() != null && getRun().active();
  }

  public String summary() {
    if (getRun() == null) {
      return "";
    }
    List<SyncItem> all = runs.items(getRun().id(), null, Integer.MAX_VALUE);
    long[] n = new long[7];
    for (SyncItem i : all) {
      boolean dept = "DEPARTMENT".equals(i.target());
      switch (i.action()) {
        case "CREATE" -> n[dept ? 0 : 3]++;
        case "UPDATE" -> n[dept ? 1 : 4]++;
        case "DISABLE" -> n[5]++;
        default -> n[dept ? 2 : 6]++;
      }
    }
    List<String> args =
        new java.util.ArrayList<>(Arrays.stream(n).mapToObj(String::valueOf).toList());
    args.add(String.valueOf(getRun().conflicts()));
    return text("contacts.plan.summary", args);
  }

  public String changed(SyncItem item) {
    if (item.changed() == null || item.changed().isBlank()) {
      return "";
    }
    return String.join(
        "、",
        Arrays.stream(item.changed().split(","))
            .map(c -> text("contacts.changed." + c, List.of()))
            .toList());
  }

  public String outcome(SyncItem item) {
    if (!SyncItem.FAILED.equals(item.status())) {
      return "";
    }
    return ErrcodeText.of(item.errcode(), item.reason());
  }

  public String note(SyncRun r) {
    if (r == null || r.note() == null) {
      return "";
    }
    if (r.note().startsWith("contacts.note.errcode:")) {
      return text("contacts.note.errcode", List.of(r.note().substring(r.note().indexOf(':') + 1)));
    }
    return r.note().startsWith("contacts.note.") ? text(r.note(), List.of()) : r.note();
  }

  public String when(java.time.LocalDateTime t) {
    return t == null ? "" : WHEN.format(t);
  }

  public String getFailedReason() {
    String f = request.getParameter("failed");
    return f == null ? null : f.length() > 200 ? f.substring(0, 200) : f;
  }

  private static String text(String key, List<String> args) {
    return BundleText.format(MyAccountPage.BUNDLE, BundleText.viewLocale(), key, args);
  }
}
