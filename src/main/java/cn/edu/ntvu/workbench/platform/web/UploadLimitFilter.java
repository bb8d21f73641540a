package cn.edu.ntvu.workbench.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * An upload beyond the Faces servlet's multipart limit (web.xml) is rejected by the container while
 * Faces reads the request, which would end on the error page. The admin who picked too big a file
 * is sent back to the page with {@code ?tooLarge=1} instead, where the upload field says how large
 * a file may be (see {@code /WEB-INF/includes/import-file.xhtml}, which also stops such a file in
 * the browser before it is sent). A post without the multipart body such a form needs (made by
 * hand, or by a broken client), and a Faces post that does not carry its page's CSP nonce back, are
 * answered 400 with the bad-request page rather than the error page.
 */
public class UploadLimitFilter extends HttpFilter {
  public static final String PARAM = "tooLarge";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(req, res);
    } catch (ServletException | RuntimeException e) {
      if (res.isCommitted()) {
        throw e;
      }
      if (tooLarge(e)) {
        res.reset();
        // Back to the page the container dispatched to, spelled canonically: never a path taken
        // from the client.
        String to = req.getContextPath() + CanonicalPath.of(req) + "?" + PARAM + "=1";
        if ("partial/ajax".equals(req.getHeader("Faces-Request"))) {
          // An Ajax submit (the upload pages post through PrimeFaces): a redirect in its own
          // language, or the script would be handed a page it cannot read.
          res.setContentType("text/xml;charset=UTF-8");
          res.getWriter()
              .write(
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                      + to.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
                      + "\"/></partial-response>");
        } else {
          res.sendRedirect(to);
        }
      } else if (staleNonce(e)) {
        // A Faces post without the page's nonce, or with another one (a hand-made or replayed
        // post): PrimeFaces
        // refuses to render with it; the client sent something malformed, not a server error.
        res.reset();
        res.sendError(HttpServletResponse.SC_BAD_REQUEST);
      } else if (notMultipart(e)) {
        // A form with a file field posted without its files (a hand-made or broken client): a bad
        // request, not a 500.
        res.reset();
        res.sendError(HttpServletResponse.SC_BAD_REQUEST);
      } else {
        throw e;
      }
    }
  }

  /**
   * PrimeFaces' "CSP nonce mismatch": the postback's primefaces.nonce is not the one its page was
   * rendered with.
   */
  static boolean staleNonce(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getName().equals("org.primefaces.csp.CspException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reading the parts of a request that is not multipart/form-data (Catalina names the content type
   * it wanted).
   */
  static boolean notMultipart(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.contains("multipart/form-data") && !tooLarge(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Catalina's multipart parser says "the request was rejected because its size (…) exceeds the
   * configured maximum" for a request over max-request-size, and "The field … exceeds its maximum
   * permitted size of … bytes" for one file over max-file-size (the second was not recognised, and
   * a 20 MB photo ended on the 500 page).
   */
  static boolean tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null
          && (m.contains("exceeds the configured maximum")
              || m.contains("exceeds its maximum permitted size")
              || t.getClass().getSimpleName().endsWith("SizeLimitExceededException"))) {
        return true;
      }
    }
    return false;
  }
}
