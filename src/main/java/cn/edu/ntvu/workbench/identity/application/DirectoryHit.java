package cn.edu.ntvu.workbench.identity.application;

import java.io.Serializable;

/**
 * One thing the picker offers or holds as a chip.
 *
 * @param key the class or department code, the role's name ({@code COUNSELLOR}) or the account
 * @param name what people call it: the class's or department's name, the role's Chinese name, the
 *     person's name
 * @param detail a second line that tells two alike apart (the department of a class, a person's
 *     account and class)
 */
public record DirectoryHit(PickKind kind, String key, String name, String detail)
    implements Serializable {
  /** The chip's value in a form: {@code CLASS:J2401}. */
  public String id() {
    return kind.name() + ":" + key;
  }

  /** {@code CLASS:J2401} back to its kind and key; null for anything else. */
  public static String[] parseId(String id) {
    if (id == null) {
      return null;
    }
    int colon = id.indexOf(':');
    if (colon <= 0 || colon == id.length() - 1 || id.length() > 80) {
      return null;
    }
    try {
      PickKind.valueOf(id.substring(0, colon));
    } catch (IllegalArgumentException e) {
      return null;
    }
    return new String[] {id.substring(0, colon), id.substring(colon + 1)};
  }
}
