package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.ChainStep;
import cn.edu.ntvu.workbench.leave.application.DecisionOutcome;
import cn.edu.ntvu.workbench.leave.application.LeaveCatalog;
import cn.edu.ntvu.workbench.leave.application.LeaveDetail;
import cn.edu.ntvu.workbench.leave.application.LeaveEvent;
import cn.edu.ntvu.workbench.leave.application.LeaveRequestRow;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.leave.domain.LeaveType;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Words and formats the leave pages share ({@code #{leaveWords}}): type names, times, timeline
 * lines, outcomes.
 */
@Named
@RequestScoped
public class LeaveWords {
  private static final java.util.regex.Pattern PHONE =
      java.util.regex.Pattern.compile("\\+?\\d[\\d-]{5,18}\\d");

  /** The first phone number in {@code text} for a {@code tel:} link (digits and +), or "". */
  public String tel(String text) {
    if (text == null) {
      return "";
    }
    java.util.regex.Matcher m = PHONE.matcher(text);
    return m.find() ? m.group().replace("-", "") : "";
  }

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject LeaveCatalog catalog;

  private Map<String, LeaveType> types;

  public String type(String code) {
    if (types == null) {
      types = catalog.types().stream().collect(Collectors.toMap(LeaveType::code, t -> t));
    }
    LeaveType t = types.get(code);
    if (t == null) {
      return code;
    }
    return "en".equals(BundleText.viewLocale().getLanguage()) ? t.nameEn() : t.name();
  }

  /** "11月26日 周四" / "Thu 26 Nov": a day of the missed classes. */
  public String missedDay(java.time.LocalDate d) {
    java.util.Locale l = BundleText.viewLocale();
    return "en".equals(l.getLanguage())
        ? java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.ENGLISH)
            .format(d)
        : java.time.format.DateTimeFormatter.ofPattern("M月d日 EEE", java.util.Locale.CHINA)
            .format(d);
  }

  /** "第1–2节" / "第3节". */
  public String missedPeriods(cn.edu.ntvu.workbench.leave.application.MissedClass c) {
    LeaveTexts t = LeaveTexts.ofView();
    return c.firstPeriod() == c.lastPeriod()
        ? t.get("leave.missed.period", c.firstPeriod())
        : t.get("leave.missed.periods", c.firstPeriod(), c.lastPeriod());
  }

  /** "张老师 · A101": who teaches the missed class and where (what is known of it). */
  public String missedWhere(cn.edu.ntvu.workbench.leave.application.MissedClass c) {
    return java.util.stream.Stream.of(c.teacherNames(), c.room())
        .filter(x -> x != null && !x.isBlank())
        .collect(java.util.stream.Collectors.joining(" · "));
  }

  /** "第3节" for the 按节 selects. */
  public String periodNo(Object n) {
    return LeaveTexts.ofView().get("leave.missed.period", n);
  }

  /** "缺 6 节" for the lists; "" when nothing was missed. */
  public String missedShort(LeaveRequestRow r) {
    return r.missedPeriodCount() == 0
        ? ""
        : LeaveTexts.ofView().get("leave.missed.short", r.missedPeriodCount());
  }

  public String time(LocalDateTime t) {
    return t == null ? "" : WHEN.format(t);
  }

  /** "2 天" / "2 days". */
  public String days(LeaveRequestRow r) {
    return LeaveTexts.ofView().get("leave.detail.days", r.duration().daysText());
  }

  /** 11-26 08:00 ~ 11-27 17:00 · 2 天 */
  public String span(LeaveRequestRow r) {
    return LeaveTexts.shortTime(r.start())
        + " ~ "
        + LeaveTexts.shortTime(r.end())
        + " · "
        + days(r);
  }

  /** "11-26 21:04": the day and time of a decision in the chain. */
  public String shortTime(LocalDateTime t) {
    return LeaveTexts.shortTime(t);
  }

  /** The people of a step by name: "毛敏、尹超" / "毛敏, 尹超". */
  public String names(ChainStep c) {
    return String.join("en".equals(BundleText.viewLocale().getLanguage()) ? ", " : "、", c.names());
  }

  /** "11-25 08:00 ~ 11-26 18:00 的事假" / "Personal leave, 11-25 08:00 ~ 11-26 18:00". */
  public String earlier(LeaveRequestRow r) {
    return LeaveTexts.ofView()
        .get(
            "leave.detail.requestWords",
            LeaveTexts.shortTime(r.start()) + " ~ " + LeaveTexts.shortTime(r.end()),
            type(r.typeCode()));
  }

  /** The comment or reason of an 同意/驳回 line of the timeline, else "". */
  public String note(LeaveEvent e) {
    if (cn.edu.ntvu.workbench.leave.application.HandOverEvents.HANDED_OVER.equals(e.action())) {
      return cn.edu.ntvu.workbench.leave.application.HandOverEvents.note(e);
    }
    return ("APPROVED".equals(e.action())
                || "REJECTED".equals(e.action())
                || "CANCELLED".equals(e.action())
                || "CC_SENT".equals(e.action())
                || e.action().startsWith("EXTENSION_")
                || "EXTENDED".equals(e.action())
                || "COMMENTED".equals(e.action())
                || "DEPUTY_SEAT".equals(e.action()))
            && e.detail() != null
        ? e.detail()
        : "";
  }

  /** The label of an event's note: 驳回理由, 取消理由, else 意见. */
  public String noteLabel(LeaveEvent e) {
    LeaveTexts t = LeaveTexts.ofView();
    return switch (e.action()) {
      case "REJECTED" -> t.get("leave.detail.rejectReasonShown");
      case "CANCELLED" -> t.get("leave.detail.cancelReasonShown");
      case "CC_SENT" -> t.get("leave.detail.ccTo");
      case "EXTENSION_REJECTED" -> t.get("leave.detail.rejectReasonShown");
      case "EXTENSION_ASKED", "EXTENDED" -> t.get("leave.ext.title");
      case "COMMENTED" -> t.get("leave.comment.shown");
      case "DEPUTY_SEAT" -> t.get("leave.deputy.shown");
      case "HANDED_OVER" -> t.get("leave.handOver.noteLabel");
      default -> t.get("leave.detail.comment");
    };
  }

  /** Why an approved leave was cancelled (the last 取消's reason); empty when it was not. */
  public String cancelReason(LeaveDetail d) {
    String why = "";
    for (LeaveEvent e : d.events()) {
      if ("CANCELLED".equals(e.action()) && e.detail() != null) {
        why = e.detail();
      }
    }
    return why;
  }

  public String event(LeaveEvent e) {
    LeaveTexts t = LeaveTexts.ofView();
    var handOver = cn.edu.ntvu.workbench.leave.application.HandOverEvents.line(e, t);
    if (handOver.isPresent()) {
      return handOver.get();
    }
    // Only the lines that open a step carry "ROLE: accounts"; a decision's detail is its comment.
    boolean opening = "STEP_OPENED".equals(e.action()) || "FALLBACK".equals(e.action());
    String role =
        opening && e.detail() != null && e.detail().contains(":")
            ? e.detail().substring(0, e.detail().indexOf(':'))
            : "";
    String what =
        t.get("leave.event." + e.action(), role.isEmpty() ? "" : t.get("leave.step." + role));
    return what;
  }

  public static String outcome(DecisionOutcome o) {
    LeaveTexts t = LeaveTexts.ofView();
    return switch (o.kind()) {
      case DECIDED -> t.get("leave.outcome.DECIDED", t.get("leave.stepStatus." + o.decision()));
      case ALREADY_DECIDED ->
          t.get(
              "leave.outcome.ALREADY_DECIDED",
              o.decidedByName() == null ? "" : o.decidedByName(),
              o.decision() == null ? "" : t.get("leave.stepStatus." + o.decision()));
      case CLOSED -> t.get("leave.outcome.CLOSED", t.get("leave.status." + o.decision()));
      case NOT_YOUR_STEP -> t.get("leave.outcome.NOT_YOUR_STEP");
      case UNKNOWN -> t.get("leave.outcome.UNKNOWN");
      case REASON_MISSING -> t.get("leave.detail.rejectReasonMissing");
      case HANDED_OVER ->
          t.get("leave.outcome.HANDED_OVER", o.decidedByName() == null ? "" : o.decidedByName());
      case WAITING -> t.get("leave.outcome.WAITING");
    };
  }
}
