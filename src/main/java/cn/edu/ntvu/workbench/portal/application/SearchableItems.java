package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import java.util.List;

/**
 * A micro-app's own things that the workbench search finds for one person (issue 21): 收集表 the forms
 * they fill or own, 学生请假 their requests, 查课表 their courses. A CDI bean of the micro-app, answering
 * through its own application services: only what {@code user} may open themselves, never anyone
 * else's. The search asks every implementation; a failing one only loses its group.
 */
public interface SearchableItems {
  /**
   * One thing found.
   *
   * @param title what it is called (a form's title, a course's name)
   * @param detailKey one short line under it (status, date, teacher): a key of {@link
   *     #groupBundle()} with one argument {@code {0}}; null for none
   * @param detailArg the argument of {@code detailKey}; may be null
   * @param path the app path it opens, e.g. {@code /forms/fill.xhtml?id=42}
   */
  record Found(String title, String detailKey, String detailArg, String path) {}

  /** The resource bundle of {@link #groupKey()}, e.g. {@code i18n.forms}. */
  String groupBundle();

  /** The group's name in {@link #groupBundle()}, e.g. 收集表. */
  String groupKey();

  /** Where the group goes among the groups, smallest first. */
  default int order() {
    return 100;
  }

  /**
   * The things of {@code user} that match {@code query} (see {@link SearchQuery#matches}), the best
   * first, at most {@code limit}.
   */
  List<Found> find(SignedInUser user, SearchQuery query, int limit);
}
