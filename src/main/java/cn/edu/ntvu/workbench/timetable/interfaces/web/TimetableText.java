package cn.edu.ntvu.workbench.timetable.interfaces.web;

import cn.edu.ntvu.workbench.timetable.application.DayTimetable;
import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import cn.edu.ntvu.workbench.timetable.domain.TeachingDay;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import cn.edu.ntvu.workbench.timetable.domain.WeekPattern;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The timetable pages' words in the viewer's language: messages, dates, clock times, periods and
 * weeks.
 */
final class TimetableText {
  /**
   * Chinese is the base bundle: never fall back to the server's default locale on the way to it.
   */
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private final Locale locale;
  private final ResourceBundle bundle;
  private final DateTimeFormatter date;

  /** Parsed message patterns by key; the keys are the pages' own, a bounded set. */
  private final java.util.concurrent.ConcurrentHashMap<String, MessageFormat> formats =
      new java.util.concurrent.ConcurrentHashMap<>();

  TimetableText(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle("i18n.timetable", locale, NO_FALLBACK);
    this.date = DateTimeFormatter.ofPattern(bundle.getString("timetable.view.datePattern"), locale);
  }

  /**
   * Immutable, so one per language serves every request (the bundle lookup and the date pattern
   * once).
   */
  private static final java.util.concurrent.ConcurrentHashMap<Locale, TimetableText> BY_LOCALE =
      new java.util.concurrent.ConcurrentHashMap<>();

  static TimetableText ofView() {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    TimetableText known = BY_LOCALE.get(locale);
    if (known != null) {
      return known;
    }
    TimetableText made = new TimetableText(locale);
    if (BY_LOCALE.size()
        < 32) { // the view's locale is one of the app's supported ones; never grow without bound
      BY_LOCALE.putIfAbsent(locale, made);
    }
    return made;
  }

  /**
   * The message {@code key} with its arguments, which are given as text so that numbers are not
   * grouped.
   */
  String get(String key, Object... args) {
    MessageFormat parsed =
        formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale));
    // A MessageFormat is not thread-safe: each use formats with its own shallow copy of the parsed
    // pattern.
    return ((MessageFormat) parsed.clone()).format(args);
  }

  /**
   * A term's code as people say it: {@code 2026-2027-1} is "2026–2027 学年第一学期" ("2026–27 autumn
   * term"); a code of another shape is shown as it is.
   */
  String term(String code) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d{4})-(\\d{4})-([12])")
            .matcher(code == null ? "" : code);
    if (!m.matches()) {
      return code == null ? "" : code;
    }
    String second = m.group(2);
    return get("timetable.term.name." + m.group(3), m.group(1), second, second.substring(2));
  }

  String date(LocalDate d) {
    return date.format(d);
  }

  /** 星期三 / Wednesday. */
  String weekday(DayOfWeek d) {
    return d.getDisplayName(TextStyle.FULL, locale);
  }

  /** 周三 / Wed. */
  String shortWeekday(DayOfWeek d) {
    return d.getDisplayName(TextStyle.SHORT, locale);
  }

  /** 11月25日 星期三 / Wednesday, 25 Nov. */
  String dateAndWeekday(LocalDate d) {
    return get("timetable.view.dateAndWeekday", date(d), weekday(d.getDayOfWeek()));
  }

  String time(LocalTime t) {
    return CLOCK.format(t);
  }

  String times(LocalTime start, LocalTime end) {
    return get("timetable.view.timeRange", time(start), time(end));
  }

  /** 第3-4节 / Periods 3-4. */
  String periods(PeriodRange p) {
    return p.length() == 1
        ? get("timetable.view.periodOne", String.valueOf(p.first()))
        : get("timetable.view.periodRange", String.valueOf(p.first()), String.valueOf(p.last()));
  }

  /** 1-15周(单) as the exports write it; in English "weeks 1-15 (odd)". */
  String weeks(WeekPattern weeks) {
    String zh = weeks.toString();
    if (zh.isEmpty() || "zh".equals(locale.getLanguage())) {
      return zh;
    }
    String parity = zh.endsWith("(单)") ? " (odd)" : zh.endsWith("(双)") ? " (even)" : "";
    return "weeks " + zh.substring(0, zh.indexOf('周')) + parity;
  }

  /**
   * What the calendar says about a day of the term: the holiday, or whose classes a make-up day
   * teaches; null on an ordinary day. Days outside the term are the caller's business (it knows the
   * next term).
   */
  String notice(DayTimetable day, Term term, boolean today) {
    return switch (day.resolution().kind()) {
      case HOLIDAY -> get("timetable.view.holiday", day.resolution().noticeArgs().get(0));
      case MAKE_UP -> {
        TeachingDay taught = day.resolution().teaching().orElseThrow();
        LocalDate followed = term.dateOf(taught.week(), taught.weekday());
        yield get(
            today ? "timetable.view.makeUp" : "timetable.view.makeUpDay",
            date(followed),
            weekday(followed.getDayOfWeek()));
      }
      default -> null;
    };
  }
}
