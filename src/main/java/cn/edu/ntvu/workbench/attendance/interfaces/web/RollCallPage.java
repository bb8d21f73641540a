package cn.edu.ntvu.workbench.attendance.interfaces.web;

import cn.edu.ntvu.workbench.attendance.application.AttendanceTexts;
import cn.edu.ntvu.workbench.attendance.application.Roster;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.Html;
import java.util.Locale;

/**
 * The markup of 点名's GET ({@code /attendance/roll.xhtml}), written in one pass: the same page the
 * Facelets view {@code attendance/roll.xhtml} in the template {@code WEB-INF/templates/page.xhtml}
 * renders (head, development banner, header, the "page expired" notice, the roster with its form,
 * roll.js), byte for byte but for the CSP nonce. A roster is opened by every phone of a classroom
 * at once and a Faces render of it was half its cost (docs/benchmarks.md); its form is a stateless
 * view's (view state {@code stateless}), so the POST still goes to Faces ({@link
 * RollCallView#submit}) unchanged. Every text from the bundles of the request's language, every
 * value from a person HTML-escaped.
 */
public final class RollCallPage {
  /** What the page shows: a roster, or (refused) the problem. */
  public record Model(
      Roster roster,
      String problem,
      String contextPath,
      String assetVersion,
      boolean devMode,
      boolean expiredNotice,
      String token,
      String nonce) {}

  private RollCallPage() {}

  public static String render(Model m, Locale locale) {
    AttendanceTexts text = AttendanceTexts.of(locale);
    String ctx = Html.escape(m.contextPath());
    String v = Html.escape(m.assetVersion());
    Roster r = m.problem() == null ? m.roster() : null;
    String title = Html.escape(RollCallView.title(r, text));
    StringBuilder out = new StringBuilder(r == null ? 4096 : 4096 + 512 * r.rows().size());
    out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
        .append("en".equals(locale.getLanguage()) ? "en" : "zh-CN")
        .append("\"><head>")
        .append("<meta charset=\"UTF-8\" />")
        .append(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\" />")
        .append("<meta name=\"format-detection\" content=\"telephone=no\" />")
        .append("<title>")
        .append(title)
        .append("</title><link rel=\"stylesheet\" href=\"")
        .append(ctx)
        .append("/resources/workbench/theme.css?v=")
        .append(v)
        .append("\" /><link rel=\"icon\" href=\"")
        .append(ctx)
        .append("/resources/workbench/icon.svg?v=")
        .append(v)
        .append("\" type=\"image/svg+xml\" /><link rel=\"stylesheet\" href=\"")
        .append(ctx)
        .append("/resources/attendance/roll.css?v=")
        .append(v)
        .append("\" /></head><body class=\"wb \">");
    if (m.devMode()) {
      out.append("<div class=\"wb-devbanner\" role=\"note\">")
          .append(Html.escape(BundleText.text("i18n.messages", locale, "app.devBanner")))
          .append("</div>");
    }
    out.append("<header class=\"wb-header\"><h1 class=\"wb-hello\" id=\"roll-title\">")
        .append(title)
        .append("</h1><p class=\"wb-sub\" id=\"roll-subtitle\">")
        .append(Html.escape(RollCallView.subtitle(r, text)))
        .append("</p></header><main class=\"wb-main\" id=\"main\">");
    if (m.expiredNotice()) {
      out.append("<p class=\"wb-notice\" id=\"expired-notice\" role=\"status\">")
          .append(Html.escape(BundleText.text("i18n.messages", locale, "error.expired.text")))
          .append("</p>");
    }
    out.append("<div id=\"roll\"");
    if (r != null) { // Facelets leaves an attribute out when its value is empty
      out.append(" data-key=\"").append(Html.escape(RollCallView.storageKey(r))).append('"');
    }
    attr(out, "data-offline", locale, "attendance.offline");
    attr(out, "data-sending", locale, "attendance.sending");
    attr(out, "data-pending", locale, "attendance.pending");
    attr(out, "data-failed", locale, "attendance.failed");
    attr(out, "data-label-present", locale, "attendance.mark.PRESENT");
    attr(out, "data-label-absent", locale, "attendance.mark.ABSENT");
    attr(out, "data-label-late", locale, "attendance.mark.LATE");
    attr(out, "data-label-early", locale, "attendance.mark.EARLY");
    attr(out, "data-label-excused", locale, "attendance.mark.EXCUSED");
    out.append("><p id=\"roll-result\" hidden=\"hidden\"></p>");
    if (m.problem() != null) {
      out.append("<section class=\"wb-card wb-message\"><p id=\"problem\">")
          .append(Html.escape(m.problem()))
          .append("</p><a class=\"wb-button\" href=\"")
          .append(ctx)
          .append("/timetable/index.xhtml\">")
          .append(att(locale, "attendance.toTimetable"))
          .append("</a></section>");
    } else if (r != null) {
      roster(out, m, r, text, locale, ctx);
    }
    // the scripts at the end of body with the response's nonce, as PrimeFaces moves them
    // (primefaces.MOVE_SCRIPTS_TO_BOTTOM); wb.js gives the form this nonce as primefaces.nonce
    String nonce = Html.escape(m.nonce());
    out.append("</div></main><script src=\"")
        .append(ctx)
        .append("/resources/workbench/wb.js?v=")
        .append(v)
        .append("\" defer=\"defer\" type=\"text/javascript\" nonce=\"")
        .append(nonce)
        .append("\"></script><script src=\"")
        .append(ctx)
        .append("/jakarta.faces.resource/roll.js.xhtml?ln=attendance\" type=\"text/javascript\"")
        .append(" nonce=\"")
        .append(nonce)
        .append("\"></script></body>\n</html>");
    return out.toString();
  }

  private static void roster(
      StringBuilder out, Model m, Roster r, AttendanceTexts text, Locale locale, String ctx) {
    out.append("<p class=\"att-counts\" id=\"roll-counts\">")
        .append(Html.escape(RollCallView.counts(r, text)))
        .append("</p>");
    if (r.heldOnly()) {
      out.append("<p class=\"wb-notice\" id=\"roll-held\">")
          .append(att(locale, "attendance.heldOnly"))
          .append("</p>");
    }
    if (!r.editable() && !r.heldOnly()) {
      out.append("<p class=\"wb-notice\" id=\"roll-closed\">")
          .append(att(locale, "attendance.readOnly"))
          .append("</p>");
    }
    String action = ctx + "/attendance/roll.xhtml";
    out.append("<form id=\"rollForm\" name=\"rollForm\" method=\"post\" action=\"")
        .append(action)
        .append(
            "\" class=\"att-form\" enctype=\"application/x-www-form-urlencoded\">"
                + "<input type=\"hidden\" name=\"rollForm\" value=\"rollForm\" />");
    hidden(out, "term", null, r.termCode());
    hidden(out, "src", null, r.source());
    hidden(out, "no", null, String.valueOf(r.meetingNo()));
    hidden(out, "date", null, r.date().toString());
    hidden(out, "seen", "roll-seen", String.valueOf(r.seenChange()));
    hidden(out, "marks", "roll-marks", "");
    hidden(out, "batch", "roll-batch", "");
    hidden(out, "token", null, m.token());
    out.append(RollCallView.rosterHtml(r, text, m.contextPath()));
    out.append(
        "<div class=\"att-actions\"><p class=\"att-status\" id=\"roll-status\" role=\"status\""
            + " aria-live=\"polite\"></p>");
    if (r.editable()) {
      out.append("<input id=\"rollForm:submit\" type=\"submit\" name=\"rollForm:submit\" value=\"")
          .append(att(locale, "attendance.submit"))
          .append("\" class=\"wb-button att-submit\" />");
    }
    out.append(
            "</div><input type=\"hidden\" name=\"jakarta.faces.ViewState\""
                + " id=\"j_id1:jakarta.faces.ViewState:0\" value=\"stateless\" autocomplete=\"off\" />"
                + "</form><p class=\"wb-muted wb-small\">")
        .append(att(locale, "attendance.hint"))
        .append("</p>");
    if (!r.heldOnly()) {
      out.append("<nav class=\"wb-list\"><a class=\"wb-list-item\" id=\"course-link\" href=\"")
          .append(ctx)
          .append(Html.escape(RollCallView.courseLink(r)))
          .append("\">")
          .append(att(locale, "attendance.toCourse"))
          .append("</a></nav>");
    }
  }

  private static void hidden(StringBuilder out, String name, String id, String value) {
    out.append("<input type=\"hidden\" name=\"").append(name).append('"');
    if (id != null) {
      out.append(" id=\"").append(id).append('"');
    }
    out.append(" value=\"").append(Html.escape(value)).append("\" />");
  }

  private static void attr(StringBuilder out, String name, Locale locale, String key) {
    out.append(' ').append(name).append("=\"").append(att(locale, key)).append('"');
  }

  private static String att(Locale locale, String key) {
    return Html.escape(BundleText.text(AttendanceTexts.BUNDLE, locale, key));
  }
}
