package cn.edu.ntvu.workbench.portal.domain;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A 常用 row: tile ids in the person's order, at most {@link #MAX}. Pure list work (pin, unpin, move
 * one place, a new order, what is shown), stored as comma-separated ids. Refusals are {@link
 * TileInputException}s whose key names the message in {@code i18n.workbench}; a refused change
 * changes nothing.
 */
public final class Favourites {
  /** At most this many tiles in one row. */
  public static final int MAX = 12;

  /** How many recently opened tiles the home page shows. */
  public static final int RECENT = 4;

  /**
   * The audiences an admin sets a default row for, most specific first: a person without a row of
   * their own gets the first of these that applies to them and has a row ({@link #defaults}).
   */
  public static final List<String> AUDIENCES =
      List.of(
          "ROLE:" + Role.ADMIN,
          "ROLE:" + Role.STUDENT_AFFAIRS,
          "ROLE:" + Role.DEAN,
          "ROLE:" + Role.COUNSELLOR,
          "ROLE:" + Role.TEACHER,
          "KIND:" + PersonKind.STAFF,
          "KIND:" + PersonKind.STUDENT);

  private Favourites() {}

  /** The ids in {@code csv}, in order, without repeats or anything that is not an id. */
  public static List<Long> parse(String csv) {
    Set<Long> out = new LinkedHashSet<>();
    if (csv != null) {
      for (String part : csv.split(",")) {
        try {
          long id = Long.parseLong(part.strip());
          if (id > 0) {
            out.add(id);
          }
        } catch (NumberFormatException e) {
          // not an id: left out
        }
      }
    }
    return List.copyOf(out);
  }

  public static String format(List<Long> ids) {
    return String.join(",", ids.stream().map(String::valueOf).toList());
  }

  /** {@code row} with {@code id} added at the end; unchanged if it is there already. */
  public static List<Long> pin(List<Long> row, long id) {
    if (row.contains(id)) {
      return row;
    }
    if (row.size() >= MAX) {
      throw new TileInputException("workbench.fav.limit", String.valueOf(MAX));
    }
    List<Long> out = new ArrayList<>(row);
    out.add(id);
    return List.copyOf(out);
  }

  public static List<Long> unpin(List<Long> row, long id) {
    return row.stream().filter(i -> i != id).toList();
  }

  /** {@code id} one place up (towards the start) or down; unchanged at either end or if absent. */
  public static List<Long> move(List<Long> row, long id, boolean up) {
    int at = row.indexOf(id);
    int to = up ? at - 1 : at + 1;
    if (at < 0 || to < 0 || to >= row.size()) {
      return row;
    }
    List<Long> out = new ArrayList<>(row);
    out.set(at, row.get(to));
    out.set(to, id);
    return List.copyOf(out);
  }

  /**
   * The row in the order {@code wanted} gives (a drag ended): it must name exactly the row's tiles,
   * else the order is refused (the page was out of date) and nothing changes.
   */
  public static List<Long> reorder(List<Long> row, List<Long> wanted) {
    if (wanted.size() != row.size() || !Set.copyOf(wanted).equals(Set.copyOf(row))) {
      throw new TileInputException("workbench.fav.stale");
    }
    return List.copyOf(wanted);
  }

  /** The row as shown: only tiles the person sees now, in the row's order. */
  public static List<Long> shown(List<Long> row, Collection<Long> visible) {
    Set<Long> v = visible instanceof Set<Long> s ? s : Set.copyOf(visible);
    return row.stream().filter(v::contains).limit(MAX).toList();
  }

  /**
   * The default row of a person with these roles and kind: the first audience of {@link #AUDIENCES}
   * that applies and has a row in {@code byAudience}; empty when none has.
   */
  public static List<Long> defaults(
      Map<String, List<Long>> byAudience, PersonKind kind, Set<Role> roles) {
    for (String audience : AUDIENCES) {
      if (applies(audience, kind, roles) && byAudience.containsKey(audience)) {
        return byAudience.get(audience);
      }
    }
    return List.of();
  }

  static boolean applies(String audience, PersonKind kind, Set<Role> roles) {
    if (audience.startsWith("KIND:")) {
      return kind != null && audience.equals("KIND:" + kind.name());
    }
    return roles.stream().anyMatch(r -> audience.equals("ROLE:" + r.name()));
  }

  /**
   * The last {@code RECENT} tiles opened that the person still sees, newest first; {@code newest}
   * is already ordered newest first.
   */
  public static List<Long> recent(List<Long> newest, Collection<Long> visible) {
    Set<Long> v = visible instanceof Set<Long> s ? s : Set.copyOf(visible);
    return newest.stream().filter(v::contains).distinct().limit(RECENT).toList();
  }
}
