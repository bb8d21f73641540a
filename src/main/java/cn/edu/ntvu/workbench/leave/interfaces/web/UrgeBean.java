package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.LeaveActor;
import cn.edu.ntvu.workbench.leave.application.LeaveDetail;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.leave.application.LeaveUrges;
import cn.edu.ntvu.workbench.leave.domain.UrgeRule;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The 催办 part of the request page ({@code WEB-INF/leave/request-urge.xhtml}, issue 18 item 5): the
 * request's own student sees the button while a step is open — greyed with "4 小时后可催办" until it may
 * be used, "已于 12-07 10:20 催办" once used. A refusal (twice, decided meanwhile, too early, someone
 * else's request) is said beside the button and stores nothing; {@link LeaveUrges#urge} checks
 * everything again under the request's lock. After an urge the page is loaded again (its timeline
 * shows 催办), the confirmation kept for it.
 */
@Named("leaveUrge")
@RequestScoped
public class UrgeBean {
  @Inject CurrentUser me;
  @Inject LeaveUrges urges;

  private LeaveUrges.View view;
  private String problem;

  /** What the fragment shows for this request (computed once per request). */
  public LeaveUrges.View view(LeaveDetail d) {
    if (view == null) {
      SignedInUser u = me.get();
      // Shown by what the page showed (the view's detail), so a postback from it reaches the
      // action even when the step was decided meanwhile, and is told so.
      view =
          d == null || u == null || !u.isStudent()
              ? LeaveUrges.View.NONE
              : urges.view(d.request(), d.steps(), u.account());
    }
    return view;
  }

  /** "4 小时后可催办", "已于 12-07 10:20 催办", or nothing when the button may be used. */
  public String hint(LeaveUrges.View v) {
    LeaveTexts t = LeaveTexts.ofView();
    return switch (v.kind()) {
      case TOO_EARLY -> t.get("leave.urge.after", v.hoursLeft());
      case ALREADY_URGED -> t.get("leave.urge.done", LeaveTexts.shortTime(v.urgedAt()));
      default -> "";
    };
  }

  public String getProblem() {
    return problem;
  }

  /** The button: urges the open step of request {@code id} as the signed-in student. */
  public String urge(long id) {
    SignedInUser u = me.get();
    if (u == null || !u.isStudent()) {
      problem = LeaveTexts.ofView().get("leave.urge.refused.NOT_YOURS");
      return null;
    }
    LeaveUrges.Outcome o = urges.urge(id, LeaveActor.of(u));
    view = null;
    if (!o.urged()) {
      problem =
          o.kind() == UrgeRule.Kind.TOO_EARLY
              ? LeaveTexts.ofView().get("leave.urge.refused.TOO_EARLY", o.hoursLeft())
              : LeaveTexts.ofView().get("leave.urge.refused." + o.kind().name());
      return null;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_INFO, LeaveTexts.ofView().get("leave.urge.sent"), null));
    faces.getExternalContext().getFlash().setKeepMessages(true);
    return "/leave/request.xhtml?faces-redirect=true&id=" + id;
  }
}
