package cn.edu.ntvu.workbench.timetable.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret of a personal calendar subscription URL: 256 random bits, URL-safe Base64 without
 * padding (43 characters). Whoever has the URL can read the person's timetable, so only its SHA-256
 * is stored; the token itself is shown once and never logged ({@link #toString()} hides it).
 */
public final class CalendarToken {
  private static final int BYTES = 32;
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final String value;

  private CalendarToken(String value) {
    this.value = value;
  }

  public static CalendarToken generate(SecureRandom random) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return new CalendarToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The token in a feed URL, if it has the form of one; nothing is looked up. */
  public static Optional<CalendarToken> parse(String text) {
    return text != null && FORMAT.matcher(text).matches()
        ? Optional.of(new CalendarToken(text))
        : Optional.empty();
  }

  /** The secret itself: only for building the URL shown to its owner. */
  public String value() {
    return value;
  }

  /** What the database keeps: SHA-256 in lower-case hex. */
  public String sha256() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CalendarToken other
        && MessageDigest.isEqual(
            other.value.getBytes(StandardCharsets.US_ASCII),
            value.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "CalendarToken[hidden]";
  }
}
