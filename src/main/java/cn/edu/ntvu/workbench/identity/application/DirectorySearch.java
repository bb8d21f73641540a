package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The people-and-groups picker's search: what was typed (a name, pinyin initials, full pinyin, an
 * account or a code) against classes, departments, roles and people, grouped in that order and
 * ranked inside each group, bounded by what the chooser may pick ({@link PickScope}). The
 * directory's rows are found by indexed prefix queries ({@link DirectoryIndex}); roles are few and
 * matched here by their Chinese names and pinyin, never by the code ({@code STUDENT}).
 *
 * <p>The scope is the server's: the page builds it from the signed-in person, and the service that
 * saves a choice checks each item again ({@link #find}).
 */
@ApplicationScoped
public class DirectorySearch {
  private static final Logger LOG = Logger.getLogger(DirectorySearch.class.getName());

  /** Rows fetched per kind before ranking. */
  static final int CANDIDATES = 60;

  @Inject DirectoryIndex index;

  /** The language roles are named in: the view's (a test sets its own). */
  java.util.function.Supplier<Locale> locale = BundleText::viewLocale;

  /** At most {@code perGroup} hits of each kind the scope offers, best first, groups in order. */
  public List<DirectoryHit> search(String typed, PickScope scope, int perGroup) {
    SearchText q = SearchText.of(typed);
    if (q.isEmpty()) {
      return List.of();
    }
    List<DirectoryHit> out = new ArrayList<>();
    for (PickKind kind : PickKind.values()) {
      if (!scope.offers(kind)) {
        continue;
      }
      if (kind == PickKind.ROLE) {
        out.addAll(matchingRoles(q, locale.get()).stream().limit(perGroup).toList());
      } else {
        out.addAll(
            ranked(index.candidates(kind, q, scope, CANDIDATES), q).stream()
                .limit(perGroup)
                .toList());
      }
    }
    return out;
  }

  /**
   * The class, department, role or person {@code key} names, if {@code scope} offers it — the check
   * a save makes for every chosen item (the browser may send anything).
   */
  public Optional<DirectoryHit> find(PickKind kind, String key, PickScope scope) {
    if (kind == null || key == null || key.isBlank() || !scope.offers(kind)) {
      return Optional.empty();
    }
    if (kind == PickKind.ROLE) {
      return roles(locale.get()).stream().filter(r -> r.key().equals(key)).findFirst();
    }
    return index.find(kind, key.strip(), scope);
  }

  /** {@code CLASS:J2401} as {@link #find} finds it. */
  public Optional<DirectoryHit> find(String id, PickScope scope) {
    String[] p = DirectoryHit.parseId(id);
    return p == null ? Optional.empty() : find(PickKind.valueOf(p[0]), p[1], scope);
  }

  /**
   * The roles whose Chinese name or name in {@code locale} matches, best first, named in {@code
   * locale}.
   */
  static List<DirectoryHit> matchingRoles(SearchText q, Locale locale) {
    List<DirectoryHit> zh = roles(Locale.CHINA);
    List<DirectoryHit> shown = roles(locale);
    record Scored(DirectoryHit hit, int rank) {}
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < zh.size(); i++) {
      int r = Math.min(rank(zh.get(i), q), rank(shown.get(i), q));
      if (r < NO_MATCH) {
        scored.add(new Scored(shown.get(i), r));
      }
    }
    return scored.stream().sorted(Comparator.comparingInt(Scored::rank)).map(Scored::hit).toList();
  }

  /** Every role by its name in {@code locale} (学生, 辅导员 …). */
  public static List<DirectoryHit> roles(Locale locale) {
    return java.util.Arrays.stream(Role.values())
        .map(
            r ->
                new DirectoryHit(
                    PickKind.ROLE,
                    r.name(),
                    BundleText.text("i18n.messages", locale, "role." + r.name()),
                    ""))
        .toList();
  }

  /** The role's name in the view's language, or the code when it is not a role. */
  public static String roleName(String code) {
    Role r = Role.parse(code);
    return r == null
        ? code
        : BundleText.text("i18n.messages", BundleText.viewLocale(), "role." + r.name());
  }

  /** The pinyin of names that changed, once the import that changed them has committed. */
  void directoryChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) DirectoryChanged e) {
    refreshPinyin();
  }

  /** Fills the pinyin of new and renamed rows (at start-up: the rows that were there before). */
  public int refreshPinyin() {
    int n = index.refreshPinyin();
    if (n > 0) {
      LOG.info(() -> "Pinyin filled for " + n + " directory names");
    }
    return n;
  }

  // ---- ranking (package-visible for the unit tests)

  static final int NO_MATCH = 9;

  static List<DirectoryHit> ranked(List<DirectoryHit> hits, SearchText q) {
    return hits.stream()
        .filter(h -> rank(h, q) < NO_MATCH)
        .sorted(
            Comparator.comparingInt((DirectoryHit h) -> rank(h, q))
                .thenComparingInt(h -> h.name().length())
                .thenComparing(DirectoryHit::name)
                .thenComparing(DirectoryHit::key))
        .toList();
  }

  /**
   * 0 the whole name or key, 1 the name's start, 2 all the initials, 3 the initials' start, 4 the
   * full pinyin's start, 5 the key's start (an account, a code), 6 inside the name, else {@link
   * #NO_MATCH}.
   */
  static int rank(DirectoryHit h, SearchText q) {
    String t = q.text();
    String name = h.name().toLowerCase(Locale.ROOT);
    String key = h.key().toLowerCase(Locale.ROOT);
    if (name.equals(t) || h.kind() != PickKind.ROLE && key.equals(t)) {
      return 0;
    }
    if (name.startsWith(t)) {
      return 1;
    }
    if (q.letters()) {
      PinyinName py =
          h.kind() == PickKind.PERSON ? PinyinName.ofPerson(h.name()) : PinyinName.of(h.name());
      if (py.initials().equals(t)) {
        return 2;
      }
      if (py.initials().startsWith(t)) {
        return 3;
      }
      if (py.full().startsWith(t)) {
        return 4;
      }
      if (h.kind() != PickKind.ROLE && key.startsWith(t)) {
        return 5;
      }
    }
    if (name.contains(t)) {
      return 6;
    }
    return NO_MATCH;
  }
}
