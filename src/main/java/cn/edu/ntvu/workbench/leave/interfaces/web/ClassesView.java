package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.ClassRef;
import cn.edu.ntvu.workbench.leave.application.LeaveQueries;
import cn.edu.ntvu.workbench.leave.application.LeaveRequestRow;
import cn.edu.ntvu.workbench.leave.application.LeaveStatistics;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /leave/classes.xhtml}: for counsellors and deans, the classes they look after: who is on
 * leave today, who is off campus now, who is overdue or waiting for the 销假 confirmation, and the
 * statistics per class and type over a date range ({@code ?from=2026-09-01&to=2026-11-30}, this
 * month by default) with the XLSX export.
 */
@Requires(roles = {Role.COUNSELLOR, Role.DEAN})
@Named
@RequestScoped
public class ClassesView {
  @Inject CurrentUser me;
  @Inject LeaveQueries queries;
  @Inject Clock clock;

  private String fromParam;
  private String toParam;
  private LocalDate from;
  private LocalDate to;
  private String problem;
  private List<ClassRef> classes = List.of();
  private Map<String, String> classNames = Map.of();
  private List<LeaveRequestRow> today = List.of();
  private List<LeaveRequestRow> offCampus = List.of();
  private List<LeaveRequestRow> overdue = List.of();
  private List<LeaveStatistics.Line> stats = List.of();

  public void load() {
    SignedInUser user = me.get();
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDate[] range = range(fromParam, toParam, now.toLocalDate());
    if (range == null) {
      problem = LeaveTexts.ofView().get("leave.classes.badDate");
      range = range(null, null, now.toLocalDate());
    }
    from = range[0];
    to = range[1];
    classes = queries.classesInCareOf(user);
    List<String> codes = classes.stream().map(ClassRef::code).toList();
    classNames =
        classes.stream().collect(Collectors.toMap(ClassRef::code, ClassRef::name, (a, b) -> a));
    if (codes.isEmpty()) {
      return;
    }
    LocalDateTime midnight = now.toLocalDate().atStartOfDay();
    today = queries.ofClasses(codes, midnight, midnight.plusDays(1), false);
    offCampus =
        today.stream()
            .filter(
                r ->
                    r.offCampus()
                        && !r.start().isAfter(now)
                        && r.end().isAfter(now)
                        && r.returnedAt() == null)
            .toList();
    overdue = queries.overdueOfClasses(codes);
    stats =
        LeaveStatistics.of(
            queries.ofClasses(codes, from.atStartOfDay(), to.plusDays(1).atStartOfDay(), false));
  }

  /** [from, to] from the parameters; this month when absent; null when unreadable or reversed. */
  static LocalDate[] range(String fromParam, String toParam, LocalDate today) {
    try {
      LocalDate f =
          fromParam == null || fromParam.isBlank()
              ? today.withDayOfMonth(1)
              : LocalDate.parse(fromParam.strip());
      LocalDate t =
          toParam == null || toParam.isBlank()
              ? today.withDayOfMonth(today.lengthOfMonth())
              : LocalDate.parse(toParam.strip());
      return t.isBefore(f) || f.plusYears(2).isBefore(t) ? null : new LocalDate[] {f, t};
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public String className(String code) {
    return classNames.getOrDefault(code, code == null ? "" : code);
  }

  public boolean isNoClasses() {
    return classes.isEmpty();
  }

  public List<LeaveRequestRow> getToday() {
    return today;
  }

  public List<LeaveRequestRow> getOffCampus() {
    return offCampus;
  }

  public List<LeaveRequestRow> getOverdue() {
    return overdue;
  }

  public List<LeaveStatistics.Line> getStats() {
    return stats;
  }

  public String getProblem() {
    return problem;
  }

  public String getFrom() {
    return from == null ? "" : from.toString();
  }

  public String getTo() {
    return to == null ? "" : to.toString();
  }

  public String getFromParam() {
    return fromParam;
  }

  public void setFromParam(String fromParam) {
    this.fromParam = fromParam;
  }

  public String getToParam() {
    return toParam;
  }

  public void setToParam(String toParam) {
    this.toParam = toParam;
  }
}
