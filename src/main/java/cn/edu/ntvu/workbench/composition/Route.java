package cn.edu.ntvu.workbench.composition;

import java.util.List;
import java.util.Set;

/**
 * One line of the route policy table: a path the application serves, who may reach it, with which
 * HTTP methods, and the state-changing actions behind it.
 *
 * @param pattern an exact decoded path ({@code /leave/apply.xhtml}, {@code /} for the home page) or
 *     a prefix ending in {@code *} ({@code /resources/*}) for a family of paths one servlet or the
 *     container serves
 * @param access who may reach it
 * @param methods the HTTP methods it answers; any other gets 405
 * @param actions the state-changing actions a POST can run (Faces action methods, servlet
 *     operations); empty for routes that change nothing
 * @param sample a path (with query) the route × role matrix test requests for this route
 * @param what one line for a reader: what the route is and who checks what behind it
 */
public record Route(
    String pattern,
    Access access,
    Set<String> methods,
    List<String> actions,
    String sample,
    String what) {
  static final Set<String> READ = Set.of("GET", "HEAD");
  static final Set<String> READ_WRITE = Set.of("GET", "HEAD", "POST");

  public Route {
    methods = Set.copyOf(methods);
    actions = List.copyOf(actions);
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException("a route starts with /: " + pattern);
    }
    if (!actions.isEmpty() && !methods.contains("POST")) {
      throw new IllegalArgumentException("actions need POST: " + pattern);
    }
  }

  /** Whether the pattern names a family of paths. */
  public boolean isPrefix() {
    return pattern.endsWith("*");
  }

  /** Whether {@code path} (decoded, canonical) is this route. */
  public boolean matches(String path) {
    return isPrefix()
        ? path.startsWith(pattern.substring(0, pattern.length() - 1))
        : path.equals(pattern);
  }

  /** The same route, with the path the matrix test requests. */
  Route sample(String samplePath) {
    return new Route(pattern, access, methods, actions, samplePath, what);
  }
}
