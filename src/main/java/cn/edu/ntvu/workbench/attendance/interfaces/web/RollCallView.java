package cn.edu.ntvu.workbench.attendance.interfaces.web;

import cn.edu.ntvu.workbench.attendance.application.AttendanceTexts;
import cn.edu.ntvu.workbench.attendance.application.RollCallRefused;
import cn.edu.ntvu.workbench.attendance.application.RollCalls;
import cn.edu.ntvu.workbench.attendance.application.Roster;
import cn.edu.ntvu.workbench.attendance.application.RosterMemo;
import cn.edu.ntvu.workbench.attendance.domain.Mark;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.LogoutToken;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.web.Html;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /attendance/roll.xhtml?term=…&src=ZF&no=12&date=2026-11-26}: the roll call of one meeting
 * occurrence for its teacher. The page script sends the taps (kept in the page while offline) with
 * a batch id through this view's form; the answer is the page again, with the outcome in {@code
 * #roll-result}.
 */
@Named("rollCall")
@RequestScoped
@Requires(kind = PersonKind.STAFF)
public class RollCallView {
  /** At most this many taps in one submit (a roster is a few classes). */
  static final int MAX_TAPS = 1000;

  @Inject CurrentUser me;
  @Inject RollCalls rollCalls;
  @Inject RosterMemo rosterMemo;

  private AttendanceTexts text;
  private String problem;
  private String error;
  private String result;
  private String resultState;
  private Roster roster;
  private boolean loaded;

  private String term;
  private String source;
  private int no;
  private LocalDate date;

  private static String param(String name) {
    String v =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    return v == null ? "" : v.strip();
  }

  private static void status(int status) {
    FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
  }

  /** Reads term, src, no and date; false (with the page's problem set) when one is unusable. */
  private boolean readKey() {
    if (text == null) {
      text = AttendanceTexts.ofView();
    }
    term = param("term");
    source = param("src");
    try {
      no = Integer.parseInt(param("no"));
      date = LocalDate.parse(param("date"));
    } catch (NumberFormatException | DateTimeParseException e) {
      refuse(HttpServletResponse.SC_BAD_REQUEST, "attendance.refused.badLink");
      return false;
    }
    if (term.isEmpty() || source.isEmpty() || term.length() > 16 || source.length() > 8) {
      refuse(HttpServletResponse.SC_BAD_REQUEST, "attendance.refused.badLink");
      return false;
    }
    return true;
  }

  private void refuse(int status, String key, Object... args) {
    problem = text.get(key, args);
    status(status);
  }

  /**
   * The view action (preRenderView): the roster, after a submit too. {@link #getRoster} reads it on
   * first use as well, should a component ask for it earlier.
   */
  public void load() {
    loaded = true;
    if (problem != null || !readKey()) {
      return;
    }
    try {
      roster = rollCalls.open(me.get(), term, source, no, date);
    } catch (RollCallRefused e) {
      refuse(e.status(), e.key(), e.args().toArray());
    }
  }

  /**
   * The session's token ({@link LogoutToken}, as the favourites' posts carry it): the page is a
   * stateless view (no view state to save per request), so the view state no longer stands for a
   * token, and a post without this one is refused — a page on another site cannot mark anyone.
   */
  public String getToken() {
    return LogoutToken.of(
        (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(true));
  }

  /** 提交考勤. */
  public String submit() {
    if (!readKey()) {
      return null;
    }
    HttpSession session =
        (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(false);
    if (session == null || !LogoutToken.matches(session, param("token"))) {
      error = text.get("attendance.refused.expired");
      resultState = "refused";
      status(HttpServletResponse.SC_BAD_REQUEST);
      return null;
    }
    Map<String, RollCalls.Tap> taps;
    long seen;
    try {
      taps = parseTaps(param("marks"));
      seen = param("seen").isEmpty() ? 0 : Long.parseLong(param("seen"));
    } catch (IllegalArgumentException e) {
      error = text.get("attendance.refused.badMarks");
      resultState = "refused";
      status(HttpServletResponse.SC_BAD_REQUEST);
      return null;
    }
    try {
      // the roster this post read while its form was decoded serves the submit's checks
      rosterMemo.arm();
      RollCalls.Outcome out =
          rollCalls.submit(
              me.get(), me.auditActor(), term, source, no, date, seen, param("batch"), taps);
      resultState = out.duplicate() ? "duplicate" : "saved";
      StringBuilder said = new StringBuilder(text.get("attendance.saved"));
      if (!out.changedByOthers().isEmpty()) {
        said.append(' ')
            .append(text.get("attendance.stale", String.join("、", out.changedByOthers())));
      }
      if (!out.overruled().isEmpty()) {
        said.append(' ')
            .append(text.get("attendance.overruled", String.join("、", out.overruled())));
      }
      result = said.toString();
    } catch (RollCallRefused e) {
      resultState = "refused";
      if (e.status() == HttpServletResponse.SC_FORBIDDEN
          || e.status() == HttpServletResponse.SC_NOT_FOUND) {
        refuse(e.status(), e.key(), e.args().toArray());
      } else {
        error = text.get(e.key(), e.args().toArray());
        status(e.status());
      }
    }
    return null;
  }

  /**
   * {@code account:MARK:epochMillis;…} as the page script writes it.
   *
   * @throws IllegalArgumentException when it is not
   */
  static Map<String, RollCalls.Tap> parseTaps(String marks) {
    Map<String, RollCalls.Tap> out = new LinkedHashMap<>();
    if (marks == null || marks.isBlank()) {
      return out;
    }
    String[] items = marks.split(";");
    if (items.length > MAX_TAPS) {
      throw new IllegalArgumentException("too many");
    }
    for (String item : items) {
      if (item.isBlank()) {
        continue;
      }
      String[] p = item.split(":", -1);
      if (p.length < 2 || p.length > 3 || p[0].isBlank() || p[0].length() > 32) {
        throw new IllegalArgumentException(item);
      }
      Optional<Mark> mark = Mark.parse(p[1]);
      if (mark.isEmpty()) {
        throw new IllegalArgumentException(item);
      }
      Long at = p.length == 3 && !p[2].isBlank() ? Long.valueOf(p[2].strip()) : null;
      out.put(p[0].strip(), new RollCalls.Tap(mark.get(), at));
    }
    return out;
  }

  /**
   * The roster's rows ({@code <ol id="roster">}) written in one pass: a 60-student roster through a
   * Facelets repeat cost ~15 EL expressions and a {@code MessageFormat} or two per row on every
   * request. The labels are looked up once a request; every text through {@link Html#escape}.
   */
  public String getRosterHtml() {
    Roster r = getRoster();
    if (r == null) {
      return "";
    }
    return rosterHtml(
        r, text, FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath());
  }

  static String rosterHtml(Roster roster, AttendanceTexts text, String contextPath) {
    Map<Mark, String> labels = new java.util.EnumMap<>(Mark.class);
    for (Mark m : Mark.values()) {
      labels.put(m, Html.escape(text.get("attendance.mark." + m.name())));
    }
    Map<String, String> leaveLinks = new java.util.HashMap<>();
    String cycleOnLeave = cycle(true);
    String cycleOthers = cycle(false);
    String disabled = roster.editable() ? "" : " disabled=\"disabled\"";
    String leaveHref = Html.escape(contextPath) + "/leave/request.xhtml?id=";
    StringBuilder out = new StringBuilder(256 * (roster.rows().size() + 1));
    out.append("<ol class=\"att-list\" id=\"roster\">");
    for (Roster.Row r : roster.rows()) {
      String account = Html.escape(r.account());
      out.append("<li class=\"att-item\"><button type=\"button\" class=\"att-row att-")
          .append(r.mark().name())
          .append("\" data-account=\"")
          .append(account)
          .append("\" data-mark=\"")
          .append(r.mark().name())
          .append("\" data-cycle=\"")
          .append(r.onLeave() ? cycleOnLeave : cycleOthers)
          .append('"')
          .append(disabled)
          .append("><span class=\"att-who\"><b class=\"att-name\">")
          .append(Html.escape(r.name()))
          .append("</b> <span class=\"att-meta\">")
          .append(account);
      if (r.className() != null && !r.className().isEmpty()) {
        out.append(" · ").append(Html.escape(r.className()));
      }
      if (r.onLeave()) {
        out.append(" · ").append(Html.escape(r.leaveType()));
      }
      out.append("</span></span> <span class=\"att-mark\">")
          .append(labels.get(r.mark()))
          .append("</span></button>");
      if (r.leaveRequestId() != null) {
        String link =
            leaveLinks.computeIfAbsent(
                r.leaveType() == null ? "" : r.leaveType(),
                t -> Html.escape(text.get("attendance.leaveLink", t)));
        out.append("<a class=\"att-leave-link\" href=\"")
            .append(leaveHref)
            .append(r.leaveRequestId())
            .append("\" data-leave=\"")
            .append(r.leaveRequestId())
            .append("\">")
            .append(link)
            .append("</a>");
      }
      out.append("</li>");
    }
    return out.append("</ol>").toString();
  }

  private static String cycle(boolean onLeave) {
    return String.join(" ", Mark.cycle(onLeave).stream().map(Mark::name).toList());
  }

  public String label(Mark m) {
    return text.get("attendance.mark." + m.name());
  }

  public String getTitle() {
    return title(roster, text);
  }

  /** 11月26日 周四 第1–2节 · 教室. */
  public String getSubtitle() {
    return subtitle(roster, text);
  }

  public String getCounts() {
    return counts(roster, text);
  }

  public String getStorageKey() {
    return storageKey(roster);
  }

  public String getCourseLink() {
    return courseLink(roster);
  }

  // The page's texts, for this view and for the GET written in one pass (RollCallPage).

  static String title(Roster roster, AttendanceTexts text) {
    return roster == null ? text.get("attendance.title") : roster.courseName();
  }

  static String subtitle(Roster roster, AttendanceTexts text) {
    if (roster == null) {
      return "";
    }
    return text.get(
        "attendance.subtitle",
        roster.date().toString(),
        text.get("attendance.weekday." + roster.date().getDayOfWeek().getValue()),
        String.valueOf(roster.firstPeriod()),
        String.valueOf(roster.lastPeriod()),
        roster.room().isEmpty() ? "" : " · " + roster.room());
  }

  static String counts(Roster roster, AttendanceTexts text) {
    if (roster == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.get("attendance.count", roster.rows().size()));
    for (Mark m : List.of(Mark.ABSENT, Mark.LATE, Mark.EARLY, Mark.EXCUSED)) {
      long c = roster.count(m);
      if (c > 0) {
        s.append(" · ").append(text.get("attendance.mark." + m.name())).append(' ').append(c);
      }
    }
    return s.toString();
  }

  static String storageKey(Roster roster) {
    return roster == null
        ? ""
        : roster.termCode()
            + "/"
            + roster.source()
            + "-"
            + roster.meetingNo()
            + "/"
            + roster.date();
  }

  static String courseLink(Roster roster) {
    return roster == null
        ? "/timetable/index.xhtml"
        : "/timetable/course.xhtml?term="
            + java.net.URLEncoder.encode(roster.termCode(), java.nio.charset.StandardCharsets.UTF_8)
            + "&src="
            + java.net.URLEncoder.encode(roster.source(), java.nio.charset.StandardCharsets.UTF_8)
            + "&no="
            + roster.meetingNo();
  }

  public Roster getRoster() {
    if (!loaded) {
      load();
    }
    return roster;
  }

  public String getProblem() {
    return problem;
  }

  public boolean isRefused() {
    return problem != null;
  }

  public String getError() {
    return error;
  }

  public String getResult() {
    return result;
  }

  public String getResultState() {
    return resultState == null ? "" : resultState;
  }

  public Mark[] getMarks() {
    return Mark.values();
  }
}
