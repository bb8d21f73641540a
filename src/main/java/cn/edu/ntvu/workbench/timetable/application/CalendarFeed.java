package cn.edu.ntvu.workbench.timetable.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A generated iCalendar feed and its entity tag. The tag covers everything but DTSTAMP (the
 * generation time), so a calendar app that asks again with {@code If-None-Match} gets "not
 * modified" until the timetable really changes.
 */
public record CalendarFeed(String body, String etag) {
  private static final Pattern DTSTAMP = Pattern.compile("(?m)^DTSTAMP:[^\r\n]*\r\n");

  public static CalendarFeed of(String body) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(DTSTAMP.matcher(body).replaceAll("").getBytes(StandardCharsets.UTF_8));
      return new CalendarFeed(body, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  public byte[] bytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
