package cn.edu.ntvu.workbench.forms.domain;

import java.io.Serializable;

/**
 * One line of a form's audience; the audience is everyone any line names (active people only).
 *
 * @param value a department code (its sub-departments included), a class code, a role name, an
 *     account; unused for {@link Kind#MY_CLASSES}
 */
public record AudienceRule(Kind kind, String value) implements Serializable {
  public enum Kind {
    /** Everyone of a department and its sub-departments (students through their class). */
    DEPARTMENT,
    /** The students of a class. */
    CLASS,
    /** Everyone holding a role. */
    ROLE,
    /** One named person. */
    PERSON,
    /** For a counsellor: the students of the classes they look after. */
    MY_CLASSES
  }

  public AudienceRule {
    if (kind == null) {
      throw new IllegalArgumentException("an audience line needs a kind");
    }
    value = kind == Kind.MY_CLASSES ? "" : value == null ? "" : value.strip();
    if (kind != Kind.MY_CLASSES && (value.isEmpty() || value.length() > 64)) {
      throw new IllegalArgumentException("an audience line needs a value");
    }
  }
}
