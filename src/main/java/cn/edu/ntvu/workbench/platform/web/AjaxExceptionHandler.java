package cn.edu.ntvu.workbench.platform.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors during an Ajax request would otherwise end in a partial-response error that the page silently ignores:
 * a counsellor taps "approve" and nothing happens. An expired view — Ajax or not — reloads the page (a fresh view,
 * through sign-in if the session is gone too) with a notice; any other Ajax error is logged under a reference id and
 * the browser is sent to the error page that shows it. Other non-Ajax errors keep the servlet error pages.
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
      target = req.getRequestURI() + "?expired=1";
    } else {
      String reference = ErrorReference.next();
      LOG.log(Level.SEVERE, "Error reference " + reference + " at " + req.getRequestURI(), error);
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

  private static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof FacesException || cur instanceof jakarta.el.ELException) && cur.getCause() != null) {
      cur = cur.getCause();
    }
    return cur;
  }
}
