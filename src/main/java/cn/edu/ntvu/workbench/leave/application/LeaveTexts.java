package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.platform.web.BundleText;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * Words of the leave app from bundle {@code i18n.leave}: Chinese for WeCom messages, the viewer's
 * language on pages.
 */
public final class LeaveTexts {
  public static final String BUNDLE = "i18n.leave";
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  private final Locale locale;

  private LeaveTexts(Locale locale) {
    this.locale = locale;
  }

  /** Chinese, for messages sent through WeCom (the base bundle). */
  public static LeaveTexts chinese() {
    return new LeaveTexts(Locale.ROOT);
  }

  /** The language of the current page. */
  public static LeaveTexts ofView() {
    return new LeaveTexts(BundleText.viewLocale());
  }

  /** In {@code locale}. */
  public static LeaveTexts of(Locale locale) {
    return new LeaveTexts(locale);
  }

  /**
   * A leave's length as people say it: "2 天", "1.5 天"; under a day, with its hours as well: "0.5
   * 天（3 小时 30 分钟）". Never "2 天（34 小时 0 分钟）": the hours of a leave over nights mean nothing to
   * anybody.
   */
  public String duration(cn.edu.ntvu.workbench.leave.domain.LeaveDuration d) {
    String days =
        d.days().compareTo(java.math.BigDecimal.ONE) == 0
            ? get("leave.duration.oneDay")
            : get("leave.duration.days", d.daysText());
    if (d.days().compareTo(java.math.BigDecimal.ONE) >= 0) {
      return days;
    }
    String time;
    if (d.hours() == 0) {
      time = get("leave.duration.minutes", d.minutesOfHour());
    } else if (d.minutesOfHour() == 0) {
      time = get("leave.duration.hours", d.hours());
    } else {
      time = get("leave.duration.hoursMinutes", d.hours(), d.minutesOfHour());
    }
    return get("leave.duration.withTime", days, time);
  }

  public String get(String key, Object... args) {
    return BundleText.format(
        BUNDLE, locale, key, Arrays.stream(args).map(String::valueOf).toList());
  }

  public static String shortTime(LocalDateTime t) {
    return t == null ? "" : SHORT.format(t);
  }
}
