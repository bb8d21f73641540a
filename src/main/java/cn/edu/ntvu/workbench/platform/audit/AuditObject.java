package cn.edu.ntvu.workbench.platform.audit;

import java.util.Objects;

/**
 * What a change was made to: a type the admin filters by ({@code import_batch}, {@code term},
 * {@code tile} …), the object's id within that type, and a label a person recognises (a file name,
 * a tile's title) as it was at the time.
 */
public record AuditObject(String type, String id, String label) {
  public AuditObject {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("an audit entry needs the object's type");
    }
    type = cut(type.strip(), 32);
    id = cut(Objects.requireNonNullElse(id, "").strip(), 64);
    label = cut(Objects.requireNonNullElse(label, "").strip(), 255);
  }

  public static AuditObject of(String type, Object id, String label) {
    return new AuditObject(type, id == null ? "" : String.valueOf(id), label);
  }

  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
