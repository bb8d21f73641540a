package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.portal.application.LaunchFigures;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * 启动统计 ({@code /admin/workbench/launches.xhtml?from=…&to=…&by=day|week}, issue 21): opens and
 * unique people per tile per day or week, by person kind, a bar chart of the most opened tiles
 * (PrimeFaces' chart component, Chart.js served by us, only on this page) and the same figures as
 * CSV ({@link LaunchCsvServlet}). A plain GET form: the address can be shared between admins.
 */
@Requires(roles = Role.ADMIN)
@Named("launchFigures")
@RequestScoped
public class LaunchFiguresBean {
  static final String BUNDLE = "i18n.workbench";

  /** The longest range one page shows. */
  static final int MAX_DAYS = LaunchFigures.KEEP_DAYS;

  @Inject LaunchFigures figures;
  @Inject HttpServletRequest request;

  /** One row of the table: a tile and a period, the kinds side by side. */
  public record Row(
      String tile,
      LocalDate period,
      long studentOpens,
      long studentPeople,
      long staffOpens,
      long staffPeople,
      long opens,
      long people) {}

  /** The range and grouping asked for, or the default, and what is wrong with it. */
  record Query(LocalDate from, LocalDate to, boolean byWeek, String field, String problem) {
    static Query of(HttpServletRequest req, LocalDate today) {
      boolean week = "week".equals(req.getParameter("by"));
      LocalDate to = today;
      LocalDate from = week ? today.minusWeeks(11) : today.minusDays(13);
      String toText = req.getParameter("to");
      String fromText = req.getParameter("from");
      try {
        if (toText != null && !toText.isBlank()) {
          to = LocalDate.parse(toText.strip());
        }
      } catch (DateTimeParseException e) {
        return new Query(from, today, week, "to", "workbench.state.error.date");
      }
      try {
        if (fromText != null && !fromText.isBlank()) {
          from = LocalDate.parse(fromText.strip());
        }
      } catch (DateTimeParseException e) {
        return new Query(today.minusDays(13), to, week, "from", "workbench.state.error.date");
      }
      if (to.isBefore(from)) {
        return new Query(from, to, week, "to", "workbench.figures.error.order");
      }
      if (from.plusDays(MAX_DAYS).isBefore(to)) {
        return new Query(from, to, week, "from", "workbench.figures.error.tooLong");
      }
      return new Query(from, to, week, null, null);
    }
  }

  private Query query;
  private List<Row> rows;

  private Query query() {
    if (query == null) {
      query = Query.of(request, figures.today());
    }
    return query;
  }

  public String getFrom() {
    String typed = request.getParameter("from");
    return typed != null && query().problem() != null ? typed : query().from().toString();
  }

  public String getTo() {
    String typed = request.getParameter("to");
    return typed != null && query().problem() != null ? typed : query().to().toString();
  }

  public boolean isByWeek() {
    return query().byWeek();
  }

  public String getBy() {
    return query().byWeek() ? "week" : "day";
  }

  /** The message beside the field ({@code from} or {@code to}); null when the range is fine. */
  public String problem(String field) {
    Query q = query();
    return q.problem() != null && field.equals(q.field())
        ? BundleText.format(BUNDLE, BundleText.viewLocale(), q.problem(), List.of("" + MAX_DAYS))
        : null;
  }

  public List<Row> getRows() {
    if (rows == null) {
      rows =
          query().problem() != null
              ? List.of()
              : rows(figures.lines(query().from(), query().to(), query().byWeek()));
    }
    return rows;
  }

  static List<Row> rows(List<LaunchFigures.Line> lines) {
    Map<String, long[]> by = new LinkedHashMap<>();
    Map<String, LaunchFigures.Line> first = new LinkedHashMap<>();
    for (LaunchFigures.Line l : lines) {
      String key = l.period() + "\u0000" + l.tileId();
      long[] n = by.computeIfAbsent(key, k -> new long[4]);
      first.putIfAbsent(key, l);
      int at = "STUDENT".equals(l.kind()) ? 0 : 2;
      if ("STUDENT".equals(l.kind()) || "STAFF".equals(l.kind())) {
        n[at] += l.opens();
        n[at + 1] += l.people();
      } else {
        n[2] += l.opens(); // a person of no kind counts with staff
        n[3] += l.people();
      }
    }
    List<Row> out = new ArrayList<>();
    by.forEach(
        (key, n) -> {
          LaunchFigures.Line l = first.get(key);
          out.add(
              new Row(l.tileName(), l.period(), n[0], n[1], n[2], n[3], n[0] + n[2], n[1] + n[3]));
        });
    out.sort(Comparator.comparing(Row::period).reversed().thenComparing(r -> -r.opens()));
    return out;
  }

  /**
   * The chart's Chart.js configuration: opens per period of the five most opened tiles, one bar
   * series each.
   */
  public String getChart() {
    List<Row> all = getRows();
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Row r : all) {
      totals.merge(r.tile(), r.opens(), Long::sum);
    }
    List<String> top =
        totals.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(5)
            .map(Map.Entry::getKey)
            .toList();
    TreeSet<LocalDate> periods = new TreeSet<>();
    all.forEach(r -> periods.add(r.period()));
    JsonArrayBuilder labels = Jsons.createArrayBuilder();
    periods.forEach(p -> labels.add(p.toString()));
    String[] colours = {"#1f5fa8", "#d93025", "#188038", "#e37400", "#8e24aa"};
    JsonArrayBuilder datasets = Jsons.createArrayBuilder();
    for (int i = 0; i < top.size(); i++) {
      String tile = top.get(i);
      JsonArrayBuilder data = Jsons.createArrayBuilder();
      for (LocalDate p : periods) {
        data.add(
            all.stream()
                .filter(r -> r.tile().equals(tile) && r.period().equals(p))
                .mapToLong(Row::opens)
                .sum());
      }
      datasets.add(
          Jsons.createObjectBuilder()
              .add("label", tile)
              .add("data", data)
              .add("backgroundColor", colours[i]));
    }
    Locale locale = BundleText.viewLocale();
    return Jsons.createObjectBuilder()
        .add("type", "bar")
        .add("data", Jsons.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add(
            "options",
            Jsons.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add(
                    "plugins",
                    Jsons.createObjectBuilder()
                        .add(
                            "title",
                            Jsons.createObjectBuilder()
                                .add("display", true)
                                .add(
                                    "text",
                                    BundleText.text(BUNDLE, locale, "workbench.figures.chart")))))
        .build()
        .toString();
  }

  /** The CSV's address for the same range. */
  public String getCsvQuery() {
    return "from=" + query().from() + "&to=" + query().to() + "&by=" + getBy();
  }
}
