package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.DemoCast;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The demo people and the "try this" steps on both development sign-in screens (/dev/signin.xhtml and the WeCom
 * authorize stand-in): read from the directory once per request.
 */
@Named
@RequestScoped
public class DemoCastView {
  @Inject DemoCast demoCast;

  private DemoCast.Cast cast;

  public DemoCast.Cast getCast() {
    if (cast == null) {
      cast = demoCast.read();
    }
    return cast;
  }

  public List<DemoCast.Member> getMembers() {
    return getCast().members();
  }

  public boolean isStory() {
    return getCast().tellsTheStory();
  }

  public String getStudent() {
    return getCast().student().map(DemoCast.Member::name).orElse("");
  }

  public String getCounsellor() {
    return getCast().counsellor().map(DemoCast.Member::name).orElse("");
  }

  public String getTeacher() {
    return getCast().teacher().map(DemoCast.Member::name).orElse("");
  }

  public String getClassName() {
    return getCast().className();
  }

  public String getClassCode() {
    return getCast().classCode();
  }

  /** e.g. 毛敏（10001）· 辅导员（机械制造241班）、教师 — every role they hold, the one they are shown for first. */
  public String label(DemoCast.Member m) {
    FacesContext fc = FacesContext.getCurrentInstance();
    ResourceBundle msg = fc.getApplication().getResourceBundle(fc, "msg");
    String roles =
        m.roles().stream()
            .map(h -> {
              String role = msg.getString("role." + h.role().name());
              return h.scope() == null ? role : java.text.MessageFormat.format(
                  msg.getString("dev.cast.scoped"), role, h.scope());
            })
            .distinct()
            .collect(Collectors.joining(msg.getString("dev.cast.and")));
    return java.text.MessageFormat.format(msg.getString("dev.cast.person"), m.name(), m.account(), roles);
  }
}
