package cn.edu.ntvu.workbench.platform.security;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The per-session secret the sign-out form carries: a POST to {@code /logout} signs out only with
 * it, so a page on another site cannot sign people out by posting there (the session cookie's
 * SameSite=Lax already keeps it from cross-site posts in current browsers; older WeCom and phone
 * browsers are not all current). Made on first use and kept in the session, so every sign-out form
 * of one session carries the same value.
 */
public final class LogoutToken {
  /** The form field and the session attribute. */
  public static final String FIELD = "logoutToken";

  static final String SESSION_KEY = "wb.logoutToken";

  private static final SecureRandom RANDOM = new SecureRandom();

  private LogoutToken() {}

  /** The token of {@code session}, made now if it has none. */
  public static String of(HttpSession session) {
    Object existing = session.getAttribute(SESSION_KEY);
    if (existing instanceof String s) {
      return s;
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    session.setAttribute(SESSION_KEY, token);
    return token;
  }

  /**
   * Whether {@code sent} is this session's token (compared in constant time); false when it has
   * none.
   */
  public static boolean matches(HttpSession session, String sent) {
    Object expected = session.getAttribute(SESSION_KEY);
    return expected instanceof String e
        && sent != null
        && MessageDigest.isEqual(
            e.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }
}
