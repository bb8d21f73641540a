package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileIcons;
import cn.edu.ntvu.workbench.portal.domain.TileInputException;
import cn.edu.ntvu.workbench.portal.domain.TileKind;
import cn.edu.ntvu.workbench.portal.domain.TileTexts;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tile configuration as a file, to move it from a test server to production: {@link #write}
 * exports every tile (in scene order, without ids or who changed it), {@link #read} checks a file
 * completely before anything is stored. Pure (no database), so every rule is unit-tested.
 *
 * <pre>{@code
 * {"format":"ntvu-workbench-tiles","formatVersion":1,"exportedAt":"…","icons":{"up-…":"<base64 PNG>"},"tiles":[
 *   {"scene":"TEACHING","name":"查课表","description":"…","icon":"calendar","kind":"INTERNAL","target":"/timetable/",
 *    "enabled":true,"badge":"timetable:classes-left-today",
 *    "visibility":{"everyone":false,"roles":["ADMIN"],"kinds":[],"departments":[],"classes":[],"people":[]}}]}
 * }</pre>
 */
public final class TileTransfer {
  public static final String FORMAT = "ntvu-workbench-tiles";
  public static final int FORMAT_VERSION = 1;

  /** Far more than a workbench has; a file beyond it is not a tile configuration. */
  public static final int MAX_TILES = 500;

  public static final int MAX_BYTES = 1024 * 1024;

  private TileTransfer() {}

  /** A problem of the file, or of one tile in it (index from 1; 0 for the file itself). */
  public record Problem(int tile, String name, String key, List<String> args) {}

  /**
   * What a file holds: the tiles, checked, in order, and the uploaded icons they use (re-encoded,
   * by name); or the problems that stop it from being imported.
   */
  public record Read(List<Tile> tiles, Map<String, byte[]> icons, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** What importing would change, by tile name, against the tiles there are now. */
  public record Changes(
      List<String> added, List<String> changed, List<String> removed, int unchanged) {}

  /**
   * The file for these tiles; {@code icons} holds the PNG of every uploaded icon they use (by
   * name), which travels in the file so that the other server shows the same icons.
   */
  public static byte[] write(
      List<Tile> tiles, Map<String, byte[]> icons, OffsetDateTime exportedAt) {
    JsonArrayBuilder list = Jsons.createArrayBuilder();
    for (Tile t : tiles) {
      JsonObjectBuilder o =
          Jsons.createObjectBuilder().add("scene", t.scene().name()).add("name", t.name());
      if (t.description() != null) {
        o.add("description", t.description());
      }
      addIfSet(o, "nameEn", t.texts().nameEn());
      addIfSet(o, "descriptionEn", t.texts().descriptionEn());
      addIfSet(o, "studentDescription", t.texts().studentDescription());
      addIfSet(o, "studentDescriptionEn", t.texts().studentDescriptionEn());
      addIfSet(o, "keywords", t.texts().keywords());
      o.add("icon", t.icon())
          .add("kind", t.kind().name())
          .add("target", t.target())
          .add("enabled", t.enabled());
      if (t.badgeKey() != null) {
        o.add("badge", t.badgeKey());
      }
      Visibility v = t.visibility();
      o.add(
          "visibility",
          Jsons.createObjectBuilder()
              .add("everyone", v.everyone())
              .add("roles", array(v.roles()))
              .add("kinds", array(v.kinds()))
              .add("departments", array(v.departments()))
              .add("classes", array(v.classes()))
              .add("people", array(v.people())));
      list.add(o);
    }
    JsonObjectBuilder iconData = Jsons.createObjectBuilder();
    new TreeSet<>(icons.keySet())
        .forEach(n -> iconData.add(n, Base64.getEncoder().encodeToString(icons.get(n))));
    JsonObject file =
        Jsons.createObjectBuilder()
            .add("format", FORMAT)
            .add("formatVersion", FORMAT_VERSION)
            .add("exportedAt", exportedAt.toString())
            .add("tiles", list)
            .add("icons", iconData)
            .build();
    StringWriter out = new StringWriter();
    Jsons.createWriterFactory(Map.of("jakarta.json.stream.JsonGenerator.prettyPrinting", true))
        .createWriter(out)
        .write(file);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static JsonArrayBuilder array(Collection<?> values) {
    JsonArrayBuilder b = Jsons.createArrayBuilder();
    new TreeSet<>(values.stream().map(String::valueOf).toList()).forEach(b::add);
    return b;
  }

  /** Reads and checks a whole file; any problem means nothing of it is imported. */
  public static Read read(byte[] bytes) {
    List<Problem> problems = new ArrayList<>();
    if (bytes.length > MAX_BYTES) {
      return failed("workbench.transfer.tooBig", String.valueOf(MAX_BYTES / (1024 * 1024)));
    }
    JsonObject file;
    try (JsonReader r = Jsons.createReader(new ByteArrayInputStream(stripBom(bytes)))) {
      JsonValue v = r.readValue();
      if (v.getValueType() != JsonValue.ValueType.OBJECT) {
        return failed("workbench.transfer.notOurs");
      }
      file = v.asJsonObject();
    } catch (JsonParsingException e) {
      return failed(
          "workbench.transfer.notJson",
          e.getLocation() == null ? "?" : String.valueOf(e.getLocation().getLineNumber()));
    } catch (JsonException | IllegalStateException e) {
      return failed("workbench.transfer.notJson", "?");
    }
    if (!FORMAT.equals(text(file, "format"))) {
      return failed("workbench.transfer.notOurs");
    }
    if (file.getInt("formatVersion", -1) != FORMAT_VERSION) {
      return failed("workbench.transfer.version", String.valueOf(file.get("formatVersion")));
    }
    JsonValue tilesValue = file.get("tiles");
    if (tilesValue == null || tilesValue.getValueType() != JsonValue.ValueType.ARRAY) {
      return failed("workbench.transfer.notOurs");
    }
    JsonArray array = tilesValue.asJsonArray();
    if (array.size() > MAX_TILES) {
      return failed("workbench.transfer.tooMany", String.valueOf(MAX_TILES));
    }
    // Uploaded icons come re-encoded by us, under the name of what we made of them.
    Map<String, String> renamed = new java.util.HashMap<>();
    Map<String, byte[]> icons = new java.util.LinkedHashMap<>();
    JsonValue iconsValue = file.get("icons");
    if (iconsValue != null && iconsValue.getValueType() == JsonValue.ValueType.OBJECT) {
      for (Map.Entry<String, JsonValue> e : iconsValue.asJsonObject().entrySet()) {
        try {
          if (!(e.getValue() instanceof JsonString data)) {
            throw new TileInputException("workbench.icon.damaged");
          }
          IconImage.Icon icon = IconImage.normalize(Base64.getDecoder().decode(data.getString()));
          renamed.put(e.getKey(), icon.name());
          icons.put(icon.name(), icon.png());
        } catch (TileInputException ex) {
          problems.add(new Problem(0, e.getKey(), ex.key(), ex.args()));
        } catch (IllegalArgumentException notBase64) {
          problems.add(new Problem(0, e.getKey(), "workbench.icon.damaged", List.of()));
        }
      }
    }
    List<Tile> tiles = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      int n = i + 1;
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        problems.add(new Problem(n, "", "workbench.transfer.tileNotObject", List.of()));
        continue;
      }
      JsonObject o = array.get(i).asJsonObject();
      String name = text(o, "name");
      try {
        Tile t = tile(o).checked();
        if (TileIcons.isUploaded(t.icon())) {
          String now = renamed.get(t.icon());
          if (now == null) {
            throw new TileInputException("workbench.transfer.iconMissing", t.icon());
          }
          t = t.withIcon(now);
        }
        if (!names.add(t.scene() + "/" + t.name())) {
          problems.add(new Problem(n, name, "workbench.transfer.duplicate", List.of(t.name())));
          continue;
        }
        tiles.add(t);
      } catch (TileInputException e) {
        problems.add(new Problem(n, name == null ? "" : name, e.key(), e.args()));
      }
    }
    if (!problems.isEmpty()) {
      return new Read(List.of(), Map.of(), List.copyOf(problems));
    }
    return new Read(List.copyOf(tiles), Map.copyOf(icons), List.of());
  }

  /** What replacing {@code now} with {@code incoming} changes, matching tiles by scene and name. */
  public static Changes changes(List<Tile> now, List<Tile> incoming) {
    Map<String, Tile> before = index(now);
    Map<String, Tile> after = index(incoming);
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    int unchanged = 0;
    for (Map.Entry<String, Tile> e : after.entrySet()) {
      Tile old = before.get(e.getKey());
      if (old == null) {
        added.add(e.getValue().name());
      } else if (!TileAdmin.fields(old).equals(TileAdmin.fields(e.getValue()))
          || old.position() != e.getValue().position()) {
        changed.add(e.getValue().name());
      } else {
        unchanged++;
      }
    }
    List<String> removed =
        before.entrySet().stream()
            .filter(e -> !after.containsKey(e.getKey()))
            .map(e -> e.getValue().name())
            .toList();
    return new Changes(List.copyOf(added), List.copyOf(changed), removed, unchanged);
  }

  /**
   * Tiles by scene and name, each with its position within its scene as the file (or the list)
   * orders them.
   */
  private static Map<String, Tile> index(List<Tile> tiles) {
    Map<String, Tile> out = new java.util.LinkedHashMap<>();
    Map<Scene, Integer> next = new java.util.EnumMap<>(Scene.class);
    for (Tile t : tiles) {
      int position = next.merge(t.scene(), 1, Integer::sum) - 1;
      out.put(t.scene() + "/" + t.name(), t.withPosition(position));
    }
    return out;
  }

  private static Tile tile(JsonObject o) {
    Scene scene = parse(Scene.class, text(o, "scene"), "workbench.transfer.scene");
    TileKind kind = parse(TileKind.class, text(o, "kind"), "workbench.transfer.kind");
    JsonValue vv = o.get("visibility");
    if (vv == null || vv.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new TileInputException("workbench.transfer.visibility");
    }
    JsonObject v = vv.asJsonObject();
    Visibility visibility =
        new Visibility(
            v.getBoolean("everyone", false),
            values(v, "roles", s -> required(Role.parse(s), "workbench.transfer.role", s)),
            values(v, "kinds", s -> parse(PersonKind.class, s, "workbench.transfer.personKind")),
            values(v, "departments", Function.identity()),
            values(v, "classes", Function.identity()),
            values(v, "people", Function.identity()));
    JsonValue enabled = o.get("enabled");
    return new Tile(
        0,
        scene,
        0,
        text(o, "name"),
        text(o, "description"),
        text(o, "icon"),
        kind,
        text(o, "target"),
        enabled == null || enabled == JsonValue.TRUE,
        text(o, "badge"),
        visibility,
        0,
        null,
        null,
        new TileTexts(
            text(o, "nameEn"),
            text(o, "descriptionEn"),
            text(o, "studentDescription"),
            text(o, "studentDescriptionEn"),
            text(o, "keywords")));
  }

  private static void addIfSet(JsonObjectBuilder o, String field, String value) {
    if (value != null) {
      o.add(field, value);
    }
  }

  private static <T> Set<T> values(JsonObject o, String field, Function<String, T> parse) {
    JsonValue v = o.get(field);
    if (v == null || v == JsonValue.NULL) {
      return Set.of();
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new TileInputException("workbench.transfer.visibility");
    }
    return v.asJsonArray().stream()
        .map(x -> x instanceof JsonString s ? s.getString().strip() : x.toString())
        .filter(s -> !s.isEmpty())
        .map(parse)
        .collect(Collectors.toSet());
  }

  private static <T> T required(T value, String key, String text) {
    if (value == null) {
      throw new TileInputException(key, text);
    }
    return value;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String text, String key) {
    if (text != null) {
      for (E e : EnumSet.allOf(type)) {
        if (e.name().equals(text.strip())) {
          return e;
        }
      }
    }
    throw new TileInputException(key, text == null ? "" : text);
  }

  private static String text(JsonObject o, String field) {
    JsonValue v = o.get(field);
    return v instanceof JsonString s ? s.getString() : null;
  }

  private static byte[] stripBom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return java.util.Arrays.copyOfRange(b, 3, b.length);
    }
    return b;
  }

  private static Read failed(String key, String... args) {
    return new Read(List.of(), Map.of(), List.of(new Problem(0, "", key, List.of(args))));
  }
}
