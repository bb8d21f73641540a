package cn.edu.ntvu.workbench.timetable.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * Reads generated iCalendar text with ical4j, a real iCalendar library: strict parsing, validation,
 * and recurrence expansion (RRULE, EXDATE) as a calendar app does it.
 */
public final class ICalendarCheck {
  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** A class as a calendar app shows it: local date and clock times in Asia/Shanghai. */
  public record Slot(LocalDateTime start, LocalDateTime end) implements Comparable<Slot> {
    @Override
    public int compareTo(Slot o) {
      return start.compareTo(o.start);
    }
  }

  private final Calendar calendar;

  private ICalendarCheck(Calendar calendar) {
    this.calendar = calendar;
  }

  /** Parses strictly and fails the test on any validation error. */
  public static ICalendarCheck parseAndValidate(String text) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(text));
    ValidationResult result = calendar.validate();
    assertThat(result.hasErrors()).as("ical4j validation: %s", result).isFalse();
    for (VEvent e : calendar.<VEvent>getComponents("VEVENT")) {
      ValidationResult r = e.validate(true);
      assertThat(r.hasErrors()).as("VEVENT %s: %s", value(e, "UID"), r).isFalse();
    }
    return new ICalendarCheck(calendar);
  }

  public Calendar calendar() {
    return calendar;
  }

  public List<VEvent> events() {
    return calendar.getComponents("VEVENT");
  }

  public String property(String name) {
    return calendar.<Property>getProperty(name).map(Property::getValue).orElse(null);
  }

  public static String value(VEvent e, String name) {
    return e.<Property>getProperty(name).map(Property::getValue).orElse(null);
  }

  /**
   * Every occurrence of the events whose UID starts with {@code uidPrefix}, between the two dates.
   */
  public Set<Slot> expand(String uidPrefix, LocalDate from, LocalDate to) {
    Set<Slot> out = new TreeSet<>();
    for (VEvent e : events()) {
      if (value(e, "UID").startsWith(uidPrefix)) {
        out.addAll(expand(e, from, to));
      }
    }
    return out;
  }

  public static List<Slot> expand(VEvent e, LocalDate from, LocalDate to) {
    Period<ZonedDateTime> window =
        new Period<>(from.atStartOfDay(SHANGHAI), to.plusDays(1).atStartOfDay(SHANGHAI));
    List<Slot> out = new ArrayList<>();
    for (Period<Temporal> p : e.<Temporal>calculateRecurrenceSet(window)) {
      out.add(new Slot(local(p.getStart()), local(p.getEnd())));
    }
    return out;
  }

  private static LocalDateTime local(Temporal t) {
    if (t instanceof ZonedDateTime z) {
      return z.withZoneSameInstant(SHANGHAI).toLocalDateTime();
    }
    if (t instanceof java.time.OffsetDateTime o) {
      return o.atZoneSameInstant(SHANGHAI).toLocalDateTime();
    }
    if (t instanceof java.time.Instant i) {
      return LocalDateTime.ofInstant(i, SHANGHAI);
    }
    throw new AssertionError("a class has a date and time, not " + t.getClass() + " " + t);
  }

  /** No two events share a UID. */
  public void assertUniqueUids() {
    Set<String> seen = new HashSet<>();
    for (VEvent e : events()) {
      assertThat(seen.add(value(e, "UID"))).as("UID %s twice", value(e, "UID")).isTrue();
    }
  }
}
