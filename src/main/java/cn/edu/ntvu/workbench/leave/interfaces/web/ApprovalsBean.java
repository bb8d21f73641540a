package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.DecisionOutcome;
import cn.edu.ntvu.workbench.leave.application.LeaveActor;
import cn.edu.ntvu.workbench.leave.application.LeaveDecisions;
import cn.edu.ntvu.workbench.leave.application.LeaveQueries;
import cn.edu.ntvu.workbench.leave.application.LeaveRequestRow;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /leave/approvals.xhtml}: 待我审批, oldest first, each with one-tap approve, and
 * approve-the-ticked in one go. Only the requests this page listed for this person can be ticked;
 * each decision is its own transaction, so one that somebody else decided meanwhile is reported and
 * the others still go through.
 */
@Requires(kind = PersonKind.STAFF)
@Named("approvals")
@ViewScoped
public class ApprovalsBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject LeaveQueries queries;
  @Inject LeaveDecisions decisions;

  /**
   * Not kept in the session: view-scoped beans live there (up to {@code numberOfActiveViewMaps} of
   * them) and a replicated session is read and written whole, so 500 rows in each of them cost more
   * than the page itself (JFR). After a postback reaches another server the rows are read again;
   * what a tick may approve is {@link #shownSteps}.
   */
  private transient List<LeaveRequestRow> rows;

  /** Request id → the step shown for it (what a tick approves). */
  private Map<Long, Integer> shownSteps = new HashMap<>();

  private Map<Long, Boolean> ticked = new HashMap<>();

  @PostConstruct
  void init() {
    reload();
  }

  private void reload() {
    rows = queries.waitingFor(me.get());
    shownSteps = new HashMap<>();
    for (LeaveRequestRow r : rows) {
      shownSteps.put(r.id(), r.currentStep());
    }
    ticked = new HashMap<>();
  }

  public void approveOne(long id) {
    approve(List.of(id));
  }

  public void approveTicked() {
    List<Long> ids =
        ticked.entrySet().stream()
            .filter(e -> Boolean.TRUE.equals(e.getValue()))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    if (ids.isEmpty()) {
      message(FacesMessage.SEVERITY_ERROR, LeaveTexts.ofView().get("leave.approvals.noneSelected"));
      return;
    }
    approve(ids);
  }

  private void approve(List<Long> ids) {
    LeaveActor actor = LeaveActor.of(me.get());
    int done = 0;
    List<String> skipped = new ArrayList<>();
    for (long id : ids) {
      Integer step = shownSteps.get(id);
      if (step == null) {
        // Not a request this page listed for this person: a forged id.
        skipped.add("#" + id + " " + LeaveTexts.ofView().get("leave.outcome.NOT_YOUR_STEP"));
        continue;
      }
      DecisionOutcome o = decisions.decide(id, step, true, null, actor, DecisionVia.PAGE);
      if (o.decided()) {
        done++;
      } else {
        skipped.add("#" + id + " " + LeaveWords.outcome(o));
      }
    }
    LeaveTexts t = LeaveTexts.ofView();
    if (done > 0) {
      message(FacesMessage.SEVERITY_INFO, t.get("leave.approvals.batchDone", done));
    }
    if (!skipped.isEmpty()) {
      message(
          FacesMessage.SEVERITY_ERROR,
          t.get("leave.approvals.batchSkipped", skipped.size(), String.join("；", skipped)));
    }
    reload();
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public List<LeaveRequestRow> getRows() {
    if (rows == null) {
      rows = queries.waitingFor(me.get());
      // What the page shows this person, it may approve.
      for (LeaveRequestRow r : rows) {
        shownSteps.putIfAbsent(r.id(), r.currentStep());
      }
    }
    return rows;
  }

  private transient List<LeaveRequestRow> returns;

  /** 待确认销假: the 销假 of my students waiting for my confirmation (on the request's page). */
  public List<LeaveRequestRow> getReturns() {
    if (returns == null) {
      returns = queries.returnsToConfirm(me.get());
    }
    return returns;
  }

  public Map<Long, Boolean> getTicked() {
    return ticked;
  }
}
