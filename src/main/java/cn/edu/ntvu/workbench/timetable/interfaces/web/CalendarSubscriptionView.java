package cn.edu.ntvu.workbench.timetable.interfaces.web;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.timetable.application.CalendarSubscriptionService;
import cn.edu.ntvu.workbench.timetable.application.TimetableCalendarWriter;
import cn.edu.ntvu.workbench.timetable.domain.CalendarSubscription;
import cn.edu.ntvu.workbench.timetable.domain.CalendarToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The page 订阅到手机日历 ({@code #{calendarSubscription}}): the state of the signed-in person's
 * subscription and the actions on it. The URL with its token lives only in this request: it is
 * rendered once in the answer to "turn on" or "reset" and kept nowhere else (not in the session,
 * not in the view state).
 */
@Named("calendarSubscription")
@RequestScoped
public class CalendarSubscriptionView {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TimetableCalendarWriter.ZONE);

  @Inject CurrentUser me;
  @Inject CalendarSubscriptionService service;
  @Inject AppSettings settings;

  private Optional<CalendarSubscription> state;
  private String issuedUrl;
  private String noticeKey;

  private Optional<CalendarSubscription> state() {
    if (state == null) {
      state = service.of(me.getAccount());
    }
    return state;
  }

  public boolean isOn() {
    return state().isPresent();
  }

  /** When it was turned on or last reset, in the school's time. */
  public String getSince() {
    return state().map(s -> WHEN.format(s.createdAt())).orElse("");
  }

  /** When a calendar app last fetched the feed, or empty. */
  public String getLastFetched() {
    return state().flatMap(CalendarSubscription::lastUsedAt).map(WHEN::format).orElse("");
  }

  /** The https URL, only in the answer to turning on or resetting. */
  public String getIssuedUrl() {
    return issuedUrl;
  }

  /** The same address for the webcal: scheme, which iOS hands to the Calendar app. */
  public String getWebcalUrl() {
    return issuedUrl == null ? null : issuedUrl.replaceFirst("^https?://", "webcal://");
  }

  /** A key of the timetable bundle for the line above the buttons, or null. */
  public String getNoticeKey() {
    return noticeKey;
  }

  public String turnOn() {
    if (isOn()) {
      // A second tap or a resubmitted form must not silently revoke the address just shown.
      noticeKey = "timetable.ical.page.alreadyOn";
      return null;
    }
    return issue();
  }

  public String reset() {
    return issue();
  }

  public String turnOff() {
    service.turnOff(me.getAccount());
    state = null;
    noticeKey = "timetable.ical.page.turnedOff";
    return null;
  }

  private String issue() {
    CalendarToken token = service.issue(me.getAccount());
    issuedUrl = settings.publicBaseUrl() + CalendarFeedServlet.feedPath(token.value());
    state = null;
    return null;
  }
}
