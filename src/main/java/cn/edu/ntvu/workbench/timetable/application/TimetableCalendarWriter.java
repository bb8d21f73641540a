package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.CalendarEventPlan;
import cn.edu.ntvu.workbench.timetable.domain.ClassOccurrence;
import cn.edu.ntvu.workbench.timetable.domain.ClassOccurrences;
import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import cn.edu.ntvu.workbench.timetable.domain.WeeklySeries;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Writes a person's timetable as an iCalendar (RFC 5545) feed for calendar subscriptions. Each
 * meeting becomes the events of its {@link CalendarEventPlan}: weekly series (RRULE with EXDATE)
 * where they are exact, single events for make-up days and lone dates, all in Asia/Shanghai with a
 * VTIMEZONE. Event UIDs are stable across fetches (term, source system, meeting number and the
 * first date), so a calendar app updates events instead of duplicating them. Texts come from the
 * {@code i18n.timetable} bundle given.
 */
public final class TimetableCalendarWriter {
  /** The school's time zone: China has one offset, +08:00, and no daylight saving time. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  static final String PRODID = "-//NTVU//Workbench Timetable//ZH";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** One term's schedule and the meetings of the person in it. */
  public record TermMeetings(TermSchedule schedule, List<TimetableEntry> entries) {
    public TermMeetings {
      entries = List.copyOf(entries);
    }
  }

  private final ResourceBundle texts;
  private final String uidDomain;
  private final Map<String, String> teacherNames;

  /**
   * @param texts the {@code i18n.timetable} bundle in the reader's language
   * @param uidDomain the right-hand side of event UIDs, e.g. the public host name
   */
  public TimetableCalendarWriter(ResourceBundle texts, String uidDomain) {
    this(texts, uidDomain, Map.of());
  }

  /**
   * @param teacherNames names by account, for meetings whose file gave accounts only (金智 exports);
   *     an account without a name is shown as it is
   */
  public TimetableCalendarWriter(
      ResourceBundle texts, String uidDomain, Map<String, String> teacherNames) {
    this.texts = texts;
    this.uidDomain = uidDomain;
    this.teacherNames = Map.copyOf(teacherNames);
  }

  /**
   * @param ownerName whose timetable (the calendar's name says so)
   * @param stamp when the feed is generated (DTSTAMP)
   * @return the whole calendar, CRLF line ends, lines folded at 75 octets
   */
  public String write(String ownerName, List<TermMeetings> terms, Instant stamp) {
    StringBuilder out = new StringBuilder(4096);
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:" + PRODID);
    line(out, "CALSCALE:GREGORIAN");
    line(out, "X-WR-CALNAME:" + ICalendarText.escape(text("timetable.ical.feed.name", ownerName)));
    line(out, "X-WR-TIMEZONE:" + ZONE.getId());
    // Apple Calendar and Outlook read the TTL; the RFC 7986 property says the same to the others.
    line(out, "X-PUBLISHED-TTL:PT6H");
    line(out, "REFRESH-INTERVAL;VALUE=DURATION:PT6H");
    timeZone(out);
    String dtstamp = UTC.format(stamp);
    for (TermMeetings term : terms) {
      for (TimetableEntry entry : term.entries()) {
        meeting(out, term.schedule(), entry, dtstamp);
      }
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  private void timeZone(StringBuilder out) {
    line(out, "BEGIN:VTIMEZONE");
    line(out, "TZID:" + ZONE.getId());
    line(out, "X-LIC-LOCATION:" + ZONE.getId());
    line(out, "BEGIN:STANDARD");
    line(out, "TZOFFSETFROM:+0800");
    line(out, "TZOFFSETTO:+0800");
    line(out, "TZNAME:CST");
    line(out, "DTSTART:19700101T000000");
    line(out, "END:STANDARD");
    line(out, "END:VTIMEZONE");
  }

  private void meeting(StringBuilder out, TermSchedule schedule, TimetableEntry e, String dtstamp) {
    List<ClassOccurrence> occurrences =
        ClassOccurrences.of(
            schedule.calendar(), schedule.periodTimes(), e.weekday(), e.periods(), e.weeks());
    CalendarEventPlan plan = CalendarEventPlan.of(occurrences);
    String uidPrefix =
        schedule.calendar().term().code() + "-" + e.source() + "-" + e.meetingNo() + "-";
    for (WeeklySeries s : plan.series()) {
      begin(out, uidPrefix + DAY.format(s.first()), dtstamp, e, s.first(), s.start(), s.end());
      line(out, "RRULE:FREQ=WEEKLY;INTERVAL=" + s.intervalWeeks() + ";COUNT=" + s.count());
      if (!s.excluded().isEmpty()) {
        line(
            out,
            "EXDATE;TZID="
                + ZONE.getId()
                + ":"
                + s.excluded().stream()
                    .map(d -> LOCAL.format(d.atTime(s.start())))
                    .collect(Collectors.joining(",")));
      }
      description(out, e, null);
      line(out, "END:VEVENT");
    }
    for (ClassOccurrence o : plan.singles()) {
      begin(out, uidPrefix + DAY.format(o.date()), dtstamp, e, o.date(), o.start(), o.end());
      description(out, e, o.isMakeUp() ? o.timetableDate() : null);
      line(out, "END:VEVENT");
    }
  }

  private void begin(
      StringBuilder out,
      String uid,
      String dtstamp,
      TimetableEntry e,
      LocalDate date,
      LocalTime start,
      LocalTime end) {
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + uid + "@" + uidDomain);
    line(out, "DTSTAMP:" + dtstamp);
    line(out, "DTSTART;TZID=" + ZONE.getId() + ":" + LOCAL.format(LocalDateTime.of(date, start)));
    line(out, "DTEND;TZID=" + ZONE.getId() + ":" + LOCAL.format(LocalDateTime.of(date, end)));
    line(out, "SUMMARY:" + ICalendarText.escape(e.courseName()));
    if (!e.room().isBlank()) {
      line(out, "LOCATION:" + ICalendarText.escape(e.room()));
    }
  }

  /** Teacher, periods, course code; on a make-up day also whose classes are taught. */
  private void description(StringBuilder out, TimetableEntry e, LocalDate makeUpFor) {
    List<String> lines = new ArrayList<>();
    if (makeUpFor != null) {
      lines.add(
          text(
              "timetable.ical.event.makeUp",
              makeUpFor.getDayOfWeek().getDisplayName(TextStyle.FULL, locale()),
              makeUpFor.toString()));
    }
    String teachers =
        e.teacherNames().isBlank()
            ? e.teacherAccounts().stream()
                .map(a -> teacherNames.getOrDefault(a, a))
                .collect(Collectors.joining("、"))
            : e.teacherNames();
    if (!teachers.isBlank()) {
      lines.add(text("timetable.ical.event.teacher", teachers));
    }
    lines.add(text("timetable.ical.event.periods", periods(e.periods())));
    lines.add(text("timetable.ical.event.course", e.courseCode()));
    line(out, "DESCRIPTION:" + ICalendarText.escape(String.join("\n", lines)));
  }

  private static String periods(PeriodRange p) {
    return p.length() == 1 ? String.valueOf(p.first()) : p.first() + "-" + p.last();
  }

  private Locale locale() {
    Locale l = texts.getLocale();
    return l == null || l.getLanguage().isEmpty() ? Locale.SIMPLIFIED_CHINESE : l;
  }

  private String text(String key, Object... args) {
    return new MessageFormat(texts.getString(key), locale()).format(args);
  }

  private static void line(StringBuilder out, String line) {
    ICalendarText.appendFolded(out, line);
  }
}
