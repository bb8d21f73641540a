package cn.edu.ntvu.standin;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * One JSON provider for the whole stand-in: {@code jakarta.json.Json}'s static methods look the
 * provider up again on every call, which the outbox benchmark's thousands of messages would pay
 * for.
 */
public final class StandInJson {
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private StandInJson() {}

  public static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonArrayBuilder array() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonReader reader(String text) {
    return PROVIDER.createReader(new StringReader(text));
  }

  /** The text as a JSON object, or null when it is not one. */
  public static JsonObject readObject(String text) {
    try (JsonReader reader = reader(text == null ? "" : text)) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }

  /** WeCom's answer shape: {@code {"errcode": n, "errmsg": "…"}}. */
  public static JsonObject error(int errcode, String errmsg) {
    return object().add("errcode", errcode).add("errmsg", errmsg).build();
  }

  /** {@code {"errcode": 0, "errmsg": "ok"}}, to add the answer's own fields to. */
  public static JsonObjectBuilder ok() {
    return object().add("errcode", 0).add("errmsg", "ok");
  }
}
