package cn.edu.ntvu.workbench.platform.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors during an Ajax request would otherwise end in a partial-response error that the page
 * silently ignores: a counsellor taps "approve" and nothing happens. An expired view — Ajax or not
 * — reloads the page (a fresh view, through sign-in if the session is gone too) with a notice; any
 * other Ajax error is logged under a reference id and the browser is sent to the error page that
 * shows it. Other non-Ajax errors keep the servlet error pages. A {@link SecurityException} (a bean
 * refusing an action to this person) is a 403, Ajax or not.
 */
public class AjaxExceptionHandler extends ExceptionHandlerWrapper {
  private static final Logger LOG = Logger.getLogger(AjaxExceptionHandler.class.getName());

  public AjaxExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() throws FacesException {
    FacesContext fc = FacesContext.getCurrentInstance();
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    if (fc == null || fc.getResponseComplete() || !events.hasNext()) {
      getWrapped().handle();
      return;
    }
    Throwable error = events.next().getContext().getException();
    if (refusal(error) instanceof SecurityException refused) {
      // An action the person may not take (a bean's own check, e.g. a forged post to an admin
      // form): 403, not 500.
      refuse(fc, events, HttpServletResponse.SC_FORBIDDEN, "Refused: " + refused.getMessage());
      return;
    }
    if (unrestorable(error)) {
      // A post whose view state names no view this page can have (e.g. "stateless" sent to a
      // stateful page): the
      // client sent something malformed, a 400 with its page.
      refuse(fc, events, HttpServletResponse.SC_BAD_REQUEST, "View state that restores no view");
      return;
    }
    boolean expired = unwrap(error) instanceof ViewExpiredException;
    if (!expired && !fc.getPartialViewContext().isAjaxRequest()) {
      // A plain request keeps the servlet error pages of web.xml (500 with its reference id).
      getWrapped().handle();
      return;
    }
    events.remove();
    while (events.hasNext()) {
      events.next();
      events.remove();
    }
    ExternalContext ec = fc.getExternalContext();
    HttpServletRequest req = (HttpServletRequest) ec.getRequest();
    String target;
    if (expired) {
      // The page again, fresh, with a notice that what was typed may need re-entering.
      target = req.getContextPath() + CanonicalPath.of(req) + "?expired=1";
    } else if (DatabaseUnavailableFilter.databaseUnavailable(error)) {
      // The database is away: the page again, which answers 503 "稍后再试" until it is back (no error
      // reference).
      target = req.getContextPath() + CanonicalPath.of(req);
    } else {
      String reference = ErrorReference.next();
      LOG.log(Level.SEVERE, "Error reference " + reference + " at " + CanonicalPath.of(req), error);
      target = req.getContextPath() + "/error.xhtml?ref=" + reference;
    }
    try {
      if (!ec.isResponseCommitted()) {
        ec.responseReset();
      }
      ec.redirect(target);
      fc.responseComplete();
    } catch (IOException e) {
      throw new FacesException(e);
    }
  }

  /**
   * Mojarra's "Unable to restore view" (a FacesException of its own, not a ViewExpiredException).
   */
  private static boolean unrestorable(Throwable error) {
    Throwable t = unwrap(error);
    return t instanceof FacesException
        && t.getCause() == null
        && t.getMessage() != null
        && t.getMessage().startsWith("Unable to restore view");
  }

  private static void refuse(
      FacesContext fc, Iterator<ExceptionQueuedEvent> events, int status, String why) {
    events.remove();
    while (events.hasNext()) {
      events.next();
      events.remove();
    }
    ExternalContext ec = fc.getExternalContext();
    HttpServletRequest req = (HttpServletRequest) ec.getRequest();
    LOG.warning(why + " at " + CanonicalPath.of(req));
    try {
      if (!ec.isResponseCommitted()) {
        ec.responseReset();
      }
      ec.responseSendError(status, "");
      fc.responseComplete();
    } catch (IOException e) {
      throw new FacesException(e);
    }
  }

  /**
   * The {@link SecurityException} anywhere in the causes (a bean's or service's own check; a bean
   * refused while it was being created arrives wrapped by CDI); null when there is none.
   */
  private static Throwable refusal(Throwable t) {
    for (Throwable cur = t; cur != null; cur = cur.getCause()) {
      if (cur instanceof SecurityException) {
        return cur;
      }
      if (cur.getCause() == cur) {
        break;
      }
    }
    return null;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof FacesException || cur instanceof jakarta.el.ELException)
        && cur.getCause() != null) {
      cur = cur.getCause();
    }
    return cur;
  }
}
