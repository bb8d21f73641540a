package cn.edu.ntvu.workbench.portal.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * How a launch names the person without naming them: the first 16 bytes of SHA-256 over the
 * installation's secret salt, the week's Monday and the account. The same person gives the same key
 * all week (so unique people per day and per week can be counted), a different one the next week,
 * and the key cannot be turned back into an account without the salt and a guess.
 */
public final class LaunchKey {
  private LaunchKey() {}

  /** The Monday of {@code day}'s week: launch weeks run Monday to Sunday. */
  public static LocalDate weekOf(LocalDate day) {
    return day.with(DayOfWeek.MONDAY);
  }

  public static byte[] of(byte[] salt, String account, LocalDate day) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update((":" + weekOf(day) + ":" + account).getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(sha.digest(), 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
