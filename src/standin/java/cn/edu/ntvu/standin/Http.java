package cn.edu.ntvu.standin;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every stand-in servlet does with HTTP: read a body, answer JSON as WeCom does, refuse a bad
 * request.
 */
public final class Http {
  /**
   * A body larger than this is not a WeCom call or a test control (a contacts CSV of 20,000 people
   * is ~1.5 MB).
   */
  static final int MAX_BODY = 16 * 1024 * 1024;

  /**
   * An answer carrying this number asks for that HTTP status with no JSON, as a proxy in front of
   * WeCom would answer during an outage ({@code _control} {@code failFor} with {@code httpStatus}).
   */
  public static final String HTTP_STATUS = "_httpStatus";

  private Http() {}

  public static byte[] body(HttpServletRequest req) throws IOException {
    byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new IOException("body too large");
    }
    return body;
  }

  public static String text(HttpServletRequest req) throws IOException {
    return new String(body(req), StandardCharsets.UTF_8);
  }

  /** The query parameters, the first value of each. */
  public static Map<String, String> query(HttpServletRequest req) {
    Map<String, String> out = new LinkedHashMap<>();
    req.getParameterMap().forEach((k, v) -> out.put(k, v.length == 0 ? "" : v[0]));
    return out;
  }

  /**
   * WeCom answers HTTP 200 with an errcode; an injected outage may ask for an HTTP status instead.
   */
  public static void json(HttpServletResponse res, JsonObject answer) throws IOException {
    if (answer.get(HTTP_STATUS) instanceof JsonNumber status) {
      res.setStatus(status.intValue());
      res.setContentType("text/plain;charset=UTF-8");
      res.getWriter().write("stand-in outage");
      return;
    }
    res.setStatus(200);
    res.setContentType("application/json;charset=UTF-8");
    res.getWriter().write(answer.toString());
  }

  /** 400 with {@code {"error": reason}}: a test control that does not make sense. */
  public static void badRequest(HttpServletResponse res, String reason) throws IOException {
    res.setStatus(400);
    res.setContentType("application/json;charset=UTF-8");
    res.getWriter().write(StandInJson.object().add("error", reason).build().toString());
  }
}
