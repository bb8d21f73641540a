package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.timetable.application.MissedClassesQuery;
import cn.edu.ntvu.workbench.timetable.application.TimetableEntry;
import cn.edu.ntvu.workbench.timetable.domain.ClassPeriodLeave;
import cn.edu.ntvu.workbench.timetable.domain.MissedClasses;
import cn.edu.ntvu.workbench.timetable.domain.MissedMeeting;
import cn.edu.ntvu.workbench.timetable.domain.TimetableInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * The classes a leave misses, for the 请假 pages and the submit: the timetable is asked only through
 * {@link MissedClassesQuery} and its answer turned into the leave's own {@link MissedClass} (what
 * is stored with the request).
 */
@ApplicationScoped
public class LeaveMissedClasses {
  static final String TIMETABLE_BUNDLE = "i18n.timetable";

  @Inject MissedClassesQuery query;

  /**
   * The classes the student's leave from {@code from} to {@code to} misses; none outside a term.
   */
  public MissedClassList of(
      String account, String classCode, LocalDateTime from, LocalDateTime to) {
    return convert(query.forStudent(account, classCode, from, to));
  }

  /** 按节: the interval of periods {@code first}–{@code last} on {@code date}, or why not. */
  public sealed interface ByPeriods {}

  /** The periods' clock interval and the classes missed in it. */
  public record Interval(
      LocalDateTime start, LocalDateTime end, int periods, MissedClassList missed)
      implements ByPeriods {}

  /** Refused: a key of the timetable bundle and its arguments. */
  public record Refused(String key, java.util.List<String> args) implements ByPeriods {
    /** The reason in {@code locale}. */
    public String text(Locale locale) {
      return BundleText.format(TIMETABLE_BUNDLE, locale, key, args);
    }
  }

  /** How many periods {@code date} has (0: none; no teaching that day). */
  public int periodCountOn(LocalDate date) {
    return query.periodCountOn(date);
  }

  public ByPeriods byPeriods(
      String account, String classCode, LocalDate date, int first, int last) {
    ClassPeriodLeave leave;
    try {
      leave = query.byPeriods(date, first, last);
    } catch (TimetableInputException e) {
      return new Refused(e.messageKey(), e.args());
    }
    MissedClassList missed = of(account, classCode, leave.start(), leave.end());
    if (missed.isEmpty()) {
      return new Refused(
          "timetable.periodLeave.noClasses", java.util.List.of(first + "", last + ""));
    }
    return new Interval(leave.start(), leave.end(), leave.periods().length(), missed);
  }

  static MissedClassList convert(MissedClasses<TimetableEntry> m) {
    if (m.isEmpty()) {
      return MissedClassList.NONE;
    }
    return new MissedClassList(m.meetings().stream().map(LeaveMissedClasses::convert).toList());
  }

  private static MissedClass convert(MissedMeeting<TimetableEntry> m) {
    TimetableEntry e = m.meeting();
    return new MissedClass(
        m.date(),
        m.periods().first(),
        m.periods().last(),
        m.start(),
        m.end(),
        e.courseCode(),
        e.courseName(),
        e.teacherNames(),
        e.room());
  }
}
