package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.ChainView;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.leave.domain.SeatOrigin;
import cn.edu.ntvu.workbench.leave.domain.StepMode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request page's 审批进度 (issue 18, {@code WEB-INF/leave/request-chain.xhtml}): per 会签 step (or a
 * step with someone handed over, added or deputised) its mode and who has and has not decided. Only
 * rendered inside the page's "found" part, i.e. after {@code LeaveQueries.detail} let the viewer
 * see the request; read-only.
 */
@Named("chainSeats")
@RequestScoped
public class ChainSeatsBean {
  @Inject ChainView view;

  private final Map<Long, List<ChainView.StepSeats>> cache = new HashMap<>();

  /**
   * The steps, read again in every phase but the rendering (which reads once): a decision made by
   * this very post shows at once.
   */
  public List<ChainView.StepSeats> steps(long requestId) {
    jakarta.faces.context.FacesContext fc = jakarta.faces.context.FacesContext.getCurrentInstance();
    if (fc == null || fc.getCurrentPhaseId() != jakarta.faces.event.PhaseId.RENDER_RESPONSE) {
      cache.clear();
      return view.of(requestId);
    }
    return cache.computeIfAbsent(requestId, view::of);
  }

  /** "第 1 步 · 辅导员 · 会签 · 已同意 1/3". */
  public String heading(ChainView.StepSeats s) {
    LeaveTexts t = LeaveTexts.ofView();
    String role = t.get("leave.step." + s.role().name());
    String mode = t.get("leave.chainSeats.mode." + s.mode().name());
    return s.mode() == StepMode.ALL
        ? t.get("leave.chainSeats.headingAll", s.stepNo(), role, mode, s.approved(), s.counted())
        : t.get("leave.chainSeats.heading", s.stepNo(), role, mode);
  }

  /** "王老师 代 毛敏 已同意 11-26 21:04", "李老师 待审批（毛敏 转审）", …. */
  public String line(ChainView.SeatLine a) {
    LeaveTexts t = LeaveTexts.ofView();
    String when = a.decidedAt() == null ? "" : " " + LeaveTexts.shortTime(a.decidedAt());
    String state =
        a.byDeputy() && a.state().decided()
            ? t.get(
                "leave.chainSeats.deputy." + a.state().name(),
                a.decidedByName() == null ? "" : a.decidedByName(),
                a.name())
            : a.name() + " " + t.get("leave.chainSeats.state." + a.state().name());
    String origin =
        a.originName() == null || a.origin() == SeatOrigin.RULE || a.origin() == SeatOrigin.FALLBACK
            ? ""
            : t.get("leave.chainSeats.origin." + a.origin().name(), a.originName());
    return state + when + origin;
  }
}
