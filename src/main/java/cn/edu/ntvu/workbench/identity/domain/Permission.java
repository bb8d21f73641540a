package cn.edu.ntvu.workbench.identity.domain;

import java.util.Locale;

/**
 * Something a person may do beyond their directory roles, because an admin said so (table {@code
 * permission_grant}, managed on the admin people page, audited). Unlike roles, the directory import
 * never grants or removes one.
 */
public enum Permission {
  /**
   * 收集表全校发布: publish a form to the whole school, another department, a class or person outside
   * one's own, or by role. Without it a teacher publishes to their own departments and classes
   * only.
   */
  FORMS_PUBLISH_ANY("forms.publish-any");

  private final String code;

  Permission(String code) {
    this.code = code;
  }

  /** The name in the table, the audit log and the docs, e.g. {@code forms.publish-any}. */
  public String code() {
    return code;
  }

  /** The permission named {@code code}; null for an unknown one. */
  public static Permission ofCode(String code) {
    for (Permission p : values()) {
      if (p.code.equals(code == null ? null : code.strip().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    return null;
  }
}
