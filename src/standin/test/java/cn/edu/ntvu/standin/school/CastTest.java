package cn.edu.ntvu.standin.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The sign-in screens' cast, read from the demo school's files: the story's people with the roles
 * the app's import gives them (the same labels DemoStoryIT reads on the screen, checked here
 * without a server).
 */
class CastTest {
  private final School school = SchoolPeople.read(Path.of("src/demo"));
  private final Cast cast = Cast.of(school);

  @Test
  void theStoryIsToldByPeopleWhoHoldTheirRoles() {
    assertThat(cast.members())
        .extracting(m -> m.shownAs() + " " + m.account())
        .startsWith("STUDENT 20240100001", "COUNSELLOR 10001", "TEACHER 10004", "DEAN 10065");
    assertThat(cast.members())
        .extracting(Cast.Member::shownAs)
        .contains(School.Role.STUDENT_AFFAIRS, School.Role.ADMIN);
    assertThat(cast.tellsTheStory()).isTrue();
    assertThat(cast.classCode()).isEqualTo("2401000");
    assertThat(cast.className()).isEqualTo("机械制造241班");
    Cast.Member counsellor = cast.counsellor().orElseThrow();
    assertThat(counsellor.roles())
        .containsExactly(
            new Cast.HeldRole(School.Role.COUNSELLOR, "机械制造241班"),
            new Cast.HeldRole(School.Role.TEACHER, null));
    assertThat(cast.members().get(3).roles())
        .containsExactly(
            new Cast.HeldRole(School.Role.DEAN, "机械工程学院"),
            new Cast.HeldRole(School.Role.TEACHER, null));
    assertThat(cast.student().orElseThrow().roles())
        .containsExactly(new Cast.HeldRole(School.Role.STUDENT, "机械制造241班"));
  }

  @Test
  void theSchoolKnowsItsPeopleWithoutCaseAndAnEmptySchoolTellsNoStory() {
    assertThat(school.knows("10001")).isTrue();
    assertThat(school.knows("ghost01")).isFalse();
    assertThat(school.people()).hasSizeGreaterThan(1000);
    assertThat(Cast.of(School.empty()).members()).isEmpty();
    assertThat(Cast.of(School.empty()).tellsTheStory()).isFalse();
  }
}
