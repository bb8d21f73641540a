package cn.edu.ntvu.workbench.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The 500 page: logs the failure once under a short reference id and shows only that id, never a
 * stack trace, so the information centre can find the log entry when a person reports it.
 */
@Named
@RequestScoped
public class ErrorView {
  private static final Logger LOG = Logger.getLogger(ErrorView.class.getName());

  @Inject HttpServletRequest request;

  private String reference;

  public String getReference() {
    if (reference == null) {
      String given = request.getParameter("ref");
      if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null
          && ErrorReference.isValid(given)) {
        // Reached by redirect after an Ajax error: the entry was logged under this id already.
        reference = given;
        return reference;
      }
      reference = ErrorReference.next();
      Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
      Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      if (error instanceof Throwable t) {
        LOG.log(Level.SEVERE, "Error reference " + reference + " at " + uri, t);
      } else {
        LOG.severe(
            "Error reference "
                + reference
                + " at "
                + uri
                + ": status "
                + request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
      }
    }
    return reference;
  }
}
