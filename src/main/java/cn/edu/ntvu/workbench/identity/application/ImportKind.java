package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.platform.imports.ColumnSpec;
import java.util.List;
import java.util.Set;

/**
 * Which directory file an admin uploads; they are imported in this order, each referring to the
 * ones before.
 */
public enum ImportKind {
  DEPARTMENTS(
      new ColumnSpec(
          List.of("dept_code", "dept_name", "parent_code"), Set.of("dept_code", "dept_name"))),
  CLASSES(
      new ColumnSpec(
          List.of("class_code", "class_name", "dept_code", "grade", "counsellor_account"),
          Set.of("class_code", "class_name", "dept_code", "grade"))),
  PEOPLE(
      new ColumnSpec(
          List.of(
              "account",
              "name",
              "kind",
              "gender",
              "mobile",
              "email",
              "dept_code",
              "class_code",
              "position",
              "roles"),
          Set.of("account", "name", "kind")));

  private final ColumnSpec columns;

  ImportKind(ColumnSpec columns) {
    this.columns = columns;
  }

  public ColumnSpec columns() {
    return columns;
  }
}
