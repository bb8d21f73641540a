package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.export.SpreadsheetCells;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.portal.domain.LaunchKey;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Launch figures for admins (issue 21): opens and unique people per tile per day or week, by person
 * kind. Only counts: nobody's own opens can be read here.
 */
@Requires(roles = Role.ADMIN)
@ApplicationScoped
public class LaunchFigures {
  /** How long figures are kept. */
  public static final int KEEP_DAYS = 400;

  @Inject LaunchStore store;
  @Inject TileStore tiles;
  @Inject Clock clock;

  /** One line of the figures: a tile, a day or week, a person kind (null: all kinds). */
  public record Line(
      long tileId, String tileName, LocalDate period, String kind, long opens, long people) {}

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Per tile and period, by kind ({@code STUDENT}, {@code STAFF}, {@code OTHER}); days {@code
   * from}..{@code to}, or the weeks that start in that range (moved to Mondays).
   */
  public List<Line> lines(LocalDate from, LocalDate to, boolean byWeek) {
    List<LaunchStore.Row> rows =
        byWeek ? store.weekly(LaunchKey.weekOf(from), LaunchKey.weekOf(to)) : store.daily(from, to);
    Map<Long, String> names = new HashMap<>();
    for (Tile t : tiles.all()) {
      names.put(t.id(), t.name());
    }
    Function<Long, String> name = id -> names.getOrDefault(id, "#" + id);
    List<Line> out = new ArrayList<>();
    for (LaunchStore.Row r : rows) {
      out.add(
          new Line(
              r.tileId(), name.apply(r.tileId()), r.period(), r.kind(), r.opens(), r.people()));
    }
    return out;
  }

  /**
   * The lines as CSV (UTF-8 with a BOM for Excel), every cell formula-safe ({@link
   * SpreadsheetCells}); {@code header} and {@code kindNames} in the admin's language.
   */
  public static String csv(List<Line> lines, List<String> header, Map<String, String> kindNames) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append(String.join(",", header.stream().map(SpreadsheetCells::csv).toList()))
        .append("\r\n");
    for (Line l : lines) {
      out.append(SpreadsheetCells.csv(l.tileName()))
          .append(',')
          .append(SpreadsheetCells.csv(l.period().toString()))
          .append(',')
          .append(SpreadsheetCells.csv(kindNames.getOrDefault(l.kind(), l.kind())))
          .append(',')
          .append(l.opens())
          .append(',')
          .append(l.people())
          .append("\r\n");
    }
    return out.toString();
  }
}
