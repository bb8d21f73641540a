package cn.edu.ntvu.workbench.platform.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The factory methods of {@link jakarta.json.Json} on one provider looked up once. {@code
 * Json.createObjectBuilder()} and its siblings ask the {@link java.util.ServiceLoader} for a
 * provider on every call, which scans the class path: under load that was an eighth of the CPU of a
 * leave submit (JFR, bench/leave.sh). Use these instead.
 */
public final class Jsons {
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}

  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
    return PROVIDER.createObjectBuilder(object);
  }

  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  public static JsonReader createReader(InputStream in) {
    return PROVIDER.createReader(in);
  }

  public static JsonWriterFactory createWriterFactory(Map<String, ?> config) {
    return PROVIDER.createWriterFactory(config);
  }

  public static JsonString createValue(String value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(long value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(double value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(BigDecimal value) {
    return PROVIDER.createValue(value);
  }
}
