package cn.edu.ntvu.workbench.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.ClassEntry;
import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.DepartmentEntry;
import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.PersonEntry;
import cn.edu.ntvu.workbench.identity.application.PlannedChange.Change;
import cn.edu.ntvu.workbench.platform.imports.TabularFileReader;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ImportPlannerTest {
  static final String PEOPLE_HEADER =
      "account,name,kind,gender,mobile,email,dept_code,class_code,position,roles\n";

  private final ImportPlanner planner = new ImportPlanner();

  static DirectorySnapshot school() {
    return new DirectorySnapshot(
        byKey(
            DepartmentEntry::code,
            new DepartmentEntry("000", "南通职业大学", null),
            new DepartmentEntry("01", "机械工程学院", "000"),
            new DepartmentEntry("02", "电子信息工程学院", "000")),
        byKey(
            ClassEntry::code,
            new ClassEntry("2401000", "机械制造241班", "01", 2024, "10001"),
            new ClassEntry("2402003", "计算机应用241班", "02", 2024, "10069")),
        byKey(
            PersonEntry::account,
            new PersonEntry(
                "10001",
                "毛敏",
                PersonKind.STAFF,
                1,
                "17772769310",
                "t10001@ntvu.example",
                "01",
                null,
                "教师",
                Set.of(Role.COUNSELLOR, Role.TEACHER)),
            new PersonEntry(
                "10099",
                "韦建杰",
                PersonKind.STAFF,
                2,
                "13900000099",
                null,
                "02",
                null,
                null,
                Set.of(Role.TEACHER))));
  }

  @SafeVarargs
  static <T> Map<String, T> byKey(Function<T, String> key, T... values) {
    return List.of(values).stream().collect(Collectors.toMap(key, v -> v));
  }

  ImportPlan plan(ImportKind kind, String csv, DirectorySnapshot directory) throws Exception {
    return planner.plan(
        kind,
        new TabularFileReader().read("f.csv", csv.getBytes(StandardCharsets.UTF_8), kind.columns()),
        directory);
  }

  ImportPlan people(String lines) throws Exception {
    return plan(ImportKind.PEOPLE, PEOPLE_HEADER + lines, school());
  }

  static List<String> errorKeys(ImportPlan plan) {
    return plan.errors().stream().map(ImportProblem::messageKey).toList();
  }

  @Test
  void validPeopleAreCreatedWithNormalisedMobile() throws Exception {
    ImportPlan plan =
        people(
            "260100001,张三,student,1,+86 138-0000-0001,zs@ntvu.example,,2401000,,student\n"
                + "10200,李四,staff,2,,,02,,教师,dean;teacher\n");

    assertThat(plan.problems()).isEmpty();
    assertThat(plan.count(Change.CREATE)).isEqualTo(2);
    PersonEntry student = plan.people().get(0).entry();
    assertThat(student.mobile()).isEqualTo("13800000001");
    assertThat(student.deptCode()).as("department comes from the class").isEqualTo("01");
    assertThat(plan.people().get(1).entry().roles())
        .containsExactlyInAnyOrder(Role.DEAN, Role.TEACHER);
  }

  @Test
  void reimportOfTheSameDataChangesNothingAndAChangedNameUpdates() throws Exception {
    String same = "10001,毛敏,staff,1,17772769310,t10001@ntvu.example,01,,教师,counsellor;teacher\n";
    assertThat(people(same).count(Change.UNCHANGED)).isEqualTo(1);
    assertThat(people(same).problems()).isEmpty();

    ImportPlan renamed = people(same.replace("毛敏", "毛敏敏"));
    assertThat(renamed.count(Change.UPDATE)).isEqualTo(1);
    assertThat(renamed.count(Change.UNCHANGED)).isZero();

    ImportPlan roleDropped = people(same.replace("counsellor;teacher", "teacher"));
    assertThat(roleDropped.count(Change.UPDATE)).isEqualTo(1);
  }

  @Test
  void duplicateAccountNamesBothLines() throws Exception {
    ImportPlan plan =
        people(
            "10200,李四,staff,2,,,02,,,teacher\n"
                + "10201,王五,staff,2,,,02,,,teacher\n"
                + "10200,李四四,staff,2,,,02,,,teacher\n");

    assertThat(plan.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.messageKey()).isEqualTo("import.row.duplicate");
              assertThat(p.line()).isEqualTo(4);
              assertThat(p.args()).containsExactly("account", "10200", "2", "4");
            });
  }

  @Test
  void everyPersonFieldRuleHasItsOwnMessage() throws Exception {
    String longName = "张".repeat(70);
    ImportPlan plan =
        people(
            ",无名,staff,,,,,,,\n"
                + "a b,坏账号,staff,,,,,,,\n"
                + "x".repeat(33)
                + ",太长,staff,,,,,,,\n"
                + "10301,"
                + longName
                + ",staff,,,,,,,\n"
                + "10302,,staff,,,,,,,\n"
                + "10303,类型,alien,,,,,,,\n"
                + "10304,性别,staff,3,,,,,,\n"
                + "10305,手机,staff,,12345678901,,,,,\n"
                + "10306,邮箱,staff,,,not-an-email,,,,\n"
                + "10307,角色,staff,,,,,,,teacher;wizard\n"
                + "10308,学生,student,,,,01,,,student\n"
                + "10309,班级,student,,,,,9999999,,student\n"
                + "10310,院系,staff,,,,99,,,teacher\n"
                + "10311,院长,staff,,,,,,,dean\n"
                + "10312,类型空,,,,,,,,\n");

    assertThat(plan.errors())
        .extracting(ImportProblem::line, ImportProblem::column, ImportProblem::messageKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "account", "import.row.required"),
            org.assertj.core.groups.Tuple.tuple(3, "account", "import.row.badCode"),
            org.assertj.core.groups.Tuple.tuple(4, "account", "import.row.badCode"),
            org.assertj.core.groups.Tuple.tuple(5, "name", "import.row.tooLong"),
            org.assertj.core.groups.Tuple.tuple(6, "name", "import.row.required"),
            org.assertj.core.groups.Tuple.tuple(7, "kind", "import.row.badKind"),
            org.assertj.core.groups.Tuple.tuple(8, "gender", "import.row.badGender"),
            org.assertj.core.groups.Tuple.tuple(9, "mobile", "import.row.badMobile"),
            org.assertj.core.groups.Tuple.tuple(10, "email", "import.row.badEmail"),
            org.assertj.core.groups.Tuple.tuple(11, "roles", "import.row.unknownRole"),
            org.assertj.core.groups.Tuple.tuple(12, "class_code", "import.row.studentWithoutClass"),
            org.assertj.core.groups.Tuple.tuple(13, "class_code", "import.row.unknownClass"),
            org.assertj.core.groups.Tuple.tuple(14, "dept_code", "import.row.unknownDepartment"),
            org.assertj.core.groups.Tuple.tuple(
                15, "dept_code", "import.row.deanWithoutDepartment"),
            org.assertj.core.groups.Tuple.tuple(16, "kind", "import.row.required"));
    assertThat(plan.errors().get(3).args()).containsExactly("name", "64", "70");
    assertThat(plan.errors().get(9).args()).containsExactly("wizard");
    assertThat(plan.people()).isEmpty();
  }

  @Test
  void tooManyCellsOnALineIsAnError() throws Exception {
    ImportPlan plan = people("10200,李四,staff,2,,,02,,,teacher,extra\n");
    assertThat(errorKeys(plan)).containsExactly("import.row.tooManyCells");
  }

  @Test
  void duplicateMobilesWarnButDoNotBlock() throws Exception {
    ImportPlan plan =
        people(
            "10200,李四,staff,2,13800000001,,02,,,teacher\n"
                + "10201,王五,staff,2,138 0000 0001,,02,,,teacher\n"
                + "10202,赵六,staff,2,13900000099,,02,,,teacher\n");

    assertThat(plan.hasErrors()).isFalse();
    assertThat(plan.warnings())
        .extracting(ImportProblem::line, ImportProblem::messageKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "import.warn.duplicateMobileInFile"),
            org.assertj.core.groups.Tuple.tuple(4, "import.warn.duplicateMobileInDirectory"));
    assertThat(plan.warnings().get(1).args()).containsExactly("10099");
    assertThat(plan.count(Change.CREATE)).isEqualTo(3);
  }

  @Test
  void counsellorNamedByAClassButWithoutTheRoleIsWarned() throws Exception {
    ImportPlan plan = people("10001,毛敏,staff,1,17772769310,t10001@ntvu.example,01,,教师,teacher\n");
    assertThat(plan.hasErrors()).isFalse();
    assertThat(plan.warnings())
        .extracting(ImportProblem::messageKey)
        .containsExactly("import.warn.counsellorRoleMissing");
  }

  @Test
  void counsellorOfNoClassIsWarned() throws Exception {
    ImportPlan plan = people("10200,李四,staff,2,,,02,,,counsellor;teacher\n");
    assertThat(plan.warnings())
        .extracting(ImportProblem::messageKey)
        .containsExactly("import.warn.counsellorWithoutClass");
  }

  @Test
  void departmentsCreateUpdateAndResolveParentsInFileOrDirectory() throws Exception {
    ImportPlan plan =
        plan(
            ImportKind.DEPARTMENTS,
            "dept_code,dept_name,parent_code\n000,南通职业大学,\n01,机械学院,000\n0101,数控教研室,01\n"
                + "03,汽车工程学院,000\n",
            school());

    assertThat(plan.problems()).isEmpty();
    assertThat(plan.departments())
        .extracting(PlannedChange::change)
        .containsExactly(Change.UNCHANGED, Change.UPDATE, Change.CREATE, Change.CREATE);
  }

  @Test
  void departmentRulesUnknownParentSelfParentDuplicateAndCycles() throws Exception {
    ImportPlan plan =
        plan(
            ImportKind.DEPARTMENTS,
            "dept_code,dept_name,parent_code\n"
                + "A,甲,B\nB,乙,C\nC,丙,A\n"
                + "D,丁,ZZ\n"
                + "E,戊,E\n"
                + "F,己,000\nF,己二,000\n"
                + "000,大学,01\n",
            school());

    assertThat(plan.errors())
        .extracting(ImportProblem::line, ImportProblem::messageKey)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(2, "import.row.departmentCycle"),
            org.assertj.core.groups.Tuple.tuple(3, "import.row.departmentCycle"),
            org.assertj.core.groups.Tuple.tuple(4, "import.row.departmentCycle"),
            org.assertj.core.groups.Tuple.tuple(5, "import.row.unknownParent"),
            org.assertj.core.groups.Tuple.tuple(6, "import.row.selfParent"),
            org.assertj.core.groups.Tuple.tuple(8, "import.row.duplicate"),
            org.assertj.core.groups.Tuple.tuple(9, "import.row.departmentCycle"));
    assertThat(onLine(plan, 2).args()).containsExactly("A → B → C → A");
    assertThat(onLine(plan, 9).args().get(0))
        .as("a cycle through the directory: 000 under 01, 01 under 000")
        .isEqualTo("000 → 01 → 000");
  }

  private static ImportProblem onLine(ImportPlan plan, int line) {
    return plan.errors().stream().filter(p -> p.line() == line).findFirst().orElseThrow();
  }

  @Test
  void classRules() throws Exception {
    ImportPlan plan =
        plan(
            ImportKind.CLASSES,
            "class_code,class_name,dept_code,grade,counsellor_account\n"
                + "2401000,机械制造241班,01,2024,10001\n"
                + "2601001,数控技术261班,01,2026,10999\n"
                + "2601002,坏年级,01,1999,\n"
                + "2601003,坏年级二,01,abc,\n"
                + "2601004,无院系,77,2026,\n"
                + "2401000,重复,01,2024,\n",
            school());

    assertThat(plan.errors())
        .extracting(ImportProblem::line, ImportProblem::messageKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(4, "import.row.badGrade"),
            org.assertj.core.groups.Tuple.tuple(5, "import.row.badGrade"),
            org.assertj.core.groups.Tuple.tuple(6, "import.row.unknownDepartment"),
            org.assertj.core.groups.Tuple.tuple(7, "import.row.duplicate"));
    assertThat(plan.warnings())
        .extracting(ImportProblem::messageKey)
        .containsExactly("import.warn.unknownCounsellor");
    assertThat(plan.classes())
        .extracting(PlannedChange::change)
        .containsExactly(Change.UNCHANGED, Change.CREATE);
  }

  @Test
  void unknownColumnsAreIgnoredWithAWarning() throws Exception {
    ImportPlan plan =
        plan(ImportKind.PEOPLE, "account,name,kind,moblie\n10200,李四,staff,13800000001\n", school());
    assertThat(plan.hasErrors()).isFalse();
    assertThat(plan.warnings())
        .extracting(ImportProblem::line, ImportProblem::messageKey, ImportProblem::args)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, "import.warn.unknownColumn", List.of("moblie")));
  }

  @Test
  void mobileNormalisation() {
    assertThat(ImportPlanner.normaliseMobile("+86 138-0000-0001")).isEqualTo("13800000001");
    assertThat(ImportPlanner.normaliseMobile("008613800000001")).isEqualTo("13800000001");
    assertThat(ImportPlanner.normaliseMobile("8613800000001")).isEqualTo("13800000001");
    assertThat(ImportPlanner.normaliseMobile("12800000001")).isNull();
    assertThat(ImportPlanner.normaliseMobile("1380000000")).isNull();
    assertThat(ImportPlanner.normaliseMobile("1.38E10")).isNull();
  }
}
