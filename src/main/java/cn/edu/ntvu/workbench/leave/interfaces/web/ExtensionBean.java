package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.ExtensionRow;
import cn.edu.ntvu.workbench.leave.application.LeaveActor;
import cn.edu.ntvu.workbench.leave.application.LeaveDetail;
import cn.edu.ntvu.workbench.leave.application.LeaveExtensions;
import cn.edu.ntvu.workbench.leave.application.LeaveRequestRow;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.leave.domain.ExtensionForm;
import cn.edu.ntvu.workbench.leave.domain.FieldProblem;
import cn.edu.ntvu.workbench.leave.domain.LeaveDuration;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The 续假 part of {@code /leave/request.xhtml} ({@code WEB-INF/leave/request-extension.xhtml}): both
 * periods — 原假期 and each 续假 with where it stands — and the total; for the student of an approved
 * leave that has not ended, the 续假 form (new end, reason; problems beside the fields, everything
 * typed kept). Deciding an extension's step is the page's usual 同意/驳回 (the service hands the step
 * to {@link LeaveExtensions}). Only what {@link LeaveDetailBean} let this viewer see; the service
 * checks the student again.
 */
@Named("extension")
@ViewScoped
public class ExtensionBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject LeaveExtensions extensions;
  @Inject LeaveDetailBean page;
  @Inject Clock clock;

  private Long loadedFor;
  private List<ExtensionRow> rows = List.of();
  private LocalDateTime originalEnd;
  private boolean extending;
  private String newEnd;
  private String reason;
  private String token;
  private final Map<String, String> problems = new HashMap<>();

  private void load(LeaveDetail d) {
    long id = d.request().id();
    if (loadedFor == null || loadedFor != id) {
      rows = extensions.of(id);
      originalEnd = extensions.originalEnd(d.request());
      loadedFor = id;
    }
  }

  private void reload() {
    loadedFor = null;
  }

  public List<ExtensionRow> rows(LeaveDetail d) {
    load(d);
    return rows;
  }

  /** Whether the section shows: the leave was extended (or asked to be), or may be now. */
  public boolean shown(LeaveDetail d) {
    return d != null && (!rows(d).isEmpty() || mayExtend(d));
  }

  public boolean mayExtend(LeaveDetail d) {
    load(d);
    return d.owner()
        && LeaveExtensions.mayExtend(
            d.request(), rows, me.get().account(), LocalDateTime.now(clock));
  }

  public LocalDateTime originalEnd(LeaveDetail d) {
    load(d);
    return originalEnd;
  }

  /** 原假期's length. */
  public String originalDays(LeaveDetail d) {
    LeaveRequestRow r = d.request();
    return LeaveTexts.ofView()
        .get("leave.detail.days", LeaveDuration.between(r.start(), originalEnd(d)).daysText());
  }

  public String days(ExtensionRow e) {
    return LeaveTexts.ofView().get("leave.detail.days", e.duration().daysText());
  }

  /** Whether some 续假 was approved (the total then differs from 原假期). */
  public boolean extended(LeaveDetail d) {
    return rows(d).stream().anyMatch(ExtensionRow::isApproved);
  }

  public void start() {
    LeaveDetail d = page.getDetail();
    if (d != null && mayExtend(d)) {
      extending = true;
      token = UUID.randomUUID().toString();
      problems.clear();
    }
  }

  public void stop() {
    extending = false;
    problems.clear();
  }

  public void submit() {
    problems.clear();
    LeaveDetail d = page.getDetail();
    if (d == null) {
      error("leave.outcome.failed");
      return;
    }
    LocalDateTime end = null;
    if (newEnd != null && !newEnd.isBlank()) {
      try {
        end = LocalDateTime.parse(newEnd.strip());
      } catch (DateTimeParseException e) {
        problems.put("newEnd", LeaveTexts.ofView().get("leave.ext.error.badEnd"));
        extending = true;
        return;
      }
    }
    if (token == null) {
      token = UUID.randomUUID().toString();
    }
    LeaveExtensions.Result done =
        extensions.request(
            d.request().id(), new ExtensionForm(end, reason), token, LeaveActor.of(me.get()));
    switch (done.kind()) {
      case DONE -> {
        extending = false;
        newEnd = null;
        reason = null;
        token = null;
        info("leave.ext.asked");
      }
      case PROBLEMS -> {
        extending = true;
        for (FieldProblem p : done.problems()) {
          problems.putIfAbsent(p.field(), LeaveTexts.ofView().get(p.key(), p.args().toArray()));
        }
      }
      case REFUSED -> {
        extending = false;
        error("leave.outcome.failed");
      }
    }
    reload();
    page.refresh();
  }

  public String problem(String field) {
    return problems.get(field);
  }

  private static void info(String key) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_INFO, LeaveTexts.ofView().get(key), null));
  }

  private static void error(String key) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(FacesMessage.SEVERITY_ERROR, LeaveTexts.ofView().get(key), null));
  }

  public boolean isExtending() {
    return extending;
  }

  public String getNewEnd() {
    return newEnd;
  }

  public void setNewEnd(String v) {
    this.newEnd = v;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String v) {
    this.reason = v;
  }

  public int getReasonMax() {
    return ExtensionForm.REASON_MAX;
  }
}
