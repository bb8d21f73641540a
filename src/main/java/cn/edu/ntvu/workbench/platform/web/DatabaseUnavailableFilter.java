package cn.edu.ntvu.workbench.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * While the database is away (a restart for a patch, a failover), every page would otherwise end on
 * the 500 page with an error reference, as if something were broken for good. A failure whose cause
 * is the database connection (the pool could not hand one out, the connection broke, a lock or
 * statement timed out) is answered here instead: 503 with {@code Retry-After}, one short page
 * "稍后再试" in the person's language, and nothing of the failure. The load balancer's readiness check
 * ({@code /health/ready}) turns DOWN at the same time and sends nobody here for long; this page
 * covers the seconds before it notices. Registered right after the headers, before the route guard
 * (which reads the person's roles from the database).
 */
public class DatabaseUnavailableFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(DatabaseUnavailableFilter.class.getName());

  /** Seconds a browser or a person is asked to wait; HAProxy's own 503 page says the same. */
  static final int RETRY_AFTER_SECONDS = 10;

  private final transient SecurityHeaders headers;

  public DatabaseUnavailableFilter(SecurityHeaders headers) {
    this.headers = headers;
  }

  /** One log line per 10 s, not one per request, while the database is away. */
  private static final AtomicLong LAST_LOGGED = new AtomicLong();

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(req, res);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!databaseUnavailable(e) || res.isCommitted()) {
        throw e;
      }
      long now = System.nanoTime();
      long last = LAST_LOGGED.get();
      if (now - last > 10_000_000_000L && LAST_LOGGED.compareAndSet(last, now)) {
        LOG.warning(
            "Database unavailable, answered 503 at " + CanonicalPath.of(req) + ": " + rootCause(e));
      }
      answer(req, res, headers);
    }
  }

  /**
   * Whether {@code error} was caused by the database connection, not by the request or the code.
   */
  static boolean databaseUnavailable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientException
          || t instanceof SQLRecoverableException
          || t instanceof java.sql.SQLNonTransientConnectionException
          || t instanceof java.net.ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
      // The transaction manager could not finish a commit or rollback because its resource — the
      // database, our only
      // transactional one — went away (JTS5031 "completed: Maybe"): the person taps again, and the
      // form's token
      // stores it once.
      if (t instanceof jakarta.transaction.SystemException
          || t instanceof jakarta.transaction.HeuristicMixedException
          || t instanceof javax.transaction.xa.XAException) {
        return true;
      }
      String type = t.getClass().getName();
      // The container's pool: "Error in allocating a connection" (ResourceAllocationException,
      // PoolingException).
      if (type.endsWith("PoolingException")
          || type.endsWith("ResourceAllocationException")
          || (t instanceof SQLException
              && String.valueOf(t.getMessage()).startsWith("Error in allocating a connection"))) {
        return true;
      }
    }
    return false;
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /**
   * The 503 page; a Faces Ajax request gets a partial response that reloads the page (which then
   * shows it).
   */
  static void answer(HttpServletRequest req, HttpServletResponse res, SecurityHeaders headers)
      throws IOException {
    res.reset();
    // The security headers again (reset() cleared them), with the policy without a nonce: this page
    // runs no script.
    SecurityHeadersFilter.apply(res, headers);
    res.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    res.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    res.setHeader("Cache-Control", "no-store");
    ResourceBundle text = RequestLocale.messages(req);
    byte[] body;
    if ("partial/ajax".equals(req.getHeader("Faces-Request"))) {
      String self = req.getContextPath() + CanonicalPath.of(req);
      res.setContentType("text/xml;charset=UTF-8");
      body =
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + Html.escape(self)
                  + "\"/></partial-response>")
              .getBytes(StandardCharsets.UTF_8);
    } else {
      res.setContentType("text/html;charset=UTF-8");
      String lang = RequestLocale.of(req).getLanguage().equals("en") ? "en" : "zh-CN";
      body =
          ("<!DOCTYPE html><html lang=\""
                  + lang
                  + "\"><head><meta charset=\"UTF-8\">"
                  + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                  + "<title>"
                  + Html.escape(text.getString("error.unavailable.title"))
                  + "</title>"
                  + "<link rel=\"stylesheet\" href=\""
                  + req.getContextPath()
                  + "/resources/workbench/theme.css\"/></head>"
                  + "<body><main class=\"wb-page\"><h1>"
                  + Html.escape(text.getString("error.unavailable.title"))
                  + "</h1>"
                  + "<p>"
                  + Html.escape(text.getString("error.unavailable.text"))
                  + "</p></main></body></html>")
              .getBytes(StandardCharsets.UTF_8);
    }
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
