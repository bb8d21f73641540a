package cn.edu.ntvu.workbench.notices.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Page plumbing shared by the notices beans: a refusal status, a notice at the top. */
final class Pages {
  private Pages() {}

  static void status(int code) {
    FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(code);
  }

  static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  static String param(String name) {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestParameterMap()
        .get(name);
  }

  static long id(String raw) {
    try {
      return raw == null ? 0 : Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static final java.time.format.DateTimeFormatter WHEN =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  static String when(java.time.LocalDateTime t) {
    return t == null ? "" : WHEN.format(t);
  }
}
