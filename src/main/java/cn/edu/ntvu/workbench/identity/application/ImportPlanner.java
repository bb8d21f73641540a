package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.ClassEntry;
import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.DepartmentEntry;
import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.PersonEntry;
import cn.edu.ntvu.workbench.identity.application.PlannedChange.Change;
import cn.edu.ntvu.workbench.platform.imports.TabularFile;
import cn.edu.ntvu.workbench.platform.imports.TabularRow;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an uploaded directory file against the directory and decides what each line does. It is
 * pure (no database, no container) so that every rule can be tested directly; the service feeds it
 * a snapshot and writes its plan. All problems of all lines are collected, so the admin can fix the
 * file in one go.
 */
public final class ImportPlanner {
  static final int MAX_PERSON_NAME = 64;
  static final int MAX_UNIT_NAME = 100;
  static final int MAX_EMAIL = 120;
  static final int MAX_POSITION = 64;
  static final int MIN_GRADE = 2000;
  static final int MAX_GRADE = 2100;

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern MOBILE_NOISE = Pattern.compile("[\\s\\-()（）]");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern ROLE_SEPARATOR = Pattern.compile("[;；,，、]");

  public ImportPlan plan(ImportKind kind, TabularFile file, DirectorySnapshot directory) {
    Check check = new Check();
    for (String column : file.columns()) {
      if (!kind.columns().columns().contains(column)) {
        check.warning(0, "", "import.warn.unknownColumn", column);
      }
    }
    for (TabularRow row : file.rows()) {
      if (row.cellCount() > file.columns().size()) {
        check.error(
            row.line(), "", "import.row.tooManyCells", row.cellCount(), file.columns().size());
      }
    }
    return switch (kind) {
      case DEPARTMENTS ->
          new ImportPlan(
              kind, planDepartments(file, directory, check), List.of(), List.of(), check.problems);
      case CLASSES ->
          new ImportPlan(
              kind, List.of(), planClasses(file, directory, check), List.of(), check.problems);
      case PEOPLE ->
          new ImportPlan(
              kind, List.of(), List.of(), planPeople(file, directory, check), check.problems);
    };
  }

  private List<PlannedChange<DepartmentEntry>> planDepartments(
      TabularFile file, DirectorySnapshot directory, Check check) {
    Map<String, Integer> firstLine = new HashMap<>();
    Map<String, PlannedChange<DepartmentEntry>> valid = new LinkedHashMap<>();
    for (TabularRow row : file.rows()) {
      int errors = check.errorCount();
      String code = check.code(row, "dept_code");
      String name = check.text(row, "dept_name", MAX_UNIT_NAME, true);
      String parent = row.get("parent_code");
      if (!parent.isEmpty() && !CODE.matcher(parent).matches()) {
        check.error(row.line(), "parent_code", "import.row.badCode", parent);
      }
      check.duplicate(row, "dept_code", code, firstLine);
      if (code != null && code.equals(parent)) {
        check.error(row.line(), "parent_code", "import.row.selfParent", code);
      }
      if (check.errorCount() == errors) {
        DepartmentEntry entry = new DepartmentEntry(code, name, parent.isEmpty() ? null : parent);
        valid.put(
            code,
            new PlannedChange<>(
                row.line(), change(entry, directory.departments().get(code)), entry));
      }
    }
    Map<String, String> parents = new HashMap<>();
    directory.departments().values().forEach(d -> parents.put(d.code(), d.parentCode()));
    valid.values().forEach(c -> parents.put(c.entry().code(), c.entry().parentCode()));
    List<PlannedChange<DepartmentEntry>> plan = new ArrayList<>();
    for (PlannedChange<DepartmentEntry> c : valid.values()) {
      String parent = c.entry().parentCode();
      if (parent != null && !parents.containsKey(parent) && !firstLine.containsKey(parent)) {
        check.error(c.line(), "parent_code", "import.row.unknownParent", parent);
        continue;
      }
      String cycle = cycleThrough(c.entry().code(), parents);
      if (cycle != null) {
        check.error(c.line(), "parent_code", "import.row.departmentCycle", cycle);
        continue;
      }
      plan.add(c);
    }
    return plan;
  }

  /**
   * The cycle {@code code} is part of, as "A → B → A", or null when its ancestors end at a root.
   */
  private static String cycleThrough(String code, Map<String, String> parents) {
    List<String> path = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String d = code; d != null; d = parents.get(d)) {
      path.add(d);
      if (!seen.add(d)) {
        return d.equals(code) ? String.join(" → ", path) : null;
      }
    }
    return null;
  }

  private List<PlannedChange<ClassEntry>> planClasses(
      TabularFile file, DirectorySnapshot directory, Check check) {
    Map<String, Integer> firstLine = new HashMap<>();
    List<PlannedChange<ClassEntry>> plan = new ArrayList<>();
    for (TabularRow row : file.rows()) {
      int errors = check.errorCount();
      String code = check.code(row, "class_code");
      String name = check.text(row, "class_name", MAX_UNIT_NAME, true);
      String dept = check.code(row, "dept_code");
      if (dept != null && !directory.departments().containsKey(dept)) {
        check.error(row.line(), "dept_code", "import.row.unknownDepartment", dept);
      }
      Integer grade = check.grade(row);
      String counsellor = row.get("counsellor_account");
      if (!counsellor.isEmpty()) {
        if (!CODE.matcher(counsellor).matches()) {
          check.error(row.line(), "counsellor_account", "import.row.badCode", counsellor);
        } else if (!directory.people().containsKey(counsellor)) {
          check.warning(
              row.line(), "counsellor_account", "import.warn.unknownCounsellor", counsellor);
        }
      }
      check.duplicate(row, "class_code", code, firstLine);
      if (check.errorCount() == errors) {
        ClassEntry entry =
            new ClassEntry(code, name, dept, grade, counsellor.isEmpty() ? null : counsellor);
        plan.add(
            new PlannedChange<>(row.line(), change(entry, directory.classes().get(code)), entry));
      }
    }
    return plan;
  }

  private List<PlannedChange<PersonEntry>> planPeople(
      TabularFile file, DirectorySnapshot directory, Check check) {
    Map<String, Integer> firstLine = new HashMap<>();
    Map<String, Integer> mobileLine = new HashMap<>();
    Map<String, String> directoryMobiles = new HashMap<>();
    Set<String> counsellors = new HashSet<>();
    for (ClassEntry c : directory.classes().values()) {
      if (c.counsellorAccount() != null) {
        counsellors.add(c.counsellorAccount());
      }
    }
    Set<String> accountsInFile = new HashSet<>();
    for (TabularRow row : file.rows()) {
      accountsInFile.add(row.get("account"));
    }
    for (PersonEntry p : directory.people().values()) {
      if (p.mobile() != null && !accountsInFile.contains(p.account())) {
        directoryMobiles.putIfAbsent(p.mobile(), p.account());
      }
    }
    List<PlannedChange<PersonEntry>> plan = new ArrayList<>();
    for (TabularRow row : file.rows()) {
      int line = row.line();
      int errors = check.errorCount();
      String account = check.code(row, "account");
      String name = check.text(row, "name", MAX_PERSON_NAME, true);
      PersonKind kind = null;
      String kindText = row.get("kind");
      if (kindText.isEmpty()) {
        check.error(line, "kind", "import.row.required", "kind");
      } else {
        kind = PersonKind.parse(kindText);
        if (kind == null) {
          check.error(line, "kind", "import.row.badKind", kindText);
        }
      }
      Integer gender = check.gender(row);
      String mobile = check.mobile(row);
      String email = check.text(row, "email", MAX_EMAIL, false);
      if (email != null && !EMAIL.matcher(email).matches()) {
        check.error(line, "email", "import.row.badEmail", email);
      }
      String position = check.text(row, "position", MAX_POSITION, false);
      String classCode = row.get("class_code");
      ClassEntry schoolClass = null;
      if (!classCode.isEmpty()) {
        schoolClass = directory.classes().get(classCode);
        if (schoolClass == null) {
          check.error(line, "class_code", "import.row.unknownClass", classCode);
        }
      } else if (kind == PersonKind.STUDENT) {
        check.error(line, "class_code", "import.row.studentWithoutClass");
      }
      String deptCode = row.get("dept_code");
      if (!deptCode.isEmpty() && !directory.departments().containsKey(deptCode)) {
        check.error(line, "dept_code", "import.row.unknownDepartment", deptCode);
      }
      if (deptCode.isEmpty() && schoolClass != null) {
        deptCode = schoolClass.deptCode();
      }
      Set<Role> roles = check.roles(row);
      if (roles.contains(Role.DEAN) && deptCode.isEmpty()) {
        check.error(line, "dept_code", "import.row.deanWithoutDepartment");
      }
      check.duplicate(row, "account", account, firstLine);
      if (roles.contains(Role.COUNSELLOR) && account != null && !counsellors.contains(account)) {
        check.warning(line, "roles", "import.warn.counsellorWithoutClass", account);
        // A counsellor grant is scoped to classes; with none there is nothing to grant, and
        // comparing with the
        // stored grants must not see a change on every re-import.
        roles.remove(Role.COUNSELLOR);
      } else if (!roles.contains(Role.COUNSELLOR) && counsellors.contains(account)) {
        check.warning(line, "roles", "import.warn.counsellorRoleMissing", account);
      }
      if (mobile != null) {
        Integer other = mobileLine.putIfAbsent(mobile, line);
        if (other != null) {
          check.warning(line, "mobile", "import.warn.duplicateMobileInFile", other, line);
        } else if (directoryMobiles.containsKey(mobile)) {
          check.warning(
              line,
              "mobile",
              "import.warn.duplicateMobileInDirectory",
              directoryMobiles.get(mobile));
        }
      }
      if (check.errorCount() == errors) {
        PersonEntry entry =
            new PersonEntry(
                account,
                name,
                kind,
                gender,
                mobile,
                email,
                deptCode.isEmpty() ? null : deptCode,
                classCode.isEmpty() ? null : classCode,
                position,
                roles);
        plan.add(new PlannedChange<>(line, change(entry, directory.people().get(account)), entry));
      }
    }
    return plan;
  }

  private static <T> Change change(T entry, T existing) {
    if (existing == null) {
      return Change.CREATE;
    }
    return Objects.equals(entry, existing) ? Change.UNCHANGED : Change.UPDATE;
  }

  /**
   * Normalises what admins type for a Chinese mobile: spaces, dashes and a {@code +86}/{@code 0086}
   * prefix go. Returns null for text that is still not {@code 1[3-9]} followed by nine digits.
   */
  public static String normaliseMobile(String text) {
    String m = MOBILE_NOISE.matcher(text == null ? "" : text).replaceAll("");
    if (m.startsWith("+86")) {
      m = m.substring(3);
    } else if (m.startsWith("0086")) {
      m = m.substring(4);
    } else if (m.startsWith("86") && m.length() == 13) {
      m = m.substring(2);
    }
    return MOBILE.matcher(m).matches() ? m : null;
  }

  /** Collects problems and reads single cells, reporting what is wrong with them. */
  private static final class Check {
    private final List<ImportProblem> problems = new ArrayList<>();
    private int errors;

    int errorCount() {
      return errors;
    }

    void error(int line, String column, String key, Object... args) {
      problems.add(ImportProblem.error(line, column, key, args));
      errors++;
    }

    void warning(int line, String column, String key, Object... args) {
      problems.add(ImportProblem.warning(line, column, key, args));
    }

    String code(TabularRow row, String column) {
      String value = row.get(column);
      if (value.isEmpty()) {
        error(row.line(), column, "import.row.required", column);
        return null;
      }
      if (!CODE.matcher(value).matches()) {
        error(row.line(), column, "import.row.badCode", value);
        return null;
      }
      return value;
    }

    String text(TabularRow row, String column, int max, boolean required) {
      String value = row.get(column);
      if (value.isEmpty()) {
        if (required) {
          error(row.line(), column, "import.row.required", column);
        }
        return null;
      }
      int length = value.codePointCount(0, value.length());
      if (length > max) {
        error(row.line(), column, "import.row.tooLong", column, max, length);
        return null;
      }
      return value;
    }

    void duplicate(TabularRow row, String column, String code, Map<String, Integer> firstLine) {
      if (code == null) {
        return;
      }
      Integer first = firstLine.putIfAbsent(code, row.line());
      if (first != null) {
        error(row.line(), column, "import.row.duplicate", column, code, first, row.line());
      }
    }

    Integer grade(TabularRow row) {
      String value = row.get("grade");
      if (value.isEmpty()) {
        error(row.line(), "grade", "import.row.required", "grade");
        return null;
      }
      try {
        int grade =
            Integer.parseInt(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
        if (grade >= MIN_GRADE && grade <= MAX_GRADE) {
          return grade;
        }
      } catch (NumberFormatException e) {
        // reported below like an out-of-range grade
      }
      error(row.line(), "grade", "import.row.badGrade", value, MIN_GRADE, MAX_GRADE);
      return null;
    }

    Integer gender(TabularRow row) {
      String value = row.get("gender");
      switch (value) {
        case "":
          return null;
        case "1", "男":
          return 1;
        case "2", "女":
          return 2;
        default:
          error(row.line(), "gender", "import.row.badGender", value);
          return null;
      }
    }

    String mobile(TabularRow row) {
      String value = row.get("mobile");
      if (value.isEmpty()) {
        return null;
      }
      String mobile = normaliseMobile(value);
      if (mobile == null) {
        error(row.line(), "mobile", "import.row.badMobile", value);
      }
      return mobile;
    }

    Set<Role> roles(TabularRow row) {
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (String name : ROLE_SEPARATOR.split(row.get("roles"))) {
        if (name.isBlank()) {
          continue;
        }
        Role role = Role.parse(name);
        if (role == null) {
          error(row.line(), "roles", "import.row.unknownRole", name.strip());
        } else {
          roles.add(role);
        }
      }
      return roles;
    }
  }
}
