package cn.edu.ntvu.workbench.timetable.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a calendar date means for the timetable: the {@link TeachingDay} whose meetings take place,
 * or none, and a notice for the reader (holiday name, which day a make-up day follows) as a key of
 * the {@code i18n.timetable} bundle with arguments. For a make-up day the arguments are the
 * followed weekday, date, week and the calendar's own note; the bundle's sentence leaves the note
 * out, so a view may show it beside.
 */
public record DayResolution(
    LocalDate date,
    Kind kind,
    Optional<TeachingDay> teaching,
    String noticeKey,
    List<String> noticeArgs) {

  /** Why a date has, or has not, classes. */
  public enum Kind {
    /**
     * An ordinary day of the term, weekends included: that weekday's meetings (often none on
     * Sunday).
     */
    TEACHING,
    /** 调休: the classes of another date are taught. */
    MAKE_UP,
    /** 放假. */
    HOLIDAY,
    /** Before the first or after the last week. */
    OUTSIDE_TERM
  }

  public DayResolution {
    noticeArgs = List.copyOf(noticeArgs);
  }

  public boolean hasClasses() {
    return teaching.isPresent();
  }

  /** Whether the view should show a notice (holiday, make-up day). */
  public boolean hasNotice() {
    return noticeKey != null;
  }
}
