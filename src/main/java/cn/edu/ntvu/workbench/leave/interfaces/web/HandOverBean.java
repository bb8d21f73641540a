package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.DirectoryHit;
import cn.edu.ntvu.workbench.identity.application.DirectoryPicker;
import cn.edu.ntvu.workbench.identity.application.PickScope;
import cn.edu.ntvu.workbench.leave.application.HandOverCheck;
import cn.edu.ntvu.workbench.leave.application.HandOverResult;
import cn.edu.ntvu.workbench.leave.application.HandOverView;
import cn.edu.ntvu.workbench.leave.application.LeaveActor;
import cn.edu.ntvu.workbench.leave.application.LeaveHandOvers;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /leave/handover.xhtml?id=42} (转审) and {@code &mode=add} (加签): an approver holding a
 * pending seat of the open step picks a member of staff by name, pinyin initials or account (the
 * people picker, staff only, active only) and, for 转审, writes an optional note, for 加签 chooses
 * before or after themselves. Anyone else gets 403 and one sentence. Every refusal — oneself, a
 * student, someone inactive, someone already on the step, a loop, over the limit, the step decided
 * meanwhile — is a sentence beside its field, with what was typed kept; {@link LeaveHandOvers}
 * checks everything again under the request lock.
 */
@Named("handOver")
@ViewScoped
@Requires(kind = PersonKind.STAFF)
public class HandOverBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject LeaveHandOvers handOvers;

  private String idParam;
  private String modeParam;
  private long id;
  private boolean add;
  private HandOverView view;
  private final DirectoryPicker picker = new DirectoryPicker(PickScope.staff(), 8);
  private String note;
  private String where = "BEFORE";
  private String personProblem;
  private String noteProblem;
  private String submitProblem;

  public void load() {
    if (view != null) {
      return;
    }
    add = "add".equals(modeParam);
    try {
      id = Long.parseLong(idParam == null ? "" : idParam.strip());
    } catch (NumberFormatException e) {
      refuse(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    view = handOvers.view(id, me.get()).filter(HandOverView::mayAct).orElse(null);
    if (view == null) {
      // Not a pending seat holder of the open step (any more): nothing of the request is shown.
      refuse(HttpServletResponse.SC_FORBIDDEN);
    }
  }

  /** 确认转审 / 确认加签. */
  public String submit() {
    personProblem = null;
    noteProblem = null;
    submitProblem = null;
    if (view == null) {
      return null;
    }
    List<DirectoryHit> chips = picker.getSelected();
    DirectoryHit chosen = chips.isEmpty() ? null : chips.get(chips.size() - 1);
    // One person: the last chip stays, as the fallback approver's picker does.
    picker.setSelected(chosen == null ? List.of() : List.of(chosen));
    String account = chosen == null ? null : chosen.key();
    LeaveActor actor = LeaveActor.of(me.get());
    HandOverResult result =
        add
            ? handOvers.add(id, view.step(), account, "BEFORE".equals(where), actor)
            : handOvers.handOver(id, view.step(), account, note, actor);
    if (result.ok()) {
      return "request.xhtml?faces-redirect=true&id=" + id;
    }
    String text = result.text(LeaveTexts.ofView());
    if (result.aboutThePerson()) {
      personProblem = text;
    } else if (result.problem()
        == cn.edu.ntvu.workbench.leave.application.HandOverProblem.NOTE_TOO_LONG) {
      noteProblem = text;
    } else {
      submitProblem = text;
      // The step moved on: what the page shows is read again (the form stays as typed).
      view = handOvers.view(id, me.get()).orElse(view);
    }
    return null;
  }

  private void refuse(int status) {
    view = null;
    FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
  }

  public boolean isFound() {
    return view != null;
  }

  public boolean isAdd() {
    return add;
  }

  public HandOverView getView() {
    return view;
  }

  public DirectoryPicker getPicker() {
    return picker;
  }

  public int getNoteMax() {
    return HandOverCheck.NOTE_MAX;
  }

  public String getIdParam() {
    return idParam;
  }

  public void setIdParam(String v) {
    this.idParam = v;
  }

  public String getModeParam() {
    return modeParam;
  }

  public void setModeParam(String v) {
    this.modeParam = v;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String v) {
    this.note = v;
  }

  public String getWhere() {
    return where;
  }

  public void setWhere(String v) {
    this.where = "AFTER".equals(v) ? "AFTER" : "BEFORE";
  }

  public String getPersonProblem() {
    return personProblem;
  }

  public String getNoteProblem() {
    return noteProblem;
  }

  public String getSubmitProblem() {
    return submitProblem;
  }
}
