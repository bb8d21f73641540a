package cn.edu.ntvu.workbench.contacts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.contacts.domain.Change.Action;
import cn.edu.ntvu.workbench.contacts.domain.ContactsDiff.Memory;
import cn.edu.ntvu.workbench.contacts.domain.ContactsDiff.WeComState;
import cn.edu.ntvu.workbench.contacts.domain.DirectoryMember.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactsDiffTest {
  static final DirectoryDepartment ROOT = new DirectoryDepartment("000", "南通职业大学", null);
  static final DirectoryDepartment MECH = new DirectoryDepartment("01", "机械工程学院", "000");
  static final DirectoryDepartment CLASS = new DirectoryDepartment("c:2401", "机械241班", "01");

  final List<DirectoryDepartment> departments = new ArrayList<>(List.of(ROOT, MECH, CLASS));
  final List<DirectoryMember> people = new ArrayList<>();
  final Map<Long, Long> wecomDepartments = new HashMap<>(Map.of(1L, 0L));
  final Map<String, List<Long>> wecomMembers = new HashMap<>();
  Memory memory = Memory.empty();

  static DirectoryMember person(String account, String mobile, String department) {
    return new DirectoryMember(account, "张" + account, mobile, department, "学生", State.ACTIVE);
  }

  ContactsPlan plan() {
    return ContactsDiff.plan(
        departments, people, new WeComState(wecomDepartments, wecomMembers), memory);
  }

  static List<String> summary(ContactsPlan plan) {
    return plan.changes().stream().map(c -> c.action() + " " + c.target() + " " + c.key()).toList();
  }

  @Test
  void emptyWeComGetsDepartmentsTopDownThenPeople() {
    people.add(person("2024001", "13800000001", "c:2401"));
    people.add(person("10001", "13800000002", "01"));

    ContactsPlan plan = plan();

    assertThat(summary(plan))
        .containsExactly(
            "CREATE DEPARTMENT 01",
            "CREATE DEPARTMENT c:2401",
            "CREATE MEMBER 2024001",
            "CREATE MEMBER 10001");
    assertThat(plan.newDepartmentIds()).containsEntry("01", 2L).containsEntry("c:2401", 3L);
    assertThat(plan.changes().get(1).department().parentId()).isEqualTo(2L);
    assertThat(plan.changes().get(2).member().departments()).containsExactly(3L);
    assertThat(plan.conflicts()).isEmpty();
  }

  /** After a run that pushed everything, the same directory gives nothing to do. */
  @Test
  void syncedDirectoryGivesNoChanges() {
    people.add(person("2024001", "13800000001", "c:2401"));
    ContactsPlan first = plan();
    remember(first);

    assertThat(plan().changes()).isEmpty();
  }

  @Test
  void changedMobileIsAnUpdateAndMoveNamesTheDepartment() {
    people.add(person("2024001", "13800000001", "c:2401"));
    people.add(person("2024002", "13800000002", "c:2401"));
    remember(plan());

    people.set(0, person("2024001", "13900000009", "c:2401"));
    people.set(1, person("2024002", "13800000002", "01"));
    ContactsPlan plan = plan();

    assertThat(summary(plan)).containsExactly("UPDATE MEMBER 2024001", "UPDATE MEMBER 2024002");
    assertThat(plan.changes().get(0).changedFields()).containsExactly("mobile");
    assertThat(plan.changes().get(0).member().mobile()).isEqualTo("13900000009");
    assertThat(plan.changes().get(1).changedFields()).containsExactly("department");
  }

  @Test
  void withoutTheFieldsOnlyTheFingerprintSaysSomethingChanged() {
    people.add(person("2024001", "13800000001", "c:2401"));
    remember(plan());
    memory =
        new Memory(
            memory.departmentIds(), memory.departmentFingerprints(), memory.memberFingerprints());
    people.set(
        0, new DirectoryMember("2024001", "新名", "13800000001", "c:2401", "班长", State.ACTIVE));
    assertThat(plan().changes().get(0).changedFields()).containsExactly("fields");
    remember(plan());
    people.set(
        0, new DirectoryMember("2024001", "新名2", "13800000002", "c:2401", "班长", State.ACTIVE));
    assertThat(plan().changes().get(0).changedFields()).containsExactly("name", "mobile");
  }

  @Test
  void disabledPersonIsDisabledLeftPersonAndStrangersAreDeleted() {
    people.add(person("a1", "13800000001", "01"));
    people.add(person("a2", "13800000002", "01"));
    people.add(person("a3", "13800000003", "01"));
    remember(plan());
    wecomMembers.put("stranger", List.of(1L));

    people.set(0, new DirectoryMember("a1", "张a1", "13800000001", "01", "学生", State.DISABLED));
    people.set(1, new DirectoryMember("a2", "张a2", "13800000002", "01", "学生", State.LEFT));
    ContactsPlan plan = plan();

    assertThat(summary(plan))
        .containsExactly("DISABLE MEMBER a1", "DELETE MEMBER a2", "DELETE MEMBER stranger");
    assertThat(plan.changes().get(0).member().enabled()).isFalse();
  }

  @Test
  void disabledOrLeftPersonNotInWeComIsNotCreated() {
    people.add(new DirectoryMember("a1", "甲", "13800000001", "01", "", State.DISABLED));
    people.add(new DirectoryMember("a2", "乙", "13800000002", "01", "", State.LEFT));
    assertThat(summary(plan())).containsExactly("CREATE DEPARTMENT 01", "CREATE DEPARTMENT c:2401");
  }

  @Test
  void departmentRemovedFromDirectoryIsDeletedAfterMembersDeepestFirst() {
    remember(plan());
    wecomDepartments.put(40L, 1L);
    wecomDepartments.put(41L, 40L);
    wecomMembers.put("old", List.of(41L));

    assertThat(summary(plan()))
        .containsExactly("DELETE MEMBER old", "DELETE DEPARTMENT #41", "DELETE DEPARTMENT #40");
  }

  @Test
  void renamedDepartmentIsUpdatedAndMovedOneNamesParent() {
    remember(plan());
    departments.set(1, new DirectoryDepartment("01", "智能制造学院", "000"));
    departments.set(2, new DirectoryDepartment("c:2401", "机械241班", "000"));
    ContactsPlan plan = plan();
    assertThat(summary(plan)).containsExactly("UPDATE DEPARTMENT 01", "UPDATE DEPARTMENT c:2401");
    assertThat(plan.changes().get(0).changedFields()).containsExactly("name");
    assertThat(plan.changes().get(1).changedFields()).containsExactly("parent");
    assertThat(plan.changes().get(0).department().id()).isEqualTo(2L);
  }

  @Test
  void conflictsAreFoundBeforeAnythingIsSentAndOnlyTheirPeopleAreLeftOut() {
    people.add(person("ok1", "13800000001", "01"));
    people.add(person("dup1", "13900000000", "01"));
    people.add(person("dup2", "+86 139-0000-0000", "01"));
    people.add(person("张三", "13800000003", "01"));
    people.add(person("nodept", "13800000004", null));
    people.add(person("badmobile", "12345", "01"));
    people.add(
        new DirectoryMember("longname", "长".repeat(70), "13800000005", "01", "", State.ACTIVE));
    people.add(person("Case1", "13800000006", "01"));
    people.add(person("case1", "13800000007", "01"));
    people.add(person("nomobile", "", "01"));
    people.add(person("ghostdept", "13800000008", "99"));

    ContactsPlan plan = plan();

    assertThat(plan.changes())
        .filteredOn(c -> c.target() == Target.MEMBER)
        .extracting(Change::key)
        .containsExactly("ok1");
    assertThat(plan.conflicts())
        .extracting(c -> c.key() + " " + c.kind())
        .containsExactlyInAnyOrder(
            "dup1 DUPLICATE_MOBILE",
            "dup2 DUPLICATE_MOBILE",
            "张三 INVALID_USERID",
            "nodept NO_DEPARTMENT",
            "badmobile INVALID_MOBILE",
            "longname INVALID_NAME",
            "Case1 DUPLICATE_USERID",
            "case1 DUPLICATE_USERID",
            "nomobile MISSING_MOBILE",
            "ghostdept DEPARTMENT_UNUSABLE");
    Conflict dup =
        plan.conflicts().stream().filter(c -> c.key().equals("dup1")).findFirst().orElseThrow();
    assertThat(dup.detail()).isEqualTo("139****0000 · dup2").doesNotContain("13900000000");
    assertThat(
            plan.conflicts().stream()
                .filter(c -> c.key().equals("longname"))
                .findFirst()
                .orElseThrow()
                .detail())
        .isEqualTo("70");
  }

  @Test
  void nameOfSixtyFourCharactersIsAccepted() {
    people.add(new DirectoryMember("n64", "名".repeat(64), "13800000001", "01", "", State.ACTIVE));
    assertThat(plan().conflicts()).isEmpty();
  }

  @Test
  void departmentCycleIsAConflictForItAndItsPeople() {
    departments.add(new DirectoryDepartment("x", "甲", "y"));
    departments.add(new DirectoryDepartment("y", "乙", "x"));
    departments.add(new DirectoryDepartment("z", "丙", "nowhere"));
    people.add(person("p1", "13800000001", "x"));

    ContactsPlan plan = plan();

    assertThat(plan.conflicts())
        .extracting(c -> c.key() + " " + c.kind())
        .containsExactlyInAnyOrder(
            "x DEPARTMENT_CYCLE",
            "y DEPARTMENT_CYCLE",
            "z DEPARTMENT_PARENT_MISSING",
            "p1 DEPARTMENT_UNUSABLE");
    assertThat(summary(plan)).containsExactly("CREATE DEPARTMENT 01", "CREATE DEPARTMENT c:2401");
  }

  @Test
  void personConflictingButAlreadyInWeComIsNotDeleted() {
    people.add(person("p1", "13800000001", "01"));
    remember(plan());
    people.set(0, person("p1", "bad", "01"));
    assertThat(plan().changes()).isEmpty();
  }

  @Test
  void userIdRules() {
    assertThat(ContactsDiff.isValidUserid("2024010101")).isTrue();
    assertThat(ContactsDiff.isValidUserid("a.b-c_d@e")).isTrue();
    assertThat(ContactsDiff.isValidUserid("_abc")).isFalse();
    assertThat(ContactsDiff.isValidUserid("a b")).isFalse();
    assertThat(ContactsDiff.isValidUserid("a".repeat(65))).isFalse();
  }

  @Test
  void twentyThousandPeopleInFiveHundredDepartmentsDiff() {
    departments.clear();
    departments.add(ROOT);
    for (int d = 0; d < 500; d++) {
      departments.add(new DirectoryDepartment("d" + d, "系" + d, "000"));
    }
    for (int p = 0; p < 20_000; p++) {
      people.add(person("s" + p, String.format("138%08d", p), "d" + (p % 500)));
    }
    long started = System.nanoTime();
    ContactsPlan plan = plan();
    long ms = (System.nanoTime() - started) / 1_000_000;

    assertThat(plan.changes()).hasSize(20_500);
    // How fast: bench/contacts.sh (a timed unit test fails on a busy machine).
    System.out.printf("diffed 20,500 entries in %d ms%n", ms);
  }

  /**
   * Plays a completed run: WeCom now has what the plan sent, and we remember ids and fingerprints.
   */
  void remember(ContactsPlan plan) {
    Map<String, Long> ids = new HashMap<>(memory.departmentIds());
    Map<String, String> deptPrints = new HashMap<>(memory.departmentFingerprints());
    Map<String, String> memberPrints = new HashMap<>(memory.memberFingerprints());
    Map<String, WeComMember> pushed = new HashMap<>(memory.pushedMembers());
    ids.putAll(plan.newDepartmentIds());
    for (Change c : plan.changes()) {
      if (c.target() == Target.DEPARTMENT && c.action() != Action.DELETE) {
        wecomDepartments.put(c.department().id(), c.department().parentId());
        deptPrints.put(c.key(), c.fingerprint());
      } else if (c.target() == Target.MEMBER && c.action() != Action.DELETE) {
        wecomMembers.put(c.key(), c.member().departments());
        memberPrints.put(c.key(), c.fingerprint());
        pushed.put(c.key(), c.member());
      }
    }
    memory = new Memory(ids, deptPrints, memberPrints, pushed);
  }
}
