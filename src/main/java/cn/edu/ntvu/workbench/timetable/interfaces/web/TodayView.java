package cn.edu.ntvu.workbench.timetable.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.ClassRef;
import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.timetable.application.ClassSlot;
import cn.edu.ntvu.workbench.timetable.application.DayTimetable;
import cn.edu.ntvu.workbench.timetable.application.TermSchedule;
import cn.edu.ntvu.workbench.timetable.application.TimetableAccess;
import cn.edu.ntvu.workbench.timetable.application.TimetablePolicy;
import cn.edu.ntvu.workbench.timetable.application.TimetableQueryService;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /timetable/index.xhtml}: a day of one's own timetable, today unless {@code
 * ?date=2026-11-26}. The classes in order with their clock times, the one going on and the next one
 * marked by the school clock, and what the calendar says (holiday, make-up day, outside the term).
 * Counsellors and deans also get their classes' links.
 */
@Named
@RequestScoped
public class TodayView extends TimetablePage {
  @Inject TimetableQueryService queries;
  @Inject TimetableAccess access;
  @Inject DirectoryQueries directory;

  private String dateParam;
  private LocalDate date;
  private Term term;
  private DayTimetable day;
  private String notice;
  private List<ClassRow> classes = List.of();
  private List<ClassRef> myClasses = List.of();

  /**
   * A class on the day as the list shows it: {@code meta} is the room and, for students, the
   * teacher or, for staff, the classes; {@code state} names the CSS class, {@code stateLabel} is
   * null for a class later in the day; {@code rollLink} (点名) only for the class's teacher, up to
   * today.
   */
  public record ClassRow(
      String link,
      String start,
      String end,
      String periods,
      String course,
      String meta,
      String state,
      String stateLabel,
      String rollLink) {}

  public void load() {
    dateParam = param("date");
    SignedInUser user = begin();
    if (blank(dateParam)) {
      date = now.toLocalDate();
    } else {
      try {
        date = LocalDate.parse(dateParam.strip());
      } catch (DateTimeParseException e) {
        refuse(
            HttpServletResponse.SC_BAD_REQUEST, "timetable.view.error.badDate", shown(dateParam));
        return;
      }
    }
    myClasses = access.classesInCare(user);
    Optional<TermSchedule> schedule = queries.termOn(date);
    if (schedule.isEmpty()) {
      notice = outsideTerm();
      return;
    }
    term = schedule.get().calendar().term();
    day =
        DayTimetable.of(
            schedule.get(), date, queries.meetingsOf(schedule.get(), TimetablePolicy.own(user)));
    notice = text.notice(day, term, isToday());
    Map<String, String> classNames =
        user.isStudent()
            ? Map.of()
            : directory.classNames(
                day.classes().stream().flatMap(s -> s.entry().classCodes().stream()).toList());
    classes =
        day.classes().stream()
            .map(s -> row(s, user.isStudent(), user.account(), classNames))
            .toList();
  }

  private String outsideTerm() {
    String out = text.get("timetable.view.outsideTerm", text.date(date));
    return queries
        .termAfter(date)
        .map(
            next ->
                out
                    + text.get(
                        "timetable.view.nextTerm",
                        next.code(),
                        text.dateAndWeekday(next.firstDay())))
        .orElse(out);
  }

  private ClassRow row(
      ClassSlot s, boolean student, String account, Map<String, String> classNames) {
    var m = s.entry();
    DayTimetable.State state = day.stateOf(s, now);
    return new ClassRow(
        CourseView.link(term, m),
        s.hasTimes() ? text.time(s.start()) : "",
        s.hasTimes() ? text.time(s.end()) : "",
        text.periods(m.periods()),
        m.courseName(),
        meta(
            m.room().isEmpty() ? text.get("timetable.view.noRoom") : m.room(),
            student ? m.teacherNames() : names(m.classCodes(), classNames)),
        state.name().toLowerCase(java.util.Locale.ROOT),
        state == DayTimetable.State.LATER ? null : text.get("timetable.view.state." + state.name()),
        !student && m.teacherAccounts().contains(account) && !date.isAfter(now.toLocalDate())
            ? CourseView.rollLink(term, m, date)
            : null);
  }

  private static String meta(String room, String who) {
    return who.isBlank() ? room : room + " · " + who;
  }

  static String names(Collection<String> codes, Map<String, String> names) {
    return String.join("、", codes.stream().map(c -> names.getOrDefault(c, c)).toList());
  }

  public boolean isToday() {
    return date != null && date.equals(now.toLocalDate());
  }

  public String getHeading() {
    return date == null ? "" : text.dateAndWeekday(date);
  }

  /** 2026-2027-1学期 · 第12周. */
  public String getSubheading() {
    if (day == null || day.week().isEmpty()) {
      return "";
    }
    return text.get("timetable.view.termWeek", term.code(), String.valueOf(day.week().getAsInt()));
  }

  public String getNotice() {
    return notice;
  }

  public List<ClassRow> getClasses() {
    return classes;
  }

  /**
   * Shown on a teaching day (make-up days included) without a class for this person; a holiday says
   * so itself.
   */
  public String getNoClasses() {
    if (day == null || day.hasClasses() || !day.resolution().hasClasses()) {
      return null;
    }
    return text.get(isToday() ? "timetable.view.noClassesToday" : "timetable.view.noClassesDay");
  }

  public String getPreviousDate() {
    return date.minusDays(1).toString();
  }

  public String getNextDate() {
    return date.plusDays(1).toString();
  }

  /**
   * The week view of the week this day lies in (the current or next term's first week outside a
   * term).
   */
  public String getWeekLink() {
    return day == null || day.week().isEmpty()
        ? "week.xhtml"
        : WeekView.link(term.code(), day.week().getAsInt(), null);
  }

  public String classLink(ClassRef c) {
    return "week.xhtml?class="
        + java.net.URLEncoder.encode(c.code(), java.nio.charset.StandardCharsets.UTF_8);
  }

  public List<ClassRef> getMyClasses() {
    return myClasses;
  }
}
