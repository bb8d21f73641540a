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
import cn.edu.ntvu.workbench.platform.web.Html;
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
  @Inject LeaveWords words;

  /**
   * Not kept in the session: view-scoped beans live there (up to {@code numberOfActiveViewMaps} of
   * them) and a replicated session is read and written whole, so 500 rows in each of them cost more
   * than the page itself (JFR). After a postback reaches another server the rows are read again;
   * what a tick may approve is {@link #shownSteps}.
   */
  private transient List<LeaveRequestRow> rows;

  /** Request id → the step shown for it (what a tick approves). */
  private Map<Long, Integer> shownSteps = new HashMap<>();

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
  }

  public void approveOne(long id) {
    approve(List.of(id));
  }

  /**
   * A row's own 同意 ({@code <input type="submit" name="approve-one-<id>">}, written by {@link
   * #getRowsHtml}): the page's view action on a postback. Nothing happens on other posts.
   */
  public void onPostback() {
    FacesContext fc = FacesContext.getCurrentInstance();
    if (!fc.isPostback()) {
      return;
    }
    for (String name : fc.getExternalContext().getRequestParameterMap().keySet()) {
      if (name.startsWith(ONE)) {
        Long id = idOf(name.substring(ONE.length()));
        if (id != null) {
          approveOne(id);
        }
        return;
      }
    }
  }

  static final String TICK = "tick-";
  static final String ONE = "approve-one-";

  /**
   * The ticked ids as posted: plain check boxes {@code tick-<id>} (see {@link #getRowsHtml}). What
   * an id may approve is still {@link #shownSteps}: a forged one is skipped and said so.
   */
  static List<Long> tickedIn(Map<String, String[]> params) {
    java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
    for (Map.Entry<String, String[]> e : params.entrySet()) {
      if (e.getKey().startsWith(TICK) && e.getValue() != null && e.getValue().length > 0) {
        Long id = idOf(e.getKey().substring(TICK.length()));
        if (id != null) {
          ids.add(id);
        }
      }
    }
    return List.copyOf(ids);
  }

  private static Long idOf(String digits) {
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Long.valueOf(digits);
  }

  public void approveTicked() {
    List<Long> ids =
        tickedIn(
            FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap());
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

  /**
   * The waiting rows ({@code <ul id="rows">}) written in one pass, as {@code
   * RollCallView.rosterHtml} does: 200 rows through a Facelets repeat with a Faces check box and a
   * command button each cost ≈ 50 ms of CPU per page (issue 18's bench). The same markup as the
   * repeat wrote, with plain inputs: {@code tick-<id>} (read by {@link #approveTicked}) and {@code
   * approve-one-<id>} (read by {@link #onPostback}). Every text through {@link Html#escape}.
   */
  public String getRowsHtml() {
    return rowsHtml(getRows(), words, LeaveTexts.ofView());
  }

  static String rowsHtml(List<LeaveRequestRow> rows, LeaveWords words, LeaveTexts t) {
    String approve = Html.escape(t.get("leave.detail.approve"));
    Map<String, String> types = new HashMap<>();
    StringBuilder out = new StringBuilder(640 * (rows.size() + 1));
    out.append("<ul class=\"lv-approvals\" id=\"rows\">");
    for (LeaveRequestRow r : rows) {
      String name = Html.escape(r.studentName());
      String days = Html.escape(words.days(r));
      out.append("<li class=\"lv-approval\" data-id=\"")
          .append(r.id())
          .append("\"><label class=\"lv-tick\"><input type=\"checkbox\" name=\"")
          .append(TICK)
          .append(r.id())
          .append("\" class=\"tick\" aria-label=\"")
          .append(name)
          .append("\" /></label><a class=\"lv-approval-body\" href=\"request.xhtml?id=")
          .append(r.id())
          .append("\"><b>")
          .append(name)
          .append("</b> · ")
          .append(types.computeIfAbsent(r.typeCode(), c -> Html.escape(words.type(c))))
          .append(" · ")
          .append(days);
      if (r.missedPeriodCount() > 0) {
        out.append(" · <span class=\"lv-missed-short\">")
            .append(Html.escape(words.missedShort(r)))
            .append("</span>");
      }
      out.append("<span class=\"wb-muted wb-small\">")
          .append(Html.escape(LeaveTexts.shortTime(r.start())))
          .append(" ~ ")
          .append(Html.escape(LeaveTexts.shortTime(r.end())))
          .append(" · ")
          .append(days)
          .append("</span><span class=\"wb-muted wb-small lv-reason-line\">")
          .append(Html.escape(r.reason()))
          .append("</span></a><input type=\"submit\" name=\"")
          .append(ONE)
          .append(r.id())
          .append("\" value=\"")
          .append(approve)
          .append("\" class=\"wb-button lv-approve-one\" /></li>");
    }
    return out.append("</ul>").toString();
  }
}
