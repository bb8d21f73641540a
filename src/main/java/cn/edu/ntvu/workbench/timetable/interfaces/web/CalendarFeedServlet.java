package cn.edu.ntvu.workbench.timetable.interfaces.web;

import cn.edu.ntvu.workbench.platform.web.ErrorReference;
import cn.edu.ntvu.workbench.platform.web.RequestLocale;
import cn.edu.ntvu.workbench.platform.web.Throttle;
import cn.edu.ntvu.workbench.timetable.application.CalendarFeed;
import cn.edu.ntvu.workbench.timetable.application.CalendarSubscriptionService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /calendar/<token>.ics}: the iCalendar feed a phone's calendar app subscribes to.
 * Calendar apps send no cookies, so the token alone decides ({@code SignInFilter} lets exactly this
 * path through) and no session is ever created. A token that is unknown, reset or turned off gets a
 * short plain-text 404 and no data. The token is part of the URL: this servlet never logs a URL,
 * and a failure is logged under a reference id only. Unknown tokens count toward the address's
 * brute-force limit ({@link Throttle}).
 */
@WebServlet(CalendarFeedServlet.PREFIX + "*")
public class CalendarFeedServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(CalendarFeedServlet.class.getName());

  /** The feed URLs start with this; {@link #feedPath} builds them. */
  public static final String PREFIX = "/calendar/";

  static final String SUFFIX = ".ics";

  /**
   * Calendar apps decide their own polling; this keeps shared caches out and a phone from
   * refetching at once.
   */
  static final String CACHE = "private, max-age=3600";

  @Inject CalendarSubscriptionService subscriptions;
  @Inject Throttle throttle;

  /** The path of the feed of {@code token}, below the context path. */
  public static String feedPath(String token) {
    return PREFIX + token + SUFFIX;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    // Guessing tokens: an address with many unknown tokens lately waits, whatever it asks for now
    // (Throttle).
    if (throttle.refused(Throttle.Gate.CALENDAR, req, res)) {
      return;
    }
    Locale locale = RequestLocale.of(req);
    Optional<CalendarFeed> feed;
    try {
      feed = token(req.getPathInfo()).flatMap(t -> subscriptions.feed(t, locale));
    } catch (RuntimeException e) {
      // Not the 500 error page: it would log the request URI, and with it the token.
      String ref = ErrorReference.next();
      LOG.log(Level.SEVERE, "Error reference " + ref + " in a calendar feed", e);
      plainText(
          res, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "timetable.ical.feed.failed", ref);
      return;
    }
    if (feed.isEmpty()) {
      throttle.failure(Throttle.Gate.CALENDAR, req);
      plainText(res, HttpServletResponse.SC_NOT_FOUND, "timetable.ical.feed.notFound", null);
      return;
    }
    res.setHeader("Cache-Control", CACHE);
    res.setHeader("Vary", "Accept-Language");
    res.setHeader("ETag", feed.get().etag());
    if (matches(req.getHeader("If-None-Match"), feed.get().etag())) {
      res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    byte[] body = feed.get().bytes();
    res.setContentType("text/calendar; charset=utf-8");
    res.setHeader("Content-Disposition", "inline; filename=\"timetable.ics\"");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  /** The token between {@code /calendar/} and {@code .ics}; its form is checked by the service. */
  static Optional<String> token(String pathInfo) {
    if (pathInfo == null || !pathInfo.startsWith("/") || !pathInfo.endsWith(SUFFIX)) {
      return Optional.empty();
    }
    String token = pathInfo.substring(1, pathInfo.length() - SUFFIX.length());
    return token.isEmpty() || token.contains("/") ? Optional.empty() : Optional.of(token);
  }

  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The answer in both languages: a calendar app shows it to whoever set the subscription up, in
   * any language.
   */
  private static void plainText(HttpServletResponse res, int status, String key, String arg)
      throws IOException {
    StringBuilder text = new StringBuilder();
    for (Locale l : new Locale[] {RequestLocale.CHINESE, Locale.ENGLISH}) {
      ResourceBundle b =
          ResourceBundle.getBundle(
              "i18n.timetable",
              l,
              CalendarFeedServlet.class.getClassLoader(),
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      text.append(new java.text.MessageFormat(b.getString(key), l).format(new Object[] {arg}))
          .append('\n');
    }
    byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
    res.setStatus(status);
    res.setHeader("Cache-Control", "no-store");
    res.setContentType("text/plain; charset=utf-8");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
