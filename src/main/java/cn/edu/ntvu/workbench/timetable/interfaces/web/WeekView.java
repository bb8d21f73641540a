package cn.edu.ntvu.workbench.timetable.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.ClassRef;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.web.Html;
import cn.edu.ntvu.workbench.timetable.application.ClassSlot;
import cn.edu.ntvu.workbench.timetable.application.DayTimetable;
import cn.edu.ntvu.workbench.timetable.application.TermSchedule;
import cn.edu.ntvu.workbench.timetable.application.TimetableAccess;
import cn.edu.ntvu.workbench.timetable.application.TimetableOwner;
import cn.edu.ntvu.workbench.timetable.application.TimetablePolicy;
import cn.edu.ntvu.workbench.timetable.application.TimetableQueryService;
import cn.edu.ntvu.workbench.timetable.application.WeekTimetable;
import cn.edu.ntvu.workbench.timetable.domain.DayResolution;
import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /timetable/week.xhtml?week=12}: 第N周 as a days × periods grid that fits a 360 px screen
 * (Saturday and Sunday only when something happens on them), one tap to the previous or next week.
 * {@code term=} picks another term, {@code class=} a class's timetable for its counsellor, dean or
 * an admin. Defaults to the current week, or to the first week of the next term between terms.
 */
@Named
@RequestScoped
public class WeekView extends TimetablePage {
  private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("M/d");
  private static final int COLOURS = 8;

  @Inject TimetableQueryService queries;
  @Inject TimetableAccess access;

  private String weekParam;
  private String termParam;
  private String classParam;

  private ClassRef shownClass;
  private WeekTimetable week;
  private String notice;
  private final List<DayColumn> columns = new ArrayList<>();
  private final List<Band> bands = new ArrayList<>();
  private final List<Block> blocks = new ArrayList<>();
  private final List<PeriodRow> periods = new ArrayList<>();
  private final List<DayNote> notes = new ArrayList<>();

  /** A day's column head; {@code kind} is {@code holiday}, {@code makeup} or empty. */
  public record DayColumn(
      int column, String weekday, String date, boolean today, String mark, String kind) {}

  /** A whole-column background: today's, or a holiday's with its name. */
  public record Band(int column, String kind, String label) {}

  /**
   * A class in the grid, from row {@code row} for {@code span} periods; one colour per course name.
   */
  public record Block(
      int column,
      int row,
      int span,
      String course,
      String room,
      String link,
      String title,
      int colour,
      int lane,
      int lanes) {

    /**
     * Side by side when classes overlap (a class and an elective at one time): this one's share of
     * the cell.
     */
    public String getLaneStyle() {
      return lanes <= 1
          ? ""
          : ";width:calc(100% / "
              + lanes
              + ");margin-left:calc(100% * "
              + lane
              + " / "
              + lanes
              + ")";
    }
  }

  public record PeriodRow(int row, int period, String start) {}

  /** A holiday or make-up day of the week, in words. */
  public record DayNote(String day, String text) {}

  public void load() {
    weekParam = param("week");
    termParam = param("term");
    classParam = param("class");
    SignedInUser user = begin();
    TimetableOwner owner = TimetablePolicy.own(user);
    if (!blank(classParam)) {
      String code = classParam.strip();
      Optional<TimetableOwner> group =
          code.length() <= 32 ? access.classTimetable(user, code) : Optional.empty();
      if (group.isEmpty()) {
        refuse(HttpServletResponse.SC_FORBIDDEN, "timetable.view.error.forbiddenClass");
        return;
      }
      owner = group.get();
      shownClass = ((TimetableOwner.ClassGroup) owner).schoolClass();
    }
    LocalDate today = now.toLocalDate();
    Optional<TermSchedule> schedule;
    if (!blank(termParam)) {
      schedule = queries.term(termParam.strip());
      if (schedule.isEmpty()) {
        refuse(HttpServletResponse.SC_NOT_FOUND, "timetable.view.error.noTerm", shown(termParam));
        return;
      }
    } else {
      schedule =
          queries
              .termOn(today)
              .or(() -> queries.termAfter(today).flatMap(t -> queries.term(t.code())));
      if (schedule.isEmpty()) {
        notice = text.get("timetable.view.noTerms");
        return;
      }
    }
    Term term = schedule.get().calendar().term();
    int n = term.weekOf(today).orElse(1);
    if (!blank(weekParam)) {
      try {
        n = Integer.parseInt(weekParam.strip());
      } catch (NumberFormatException e) {
        refuse(
            HttpServletResponse.SC_BAD_REQUEST,
            "timetable.view.error.badWeek",
            shown(weekParam),
            String.valueOf(term.weeks()));
        return;
      }
      if (!WeekTimetable.exists(term, n)) {
        refuse(
            HttpServletResponse.SC_NOT_FOUND,
            "timetable.view.error.weekOutside",
            String.valueOf(n),
            term.code(),
            String.valueOf(term.weeks()));
        return;
      }
    }
    week = WeekTimetable.of(schedule.get(), n, queries.meetingsOf(schedule.get(), owner));
    layOut(today);
  }

  private void layOut(LocalDate today) {
    List<DayTimetable> shown = week.shownDays();
    for (int i = 0; i < shown.size(); i++) {
      DayTimetable d = shown.get(i);
      int column = i + 2;
      DayResolution.Kind kind = d.resolution().kind();
      String mark =
          switch (kind) {
            case HOLIDAY ->
                d.resolution().noticeArgs().get(0).isEmpty()
                    ? text.get("timetable.view.holidayShort")
                    : d.resolution().noticeArgs().get(0);
            case MAKE_UP -> text.get("timetable.view.makeUpShort");
            default -> "";
          };
      String kindName =
          switch (kind) {
            case HOLIDAY -> "holiday";
            case MAKE_UP -> "makeup";
            default -> "";
          };
      boolean isToday = d.date().equals(today);
      columns.add(
          new DayColumn(
              column,
              text.shortWeekday(d.date().getDayOfWeek()),
              SHORT_DATE.format(d.date()),
              isToday,
              mark,
              kindName));
      if (kind == DayResolution.Kind.HOLIDAY) {
        bands.add(new Band(column, "holiday", mark));
      } else if (isToday) {
        bands.add(new Band(column, "today", ""));
      }
      List<ClassSlot> slots = d.classes();
      int[][] lanes = lanes(slots.stream().map(c -> c.entry().periods()).toList());
      for (int k = 0; k < slots.size(); k++) {
        blocks.add(block(column, slots.get(k), lanes[k][0], lanes[k][1]));
      }
    }
    for (int p = 1; p <= week.periodCount(); p++) {
      String start = p <= week.periods().size() ? text.time(week.periods().get(p - 1).start()) : "";
      periods.add(new PeriodRow(p + 1, p, start));
    }
    for (DayTimetable d : week.days()) {
      String said = text.notice(d, week.term(), false);
      if (said != null) {
        notes.add(
            new DayNote(
                text.date(d.date()) + " " + text.shortWeekday(d.date().getDayOfWeek()), said));
      }
    }
  }

  /**
   * For classes of one day, each one's lane and the number of lanes of its group of overlapping
   * classes, so that classes at the same time sit side by side instead of on top of each other.
   * {@code {0, 1}} when nothing overlaps.
   */
  static int[][] lanes(List<PeriodRange> periods) {
    int n = periods.size();
    int[][] out = new int[n][2];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(java.util.Comparator.comparingInt(i -> periods.get(i).first()));
    List<Integer> group = new ArrayList<>(); // classes overlapping, directly or through one another
    List<Integer> laneEnds = new ArrayList<>(); // last period taken in each lane of the group
    int groupEnd = Integer.MIN_VALUE;
    for (int i : order) {
      PeriodRange p = periods.get(i);
      if (p.first() > groupEnd) {
        group.forEach(g -> out[g][1] = laneEnds.size());
        group.clear();
        laneEnds.clear();
      }
      int lane = 0;
      while (lane < laneEnds.size() && laneEnds.get(lane) >= p.first()) {
        lane++;
      }
      if (lane == laneEnds.size()) {
        laneEnds.add(p.last());
      } else {
        laneEnds.set(lane, p.last());
      }
      out[i][0] = lane;
      group.add(i);
      groupEnd = group.size() == 1 ? p.last() : Math.max(groupEnd, p.last());
    }
    group.forEach(g -> out[g][1] = laneEnds.size());
    return out;
  }

  private Block block(int column, ClassSlot s, int lane, int lanes) {
    var m = s.entry();
    String room = m.room().isEmpty() ? text.get("timetable.view.noRoom") : m.room();
    String title =
        m.courseName()
            + " · "
            + room
            + (s.hasTimes() ? " · " + text.times(s.start(), s.end()) : "");
    return new Block(
        column,
        m.periods().first() + 1,
        m.periods().length(),
        m.courseName(),
        m.room(),
        CourseView.link(week.term(), m),
        title,
        Math.floorMod(m.courseName().hashCode(), COLOURS),
        lane,
        lanes);
  }

  /** The week view of {@code week} of {@code termCode}, of class {@code classCode} if not null. */
  static String link(String termCode, int week, String classCode) {
    return "week.xhtml?term="
        + enc(termCode)
        + "&week="
        + week
        + (classCode == null ? "" : "&class=" + enc(classCode));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private String classCode() {
    return shownClass == null ? null : shownClass.code();
  }

  public boolean isShown() {
    return week != null;
  }

  /** 第12周. */
  public String getHeading() {
    return week == null
        ? text.get("timetable.view.title")
        : text.get("timetable.view.week", String.valueOf(week.week()));
  }

  /** The page title WeCom shows: the week, and the class when it is a class's timetable. */
  public String getTitle() {
    return shownClass == null ? getHeading() : shownClass.name() + " " + getHeading();
  }

  /** 11月23日 – 11月29日. */
  public String getDates() {
    return week == null
        ? ""
        : text.get(
            "timetable.view.weekRange",
            text.date(week.days().get(0).date()),
            text.date(week.days().get(6).date()));
  }

  public String getTermCode() {
    return week == null ? "" : week.term().code();
  }

  /** The term as people say it ("2026–2027 学年第一学期"). */
  public String getTermName() {
    return week == null ? "" : TimetableText.ofView().term(week.term().code());
  }

  public String getClassHeading() {
    return shownClass == null ? null : text.get("timetable.view.classTimetable", shownClass.name());
  }

  public String getPreviousLink() {
    return week.hasPrevious() ? link(week.term().code(), week.week() - 1, classCode()) : null;
  }

  public String getNextLink() {
    return week.hasNext() ? link(week.term().code(), week.week() + 1, classCode()) : null;
  }

  /** The current week (of the current term), unless this is it. */
  public String getThisWeekLink() {
    boolean current = week.term().weekOf(now.toLocalDate()).orElse(0) == week.week();
    return current
        ? null
        : "week.xhtml" + (shownClass == null ? "" : "?class=" + enc(shownClass.code()));
  }

  /** One week of the week picker: its number, "第12周（11-23 起）", and whether it is shown now. */
  public record WeekChoice(int week, String label, boolean selected) {}

  /** Every week of the shown term, for the picker beside previous / next. */
  public List<WeekChoice> getWeekChoices() {
    if (week == null) {
      return List.of();
    }
    Term t = week.term();
    java.time.format.DateTimeFormatter md = java.time.format.DateTimeFormatter.ofPattern("MM-dd");
    List<WeekChoice> out = new java.util.ArrayList<>(t.weeks());
    for (int w = 1; w <= t.weeks(); w++) {
      out.add(
          new WeekChoice(
              w,
              text.get(
                  "timetable.view.pickWeek.option",
                  String.valueOf(w),
                  md.format(t.dateOf(w, java.time.DayOfWeek.MONDAY))),
              w == week.week()));
    }
    return out;
  }

  /** The shown term's code, for the week picker's form. */
  public String getShownTermCode() {
    return week == null ? "" : week.term().code();
  }

  /** The shown class's code (null: one's own timetable), for the week picker's form. */
  public String getShownClassCode() {
    return classCode();
  }

  public String getNotice() {
    return notice;
  }

  /**
   * One-tap previous, this and next week (a week that does not exist is shown greyed, not as a
   * link).
   */
  public String getNavHtml() {
    StringBuilder out = new StringBuilder(512);
    out.append("<nav class=\"tt-nav\" aria-label=\"")
        .append(Html.escape(getHeading()))
        .append("\">");
    navButton(
        out, "previous-week", getPreviousLink(), "‹ " + text.get("timetable.view.previousWeek"));
    String thisWeek = getThisWeekLink();
    if (thisWeek != null) {
      navButton(out, "this-week", thisWeek, text.get("timetable.view.thisWeek"));
    }
    navButton(out, "next-week", getNextLink(), text.get("timetable.view.nextWeek") + " ›");
    return out.append("</nav>").toString();
  }

  private static void navButton(StringBuilder out, String id, String link, String label) {
    if (link == null) {
      out.append("<span class=\"tt-nav-button tt-disabled\" id=\"")
          .append(id)
          .append("\" aria-disabled=\"true\">")
          .append(Html.escape(label))
          .append("</span>");
    } else {
      out.append("<a class=\"tt-nav-button\" id=\"")
          .append(id)
          .append("\" href=\"")
          .append(Html.escape(link))
          .append("\">")
          .append(Html.escape(label))
          .append("</a>");
    }
  }

  /**
   * The grid's markup (days × periods, bands, classes) in one pass: the week view is opened every
   * morning, and the same markup through nested {@code ui:repeat}s (an EL expression per attribute)
   * was about a third of a request's CPU. Every text is escaped by {@link Html#escape}.
   */
  public String getGridHtml() {
    return gridHtml(columns, periods, bands, blocks);
  }

  static String gridHtml(
      List<DayColumn> columns, List<PeriodRow> periods, List<Band> bands, List<Block> blocks) {
    StringBuilder out = new StringBuilder(1024 + 360 * blocks.size());
    out.append("<div class=\"tt-grid\" id=\"week-grid\" style=\"--tt-days:")
        .append(columns.size())
        .append(";--tt-periods:")
        .append(periods.size())
        .append("\">");
    for (DayColumn d : columns) {
      out.append("<div class=\"tt-head");
      if (d.today()) {
        out.append(" tt-head-today");
      }
      if (!d.kind().isEmpty()) {
        out.append(" tt-head-").append(d.kind());
      }
      out.append("\" style=\"grid-column:")
          .append(d.column())
          .append("\"><b>")
          .append(Html.escape(d.weekday()))
          .append("</b><span>")
          .append(Html.escape(d.date()))
          .append("</span>");
      if (!d.mark().isEmpty()) {
        out.append("<em>").append(Html.escape(d.mark())).append("</em>");
      }
      out.append("</div>");
    }
    for (PeriodRow p : periods) {
      out.append("<div class=\"tt-period\" style=\"grid-row:")
          .append(p.row())
          .append("\"><b>")
          .append(p.period())
          .append("</b><span>")
          .append(Html.escape(p.start()))
          .append("</span></div>")
          .append("<div class=\"tt-line\" style=\"grid-row:")
          .append(p.row())
          .append("\"></div>");
    }
    for (Band b : bands) {
      out.append("<div class=\"tt-band tt-band-")
          .append(b.kind())
          .append("\" style=\"grid-column:")
          .append(b.column())
          .append("\"><span>")
          .append(Html.escape(b.label()))
          .append("</span></div>");
    }
    for (Block c : blocks) {
      out.append("<a class=\"tt-block tt-colour-")
          .append(c.colour())
          .append("\" href=\"")
          .append(Html.escape(c.link()))
          .append("\" title=\"")
          .append(Html.escape(c.title()))
          .append("\" style=\"grid-column:")
          .append(c.column())
          .append(";grid-row:")
          .append(c.row())
          .append(" / span ")
          .append(c.span())
          .append(c.getLaneStyle())
          .append("\"><span class=\"tt-block-course\">")
          .append(Html.escape(c.course()))
          .append("</span><span class=\"tt-block-room\">")
          .append(Html.escape(c.room()))
          .append("</span></a>");
    }
    return out.append("</div>").toString();
  }

  public List<DayNote> getNotes() {
    return notes;
  }
}
