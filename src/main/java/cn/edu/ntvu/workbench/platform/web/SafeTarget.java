package cn.edu.ntvu.workbench.platform.web;

import java.util.Optional;

/**
 * Where to send a person after sign-in. Only same-origin paths are accepted, so no link can turn
 * the sign-in into an open redirect ({@code ?target=https://evil.example/}, {@code //evil.example},
 * {@code /\evil.example}).
 */
public final class SafeTarget {
  private SafeTarget() {}

  public static Optional<String> of(String target) {
    if (target == null || target.isEmpty() || target.length() > 2000) {
      return Optional.empty();
    }
    if (target.charAt(0) != '/' || target.startsWith("//") || target.startsWith("/\\")) {
      return Optional.empty();
    }
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return Optional.empty();
      }
    }
    // Only a canonical path: no dot segments that a browser would fold into "//host", no encoded
    // slashes.
    int query = target.indexOf('?');
    if (CanonicalPath.problem(query < 0 ? target : target.substring(0, query)).isPresent()) {
      return Optional.empty();
    }
    // Sign-in endpoints themselves are never a target: that would loop.
    if (target.startsWith("/login")
        || target.startsWith("/callback")
        || target.startsWith("/logout")) {
      return Optional.empty();
    }
    return Optional.of(target);
  }

  public static String orHome(String target) {
    return of(target).orElse("/");
  }
}
