package cn.edu.ntvu.workbench.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VisibilityTest {
  // 01 机械工程学院 ⊃ 0101 机制系 ⊃ 010101 教研室; 02 another school; 90 学工处.
  private static final DepartmentTree TREE =
      new DepartmentTree(Map.of("01", "", "0101", "01", "010101", "0101", "02", "", "90", ""));

  private static Viewer student(String classCode, String dept) {
    return new Viewer(
        "20240100001",
        PersonKind.STUDENT,
        Set.of(Role.STUDENT),
        classCode,
        TREE.selfAndAncestors(dept));
  }

  private static Viewer staff(String account, String dept, Role... roles) {
    return new Viewer(account, PersonKind.STAFF, Set.of(roles), null, TREE.selfAndAncestors(dept));
  }

  private static Visibility rules(
      Set<Role> roles,
      Set<PersonKind> kinds,
      Set<String> depts,
      Set<String> classes,
      Set<String> people) {
    return new Visibility(false, roles, kinds, depts, classes, people);
  }

  private static Tile tile(boolean enabled, Visibility v) {
    return new Tile(
        1,
        Scene.TEACHING,
        0,
        "查课表",
        null,
        "calendar",
        TileKind.INTERNAL,
        "/timetable/",
        enabled,
        null,
        v,
        0,
        "x",
        Instant.EPOCH);
  }

  @Test
  void everyoneSeesAnEveryoneTile() {
    assertThat(Visibility.EVERYONE.matches(student("2401000", "01"))).isTrue();
    assertThat(Visibility.EVERYONE.matches(staff("10001", "02"))).isTrue();
    assertThat(Visibility.EVERYONE.matches(new Viewer("x", null, Set.of(), null, Set.of())))
        .isTrue();
  }

  @Test
  void noRulesMeansNobody() {
    Visibility none = rules(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    assertThat(none.isNobody()).isTrue();
    assertThat(none.matches(student("2401000", "01"))).isFalse();
    assertThat(none.matches(staff("10857", "90", Role.ADMIN))).isFalse();
  }

  @Test
  void roleRule() {
    Visibility admins = Visibility.ofRoles(Role.ADMIN);
    assertThat(admins.matches(staff("10857", "90", Role.ADMIN, Role.TEACHER))).isTrue();
    assertThat(admins.matches(staff("10001", "01", Role.TEACHER))).isFalse();
    assertThat(admins.matches(student("2401000", "01"))).isFalse();
  }

  @Test
  void personKindRule() {
    Visibility students = rules(Set.of(), Set.of(PersonKind.STUDENT), Set.of(), Set.of(), Set.of());
    assertThat(students.matches(student("2401000", "01"))).isTrue();
    assertThat(students.matches(staff("10001", "01", Role.TEACHER))).isFalse();
  }

  @Test
  void departmentRuleIncludesSubDepartments() {
    Visibility school01 = rules(Set.of(), Set.of(), Set.of("01"), Set.of(), Set.of());
    assertThat(school01.matches(staff("a", "01"))).isTrue();
    assertThat(school01.matches(staff("b", "0101"))).isTrue();
    assertThat(school01.matches(staff("c", "010101"))).isTrue();
    assertThat(school01.matches(student("2401000", "0101"))).isTrue();
    assertThat(school01.matches(staff("d", "02"))).isFalse();
    assertThat(school01.matches(staff("e", null))).isFalse();
  }

  @Test
  void subDepartmentRuleDoesNotIncludeItsParent() {
    Visibility sub = rules(Set.of(), Set.of(), Set.of("0101"), Set.of(), Set.of());
    assertThat(sub.matches(staff("a", "010101"))).isTrue();
    assertThat(sub.matches(staff("b", "01"))).isFalse();
  }

  @Test
  void departmentThatNoLongerExistsMatchesNobodyAndIsReported() {
    Visibility gone = rules(Set.of(), Set.of(), Set.of("77", "01"), Set.of(), Set.of());
    assertThat(gone.unknownDepartments(TREE)).containsExactly("77");
    Visibility onlyGone = rules(Set.of(), Set.of(), Set.of("77"), Set.of(), Set.of());
    assertThat(onlyGone.matches(staff("a", "77"))).isFalse();
    assertThat(onlyGone.matches(staff("b", "01"))).isFalse();
    assertThat(onlyGone.matches(student("2401000", "01"))).isFalse();
  }

  @Test
  void classRule() {
    Visibility cls = rules(Set.of(), Set.of(), Set.of(), Set.of("2401000"), Set.of());
    assertThat(cls.matches(student("2401000", "01"))).isTrue();
    assertThat(cls.matches(student("2401001", "01"))).isFalse();
    assertThat(cls.matches(staff("10001", "01", Role.COUNSELLOR))).isFalse();
  }

  @Test
  void namedPeopleRule() {
    Visibility people = rules(Set.of(), Set.of(), Set.of(), Set.of(), Set.of("10001"));
    assertThat(people.matches(staff("10001", "01"))).isTrue();
    assertThat(people.matches(staff("10002", "01"))).isFalse();
  }

  @Test
  void anyRuleIsEnough() {
    Visibility any =
        rules(Set.of(Role.ADMIN), Set.of(), Set.of("02"), Set.of("2401000"), Set.of("10001"));
    assertThat(any.matches(student("2401000", "01"))).isTrue();
    assertThat(any.matches(staff("x", "02"))).isTrue();
    assertThat(any.matches(staff("10001", "90"))).isTrue();
    assertThat(any.matches(staff("y", "90", Role.ADMIN))).isTrue();
    assertThat(any.matches(staff("z", "90", Role.TEACHER))).isFalse();
  }

  @Test
  void disabledTileIsHiddenEvenFromEveryone() {
    assertThat(tile(true, Visibility.EVERYONE).isVisibleTo(student("2401000", "01"))).isTrue();
    assertThat(tile(false, Visibility.EVERYONE).isVisibleTo(student("2401000", "01"))).isFalse();
  }

  @Test
  void treeIsSafeAgainstCycles() {
    DepartmentTree cyclic = new DepartmentTree(Map.of("a", "b", "b", "a"));
    assertThat(cyclic.selfAndAncestors("a")).containsExactlyInAnyOrder("a", "b");
    assertThat(cyclic.selfAndAncestors("zz")).isEmpty();
  }

  @Test
  void codesAreSplitOnCommasAndSpaces() {
    assertThat(Visibility.codes("2401000， 2401001\n2401002,,"))
        .containsExactly("2401000", "2401001", "2401002");
    assertThat(Visibility.codes(null)).isEmpty();
  }
}
