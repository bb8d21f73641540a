package cn.edu.ntvu.workbench.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Page plumbing shared by the micro-apps' page beans: a refusal status, a notice at the top, a
 * request parameter, an id from a parameter, a time as the pages show it.
 */
public final class Pages {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Pages() {}

  /** Sets the response status (e.g. 403 for a page the caller may not see). */
  public static void status(int code) {
    FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(code);
  }

  /** A notice at the top of the page. */
  public static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  /** An error at the top of the page (errors about one field go beside that field). */
  public static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /** A request parameter, or null. */
  public static String param(String name) {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestParameterMap()
        .get(name);
  }

  /** The id a parameter names, or 0 for none or anything that is not a number. */
  public static long id(String raw) {
    try {
      return raw == null ? 0 : Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** {@code 2026-11-25 10:20}, or empty for none. */
  public static String when(LocalDateTime t) {
    return t == null ? "" : WHEN.format(t);
  }
}
