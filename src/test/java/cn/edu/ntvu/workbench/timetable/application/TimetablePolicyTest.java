package cn.edu.ntvu.workbench.timetable.application;

import static cn.edu.ntvu.workbench.timetable.application.DemoSchedule.meeting;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.identity.application.ClassRef;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.timetable.domain.WeekPattern;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The people of the demo school: 田芬 of class 2401000, its counsellor 毛敏, a dean, an admin, another
 * teacher.
 */
class TimetablePolicyTest {
  private static final ClassRef CLASS_2401000 = new ClassRef("2401000", "机械制造241班");
  private static final ClassRef CLASS_2501001 = new ClassRef("2501001", "数控技术251班");

  private static final SignedInUser STUDENT =
      user("20240100001", PersonKind.STUDENT, "2401000", Role.STUDENT);
  private static final SignedInUser COUNSELLOR =
      user("10001", PersonKind.STAFF, null, Role.COUNSELLOR, Role.TEACHER);
  private static final SignedInUser TEACHER = user("10702", PersonKind.STAFF, null, Role.TEACHER);
  private static final SignedInUser ADMIN =
      user("10857", PersonKind.STAFF, null, Role.ADMIN, Role.TEACHER);

  /** 数据库技术 of class 2401000, taught by 10702. */
  private static final TimetableEntry DATABASES =
      meeting("K00001", "数据库技术", DayOfWeek.WEDNESDAY, 3, 2, WeekPattern.range(1, 16));

  private static SignedInUser user(
      String account, PersonKind kind, String classCode, Role... roles) {
    return new SignedInUser(
        1L,
        account,
        "某人",
        kind,
        classCode == null ? "" : "机械制造241班",
        classCode,
        null,
        Set.of(roles),
        SignInPath.CAS,
        Instant.EPOCH);
  }

  @Test
  void everyoneOpensTheirOwnTimetable() {
    assertThat(TimetablePolicy.own(STUDENT))
        .isEqualTo(new TimetableOwner.Student("20240100001", "2401000"));
    assertThat(TimetablePolicy.own(COUNSELLOR)).isEqualTo(new TimetableOwner.Teacher("10001"));
  }

  @Test
  void onlyCounsellorsAndDeansAreAskedForTheirClasses() {
    assertThat(TimetablePolicy.looksAfterClasses(COUNSELLOR)).isTrue();
    assertThat(TimetablePolicy.looksAfterClasses(user("10065", PersonKind.STAFF, null, Role.DEAN)))
        .isTrue();
    assertThat(TimetablePolicy.looksAfterClasses(STUDENT)).isFalse();
    assertThat(TimetablePolicy.looksAfterClasses(ADMIN)).isFalse();
  }

  @Test
  void aClassIsOpenToThoseWhoLookAfterItAndToAdmins() {
    List<ClassRef> inCare = List.of(CLASS_2401000);
    assertThat(TimetablePolicy.openableClass(COUNSELLOR, "2401000", inCare, Optional.empty()))
        .contains(CLASS_2401000);
    assertThat(TimetablePolicy.openableClass(COUNSELLOR, "2501001", inCare, Optional.empty()))
        .isEmpty();
    assertThat(TimetablePolicy.openableClass(TEACHER, "2401000", List.of(), Optional.empty()))
        .isEmpty();
    assertThat(
            TimetablePolicy.openableClass(ADMIN, "2501001", List.of(), Optional.of(CLASS_2501001)))
        .contains(CLASS_2501001);
    // a class the directory does not know yet: the admin still sees its timetable, named by its
    // code
    assertThat(TimetablePolicy.openableClass(ADMIN, "2699999", List.of(), Optional.empty()))
        .contains(new ClassRef("2699999", "2699999"));
  }

  @Test
  void aStudentOpensTheirOwnClassAndNoOther() {
    assertThat(TimetablePolicy.openableClass(STUDENT, "2401000", List.of(), Optional.empty()))
        .contains(new ClassRef("2401000", "机械制造241班"));
    assertThat(TimetablePolicy.openableClass(STUDENT, "2501001", List.of(), Optional.empty()))
        .isEmpty();
    assertThat(
            TimetablePolicy.openableClass(
                STUDENT, "2501001", List.of(), Optional.of(CLASS_2501001)))
        .isEmpty();
  }

  @Test
  void aMeetingsDetailsAreForItsStudentsTeachersAndThoseWhoLookAfterItsClasses() {
    assertThat(TimetablePolicy.maySee(STUDENT, DATABASES, false, List.of())).isTrue();
    assertThat(TimetablePolicy.maySee(TEACHER, DATABASES, false, List.of())).isTrue();
    assertThat(TimetablePolicy.maySee(COUNSELLOR, DATABASES, false, List.of(CLASS_2401000)))
        .isTrue();
    assertThat(TimetablePolicy.maySee(ADMIN, DATABASES, false, List.of())).isTrue();

    SignedInUser otherStudent = user("20250100001", PersonKind.STUDENT, "2501001", Role.STUDENT);
    assertThat(TimetablePolicy.maySee(otherStudent, DATABASES, false, List.of())).isFalse();
    assertThat(TimetablePolicy.maySee(otherStudent, DATABASES, true, List.of()))
        .as("an elective")
        .isTrue();
    assertThat(TimetablePolicy.maySee(COUNSELLOR, DATABASES, false, List.of(CLASS_2501001)))
        .isFalse();
    assertThat(
            TimetablePolicy.maySee(
                user("10002", PersonKind.STAFF, null, Role.TEACHER), DATABASES, false, List.of()))
        .isFalse();
  }
}
