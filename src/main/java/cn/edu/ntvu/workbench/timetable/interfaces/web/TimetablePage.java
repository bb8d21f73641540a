package cn.edu.ntvu.workbench.timetable.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * What the timetable pages share: the signed-in person, the school clock, the words, and a refusal
 * that replaces the whole page content with one clear sentence (and an HTTP status), so nothing of
 * a timetable is ever shown with it.
 */
abstract class TimetablePage {
  @Inject CurrentUser me;
  @Inject Clock clock;

  TimetableText text;
  LocalDateTime now;
  private String problem;

  /** Call first from the page's view action. */
  SignedInUser begin() {
    text = TimetableText.ofView();
    now = LocalDateTime.now(clock);
    return me.get();
  }

  void refuse(int status, String key, Object... args) {
    problem = text.get(key, args);
    FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
  }

  /**
   * A query parameter of this GET. The timetable pages read theirs in their preRenderView listener
   * instead of through f:metadata/f:viewParam: Mojarra builds a view with metadata twice per GET, a
   * tenth of the week view's CPU.
   */
  static String param(String name) {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestParameterMap()
        .get(name);
  }

  /** A request parameter as the reader may see it again in a message: stripped and short. */
  static String shown(String param) {
    String s = param.strip();
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }

  static boolean blank(String param) {
    return param == null || param.isBlank();
  }

  public String getProblem() {
    return problem;
  }

  public boolean isRefused() {
    return problem != null;
  }
}
