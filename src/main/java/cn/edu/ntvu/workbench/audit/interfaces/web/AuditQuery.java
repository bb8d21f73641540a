package cn.edu.ntvu.workbench.audit.interfaces.web;

import cn.edu.ntvu.workbench.platform.audit.AuditFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The filter of the audit page as it travels in the URL ({@code
 * ?actor=10857&type=import_batch&from=2026-11-01 &to=2026-11-25&page=2}), so a filtered view can be
 * bookmarked and its export link carries the same filter. A date that is not {@code yyyy-MM-dd} is
 * dropped and reported, never a 500.
 */
record AuditQuery(String actor, String type, String from, String to, int page, boolean badDate) {
  static final int PAGE_SIZE = 50;

  static AuditQuery of(HttpServletRequest req) {
    String from = clean(req.getParameter("from"), 10);
    String to = clean(req.getParameter("to"), 10);
    boolean bad = date(from) == null && !from.isEmpty() || date(to) == null && !to.isEmpty();
    int page = 1;
    try {
      page = Math.max(1, Integer.parseInt(clean(req.getParameter("page"), 6)));
    } catch (NumberFormatException e) {
      // the first page
    }
    return new AuditQuery(
        clean(req.getParameter("actor"), 32),
        clean(req.getParameter("type"), 32),
        from,
        to,
        page,
        bad);
  }

  AuditFilter filter() {
    return new AuditFilter(actor, type, date(from), date(to));
  }

  /** The query string for the same filter (without the page), for links; empty parts left out. */
  String queryString() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("actor", actor);
    p.put("type", type);
    p.put("from", date(from) == null ? "" : from);
    p.put("to", date(to) == null ? "" : to);
    return p.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String clean(String s, int max) {
    if (s == null) {
      return "";
    }
    s = s.strip();
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static LocalDate date(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
