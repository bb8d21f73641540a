package cn.edu.ntvu.workbench.platform.audit;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The before/after values of one change, reduced to the fields that differ and kept as two small
 * JSON objects (the {@code before_values} and {@code after_values} columns). Values are compared as
 * text, so {@code 3} and {@code "3"} are the same value. Pure, so the rules are unit-tested.
 */
public record AuditDiff(JsonObject before, JsonObject after) {
  public static final AuditDiff NONE =
      new AuditDiff(JsonValue.EMPTY_JSON_OBJECT, JsonValue.EMPTY_JSON_OBJECT);

  public AuditDiff {
    Objects.requireNonNull(before);
    Objects.requireNonNull(after);
  }

  /**
   * The fields whose value differs between the two states, in the order they first appear (before's
   * keys, then after's new ones). A field missing on one side, or null there, counts as absent and
   * is not stored on that side.
   */
  public static AuditDiff between(Map<String, ?> before, Map<String, ?> after) {
    Set<String> fields = new LinkedHashSet<>(before.keySet());
    fields.addAll(after.keySet());
    JsonObjectBuilder b = Jsons.createObjectBuilder();
    JsonObjectBuilder a = Jsons.createObjectBuilder();
    for (String field : fields) {
      Object old = before.get(field);
      Object now = after.get(field);
      if (Objects.equals(text(old), text(now))) {
        continue;
      }
      // an absent value is left out rather than stored as null: the rows stay small
      if (old != null) {
        b.add(field, json(old));
      }
      if (now != null) {
        a.add(field, json(now));
      }
    }
    return new AuditDiff(b.build(), a.build());
  }

  /** A new object: every field of it, nothing before. */
  public static AuditDiff created(Map<String, ?> after) {
    return between(Map.of(), after);
  }

  /** Reads back the two stored columns; text that is not a JSON object reads as empty. */
  public static AuditDiff parse(String before, String after) {
    return new AuditDiff(object(before), object(after));
  }

  public List<FieldChange> changes() {
    Set<String> fields = new LinkedHashSet<>(before.keySet());
    fields.addAll(after.keySet());
    List<FieldChange> out = new ArrayList<>();
    for (String f : fields) {
      out.add(new FieldChange(f, text(before.get(f)), text(after.get(f))));
    }
    return out;
  }

  public boolean isEmpty() {
    return before.isEmpty() && after.isEmpty();
  }

  private static JsonValue json(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof Boolean bool) {
      return bool ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return Jsons.createValue(((Number) value).longValue());
    }
    if (value instanceof BigDecimal d) {
      return Jsons.createValue(d);
    }
    return Jsons.createValue(String.valueOf(value));
  }

  private static String text(Object value) {
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonNumber n) {
      return n.toString();
    }
    return String.valueOf(value);
  }

  private static JsonObject object(String text) {
    if (text == null || text.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (var reader = Jsons.createReader(new StringReader(text))) {
      JsonValue v = reader.readValue();
      return v.getValueType() == JsonValue.ValueType.OBJECT
          ? v.asJsonObject()
          : JsonValue.EMPTY_JSON_OBJECT;
    } catch (RuntimeException e) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
  }
}
