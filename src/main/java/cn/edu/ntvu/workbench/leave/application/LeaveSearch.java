package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.platform.cache.Recent;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.application.SearchQuery;
import cn.edu.ntvu.workbench.portal.application.SearchableItems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workbench search's 学生请假 group (issue 21): a student's own requests ({@link
 * LeaveQueries#mine}, newest first) by type (病假), reason, destination or date ({@code 11-20}).
 * Nobody else's request is ever listed: the list is the student's own.
 */
@ApplicationScoped
public class LeaveSearch implements SearchableItems {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

  @Inject LeaveQueries queries;
  @Inject LeaveCatalog catalog;

  /** The types' names by code, read again at most every 10 s (a renamed type shows soon after). */
  private final Recent<Map<String, String>> typeNames = new Recent<>(Duration.ofSeconds(10));

  @Override
  public String groupBundle() {
    return "i18n.leave";
  }

  @Override
  public String groupKey() {
    return "leave.search.group";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public List<Found> find(SignedInUser user, SearchQuery query, int limit) {
    if (!user.isStudent()) {
      return List.of();
    }
    List<LeaveRequestRow> mine = queries.mine(user);
    if (mine.isEmpty()) {
      return List.of();
    }
    Map<String, String> types =
        typeNames.get(
            () -> {
              Map<String, String> m = new HashMap<>();
              catalog.types().forEach(t -> m.put(t.code(), t.name()));
              return Map.copyOf(m);
            });
    List<Found> out = new ArrayList<>();
    for (LeaveRequestRow r : mine) {
      if (out.size() >= limit) {
        break;
      }
      String type = types.getOrDefault(r.typeCode(), r.typeCode());
      String title = type + " " + r.start().format(DAY) + "–" + r.end().format(DAY);
      if (query.matches(title)
          || query.matches(r.reason())
          || (r.destination() != null && query.matches(r.destination()))) {
        out.add(
            new Found(
                title,
                "leave.status." + r.shownStatus(true),
                null,
                "/leave/request.xhtml?id=" + r.id()));
      }
    }
    return out;
  }
}
