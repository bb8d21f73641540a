package cn.edu.ntvu.workbench.timetable.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.timetable.application.TermSchedule;
import cn.edu.ntvu.workbench.timetable.application.TimetableAccess;
import cn.edu.ntvu.workbench.timetable.application.TimetableEntry;
import cn.edu.ntvu.workbench.timetable.application.TimetableQueryService;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeSet;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /timetable/course.xhtml?term=2026-2027-1&src=ZF&no=12}: one weekly meeting of a course —
 * teachers, room, weekday and periods with their clock times (per period-time set when summer and
 * winter times differ), the weeks and the classes. Only for someone whose timetable has it, or who
 * may open a class that attends it.
 */
@Named
@RequestScoped
public class CourseView extends TimetablePage {
  @Inject TimetableQueryService queries;
  @Inject TimetableAccess access;
  @Inject DirectoryQueries directory;

  private String termParam;
  private String sourceParam;
  private String noParam;

  private Term term;
  private TimetableEntry meeting;
  private List<String> times = List.of();
  private String classes;

  /** The detail page of meeting {@code m} of {@code term}. */
  static String link(Term term, TimetableEntry m) {
    return "course.xhtml?term="
        + URLEncoder.encode(term.code(), StandardCharsets.UTF_8)
        + "&src="
        + URLEncoder.encode(m.source(), StandardCharsets.UTF_8)
        + "&no="
        + m.meetingNo();
  }

  /**
   * 点名 of meeting {@code m} on {@code date} (the attendance page; the context path goes in front).
   */
  static String rollLink(Term term, TimetableEntry m, java.time.LocalDate date) {
    return "/attendance/roll.xhtml?term="
        + URLEncoder.encode(term.code(), StandardCharsets.UTF_8)
        + "&src="
        + URLEncoder.encode(m.source(), StandardCharsets.UTF_8)
        + "&no="
        + m.meetingNo()
        + "&date="
        + date;
  }

  /** A date the meeting took place and its 点名 link. */
  public record RollDay(String label, String link) {}

  private List<RollDay> rollDays = List.of();

  public void load() {
    termParam = param("term");
    sourceParam = param("src");
    noParam = param("no");
    SignedInUser user = begin();
    Optional<TermSchedule> schedule =
        blank(termParam) ? queries.termOn(now.toLocalDate()) : queries.term(termParam.strip());
    Optional<TimetableEntry> found = schedule.flatMap(s -> find(s.termId()));
    if (found.isEmpty()) {
      refuse(HttpServletResponse.SC_NOT_FOUND, "timetable.view.error.noCourse");
      return;
    }
    if (!access.maySee(user, schedule.get().termId(), found.get())) {
      refuse(HttpServletResponse.SC_FORBIDDEN, "timetable.view.error.forbiddenCourse");
      return;
    }
    term = schedule.get().calendar().term();
    meeting = found.get();
    times = clockTimes(schedule.get());
    classes = TodayView.names(meeting.classCodes(), directory.classNames(meeting.classCodes()));
    if (meeting.teacherAccounts().contains(user.account())) {
      rollDays = rollDays(schedule.get());
    }
  }

  /** For its teacher: the days of the last week, today first, on which the meeting took place. */
  private List<RollDay> rollDays(TermSchedule schedule) {
    List<RollDay> out = new java.util.ArrayList<>();
    java.time.LocalDate today = now.toLocalDate();
    for (int back = 0; back <= 7; back++) {
      java.time.LocalDate d = today.minusDays(back);
      var day = schedule.calendar().resolve(d);
      if (day.teaching().isPresent() && meeting.meetsOn(day.teaching().get())) {
        out.add(
            new RollDay(
                text.get("timetable.view.rollCall", text.dateAndWeekday(d)),
                rollLink(term, meeting, d)));
      }
    }
    return out;
  }

  public List<RollDay> getRollDays() {
    return rollDays;
  }

  private Optional<TimetableEntry> find(long termId) {
    if (blank(sourceParam) || blank(noParam) || sourceParam.strip().length() > 8) {
      return Optional.empty();
    }
    try {
      return queries.meeting(termId, sourceParam.strip(), Integer.parseInt(noParam.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * One line if every period-time set of the term gives the same times, else one per set: 夏季
   * 14:00–15:40.
   */
  private List<String> clockTimes(TermSchedule schedule) {
    Map<String, String> bySet = new LinkedHashMap<>();
    for (PeriodTimeSet set : schedule.periodTimes().sets()) {
      boolean inTerm =
          !set.validTo().isBefore(term.firstDay()) && !set.validFrom().isAfter(term.lastDay());
      if (inTerm && meeting.periods().last() <= set.size()) {
        bySet.put(
            set.name(),
            text.times(set.start(meeting.periods().first()), set.end(meeting.periods().last())));
      }
    }
    if (bySet.values().stream().distinct().count() <= 1) {
      return bySet.values().stream().distinct().toList();
    }
    return bySet.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
  }

  public String getCourseName() {
    return meeting == null ? text.get("timetable.view.title") : meeting.courseName();
  }

  public String getCourseCode() {
    return meeting.courseCode();
  }

  public String getTeachers() {
    return meeting.teacherNames().isEmpty()
        ? String.join("、", meeting.teacherAccounts())
        : meeting.teacherNames();
  }

  public String getRoom() {
    return meeting.room().isEmpty() ? text.get("timetable.view.noRoom") : meeting.room();
  }

  /** 星期三 第3-4节. */
  public String getWhen() {
    return text.weekday(meeting.weekday()) + " " + text.periods(meeting.periods());
  }

  public List<String> getTimes() {
    return times;
  }

  public String getWeeks() {
    return text.weeks(meeting.weeks());
  }

  public String getClasses() {
    return classes;
  }

  public String getTermCode() {
    return term.code();
  }

  /** The term as people say it ("2026–2027 学年第一学期"). */
  public String getTermName() {
    return TimetableText.ofView().term(term.code());
  }

  public String getBackLink() {
    return "week.xhtml?term=" + URLEncoder.encode(term.code(), StandardCharsets.UTF_8);
  }
}
