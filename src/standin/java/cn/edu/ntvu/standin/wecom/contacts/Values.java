package cn.edu.ntvu.standin.wecom.contacts;

import cn.edu.ntvu.standin.StandInJson;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.SecureRandom;

/** Small readings and answers every part of the contacts shares. */
final class Values {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Values() {}

  static long number(JsonObject o, String field) {
    return o.get(field) instanceof JsonNumber n ? n.longValue() : 0;
  }

  /** A number in text, or -1 when it is none. */
  static long parseLong(String s) {
    try {
      return Long.parseLong(s == null ? "" : s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static JsonObjectBuilder ok() {
    return StandInJson.ok();
  }

  static JsonObject done(String errmsg) {
    return StandInJson.error(0, errmsg);
  }

  static JsonObject error(int errcode, String errmsg) {
    return StandInJson.error(errcode, errmsg);
  }

  static String random() {
    return Long.toHexString(RANDOM.nextLong()) + Long.toHexString(RANDOM.nextLong());
  }
}
