package cn.edu.ntvu.workbench.attendance.application;

import cn.edu.ntvu.workbench.attendance.application.AttendanceStore.HeldMark;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStore.Tally;
import cn.edu.ntvu.workbench.attendance.application.ExcusedAbsences.Excuse;
import cn.edu.ntvu.workbench.attendance.domain.AbsenceThreshold;
import cn.edu.ntvu.workbench.attendance.domain.Mark;
import cn.edu.ntvu.workbench.identity.application.ClassRef;
import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.identity.application.DirectoryQueries.ClassStudent;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.timetable.application.TermSchedule;
import cn.edu.ntvu.workbench.timetable.application.TimetableQueryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 考勤统计 (issue 19, item 5): absences per student and course this term for the classes a counsellor
 * or dean looks after (admins: every class), the students past {@link
 * AttendanceSettings#alertRatio} first; and a student's own attendance per course with the leave
 * that excused each absence. The classes come from the directory for the signed-in person, never
 * from the request: a class outside them is refused (403) whatever the link says.
 */
@ApplicationScoped
public class AttendanceStatistics {
  @Inject AttendanceStore store;
  @Inject AttendanceSettings settings;
  @Inject DirectoryQueries directory;
  @Inject TimetableQueryService timetable;
  @Inject ExcusedAbsences excused;
  @Inject Clock clock;

  /** One course of one student: periods held, 缺勤 and 请假 periods; 迟到 and 早退 times. */
  public record CourseLine(
      String courseCode,
      String courseName,
      int held,
      int absent,
      int late,
      int early,
      int excused,
      boolean alert)
      implements Serializable {}

  /** A student of the class with their courses (none yet: no roll call listed them). */
  public record StudentLine(String account, String name, List<CourseLine> courses, boolean alert)
      implements Serializable {}

  /** The statistics of one class this term. */
  public record ClassStats(
      String termCode,
      List<ClassRef> classes,
      ClassRef chosen,
      String threshold,
      List<StudentLine> students)
      implements Serializable {
    public long alerts() {
      return students.stream().filter(StudentLine::alert).count();
    }
  }

  /** A mark other than 出勤 in a student's own view, with the leave that excused a 请假. */
  public record MyMark(
      LocalDate date,
      int firstPeriod,
      int lastPeriod,
      Mark mark,
      Long leaveRequestId,
      String leaveType)
      implements Serializable {}

  /** One course in a student's own view. */
  public record MyCourse(CourseLine totals, List<MyMark> marks) implements Serializable {}

  /** The classes the person may see: counsellor's, dean's department's; all for admins. */
  @Requires(roles = {Role.COUNSELLOR, Role.DEAN, Role.ADMIN})
  public List<ClassRef> classesFor(SignedInUser user) {
    if (user == null || user.kind() == PersonKind.STUDENT) {
      return List.of();
    }
    return user.has(Role.ADMIN) ? store.allClasses() : directory.classesInCareOf(user.personId());
  }

  /**
   * The statistics of {@code classCode} (blank: the first class the person looks after) this term,
   * or {@link RollCallRefused} 403 when the class is not one of theirs.
   */
  @Requires(roles = {Role.COUNSELLOR, Role.DEAN, Role.ADMIN})
  public ClassStats ofClass(SignedInUser user, String classCode) {
    List<ClassRef> classes = classesFor(user);
    if (classes.isEmpty()) {
      throw new RollCallRefused(HttpServletResponse.SC_FORBIDDEN, "attendance.stats.noClasses");
    }
    ClassRef chosen =
        classCode == null || classCode.isBlank()
            ? classes.get(0)
            : classes.stream()
                .filter(c -> c.code().equals(classCode.strip()))
                .findFirst()
                .orElseThrow(
                    () ->
                        new RollCallRefused(
                            HttpServletResponse.SC_FORBIDDEN, "attendance.stats.notYours"));
    AbsenceThreshold threshold = settings.alertRatio();
    Optional<TermSchedule> term = currentTerm();
    List<ClassStudent> students = directory.studentsOfClasses(List.of(chosen.code()));
    Map<String, List<CourseLine>> by = new LinkedHashMap<>();
    students.forEach(s -> by.put(s.account(), new ArrayList<>()));
    if (term.isPresent() && !students.isEmpty()) {
      for (Tally t : store.tallies(term.get().termId(), by.keySet(), null)) {
        by.get(t.student()).add(line(t, threshold));
      }
    }
    List<StudentLine> lines = new ArrayList<>();
    for (ClassStudent s : students) {
      List<CourseLine> cs = by.get(s.account());
      lines.add(
          new StudentLine(
              s.account(), s.name(), List.copyOf(cs), cs.stream().anyMatch(CourseLine::alert)));
    }
    lines.sort(
        Comparator.comparing((StudentLine l) -> !l.alert()).thenComparing(StudentLine::account));
    return new ClassStats(
        term.map(t -> t.calendar().term().code()).orElse(null),
        classes,
        chosen,
        threshold.toString(),
        List.copyOf(lines));
  }

  /** A student's own attendance this term, per course. */
  @Requires(kind = PersonKind.STUDENT)
  public List<MyCourse> mine(SignedInUser user) {
    Optional<TermSchedule> term = currentTerm();
    if (user == null || user.kind() != PersonKind.STUDENT || term.isEmpty()) {
      return List.of();
    }
    AbsenceThreshold threshold = settings.alertRatio();
    Map<String, List<MyMark>> marks = new LinkedHashMap<>();
    for (HeldMark h : store.marksOf(term.get().termId(), user.account())) {
      List<MyMark> list = marks.computeIfAbsent(h.courseCode(), k -> new ArrayList<>());
      if (h.mark() == Mark.PRESENT) {
        continue;
      }
      String type = null;
      if (h.mark() == Mark.EXCUSED && h.leaveRequestId() != null) {
        Excuse e =
            excused
                .during(
                    List.of(user.account()),
                    h.key().date().atStartOfDay(),
                    h.key().date().plusDays(1).atStartOfDay())
                .get(user.account());
        type = e == null ? null : e.typeName();
      }
      list.add(
          new MyMark(
              h.key().date(),
              h.firstPeriod(),
              h.firstPeriod() + h.periodCount() - 1,
              h.mark(),
              h.mark() == Mark.EXCUSED ? h.leaveRequestId() : null,
              type));
    }
    List<MyCourse> out = new ArrayList<>();
    for (Tally t : store.tallies(term.get().termId(), List.of(user.account()), null)) {
      out.add(
          new MyCourse(
              line(t, threshold), List.copyOf(marks.getOrDefault(t.courseCode(), List.of()))));
    }
    out.sort(Comparator.comparing(c -> c.totals().courseName()));
    return out;
  }

  private static CourseLine line(Tally t, AbsenceThreshold threshold) {
    return new CourseLine(
        t.courseCode(),
        t.courseName(),
        t.held(),
        t.absent(),
        t.late(),
        t.early(),
        t.excused(),
        threshold.reached(t.absent(), t.held()));
  }

  private Optional<TermSchedule> currentTerm() {
    return timetable.termOn(LocalDate.now(clock));
  }
}
