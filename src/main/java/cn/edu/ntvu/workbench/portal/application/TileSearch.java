package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.identity.application.PinyinName;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds tiles by what a person types (issue 21), ranked: the exact name first, then names that
 * start with the query, names that contain it, the pinyin initials ({@code qj} → 学生请假, {@code kb} →
 * 查课表), the full pinyin ({@code qingjia}), and last the description and the admin's keywords.
 * English names count as names. Ties keep the home page's order (scene, position).
 *
 * <p>The tiles' pinyin is worked out once per tile list (the list is cached per tiles version, so
 * an admin's change brings a new list and a new index); a search then compares strings in memory.
 * Which tiles are searched is the caller's business: only the ones the person sees.
 */
public final class TileSearch {
  /** The scores, best first; 0: no match. */
  public static final int EXACT = 100,
      PREFIX = 90,
      CONTAINS = 80,
      INITIALS_PREFIX = 70,
      INITIALS = 65,
      FULL_PREFIX = 60,
      FULL = 55,
      KEYWORDS = 45,
      DESCRIPTION = 40;

  /** What a tile is matched on, worked out once. */
  record Keys(
      String name,
      String nameEn,
      String initials,
      String full,
      String keywords,
      String keywordsPinyin,
      String descriptions) {
    static Keys of(Tile t) {
      PinyinName py = PinyinName.of(t.name());
      String kw = t.texts().keywords();
      String kwPinyin = "";
      if (kw != null) {
        StringBuilder b = new StringBuilder();
        for (String word : kw.split("[,，;；、\\s]+")) {
          PinyinName w = PinyinName.of(word);
          b.append(w.initials()).append(' ').append(w.full()).append(' ');
        }
        kwPinyin = b.toString();
      }
      return new Keys(
          lower(t.name()),
          lower(t.texts().nameEn()),
          py.initials(),
          py.full(),
          lower(kw),
          kwPinyin,
          lower(t.description())
              + '\n'
              + lower(t.texts().studentDescription())
              + '\n'
              + lower(t.texts().descriptionEn())
              + '\n'
              + lower(t.texts().studentDescriptionEn()));
    }
  }

  /** A tile found, with its score. */
  public record Hit(Tile tile, int score) {}

  private record Index(List<Tile> source, Map<Long, Keys> keys) {}

  private volatile Index index;

  /**
   * The tiles of {@code visible} that match {@code q}, best first (ties in their given order), at
   * most {@code limit}. {@code all} is the whole tile list the index is kept for (by identity).
   */
  public List<Hit> find(List<Tile> all, List<Tile> visible, SearchQuery q, int limit) {
    if (q.isEmpty()) {
      return List.of();
    }
    Map<Long, Keys> keys = keysOf(all);
    List<Hit> hits = new ArrayList<>();
    for (Tile t : visible) {
      Keys k = keys.get(t.id());
      int s = score(k == null ? Keys.of(t) : k, q);
      if (s > 0) {
        hits.add(new Hit(t, s));
      }
    }
    hits.sort(Comparator.comparingInt(Hit::score).reversed()); // stable: ties keep their order
    return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
  }

  /** The score of one tile (for tests). */
  static int score(Tile t, SearchQuery q) {
    return score(Keys.of(t), q);
  }

  static int score(Keys k, SearchQuery q) {
    if (q.isEmpty()) {
      return 0;
    }
    String s = q.text();
    int best = Math.max(nameScore(k.name(), s), nameScore(k.nameEn(), s));
    if (best > 0) {
      return best;
    }
    String py = q.pinyin();
    if (py != null) {
      if (k.initials().startsWith(py)) {
        return INITIALS_PREFIX;
      }
      if (py.length() >= 2 && k.initials().contains(py)) {
        return INITIALS;
      }
      if (py.length() >= 2 && k.full().startsWith(py)) {
        return FULL_PREFIX;
      }
      if (py.length() >= 2 && k.full().contains(py)) {
        return FULL;
      }
    }
    if (k.keywords().contains(s)
        || (py != null && py.length() >= 2 && k.keywordsPinyin().contains(py))) {
      return KEYWORDS;
    }
    if (k.descriptions().contains(s)) {
      return DESCRIPTION;
    }
    return 0;
  }

  private static int nameScore(String name, String s) {
    if (name.isEmpty()) {
      return 0;
    }
    if (name.equals(s)) {
      return EXACT;
    }
    if (name.startsWith(s)) {
      return PREFIX;
    }
    return name.contains(s) ? CONTAINS : 0;
  }

  private Map<Long, Keys> keysOf(List<Tile> all) {
    Index i = index;
    if (i != null && i.source() == all) {
      return i.keys();
    }
    Map<Long, Keys> keys = new HashMap<>();
    for (Tile t : all) {
      keys.put(t.id(), Keys.of(t));
    }
    index = new Index(all, keys);
    return keys;
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
