package cn.edu.ntvu.workbench.contacts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.contacts.domain.DirectoryMember.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplaceFilesTest {

  @Test
  void filesHoldTheDirectoryWithoutConflictsAndLeftPeople() {
    List<DirectoryDepartment> departments =
        List.of(
            new DirectoryDepartment("000", "南通职业大学", null),
            new DirectoryDepartment("01", "机械工程学院", "000"));
    List<DirectoryMember> people =
        List.of(
            new DirectoryMember("a1", "甲", "13800000001", "01", "教师", State.ACTIVE),
            new DirectoryMember("a2", "乙", "13800000002", "01", "", State.DISABLED),
            new DirectoryMember("a3", "丙", "13800000003", "01", "", State.LEFT),
            new DirectoryMember("a4", "丁", "bad", "01", "", State.ACTIVE));
    ContactsDiff.Memory memory = ContactsDiff.Memory.empty();
    ContactsPlan plan =
        ContactsDiff.plan(
            departments, people, new ContactsDiff.WeComState(Map.of(1L, 0L), Map.of()), memory);

    ReplaceFiles.Files files = ReplaceFiles.build(departments, people, memory, plan);

    assertThat(files.partyCsv())
        .isEqualTo(ReplaceFiles.PARTY_HEADER + "\n南通职业大学,1,0,0\n机械工程学院,2,1,0\n");
    assertThat(files.userCsv())
        .isEqualTo(ReplaceFiles.USER_HEADER + "\n甲,a1,13800000001,2,教师,1\n乙,a2,13800000002,2,,0\n");
    assertThat(files.memberFingerprints()).containsOnlyKeys("a1", "a2");
    // What the full run remembers is what the incremental diff would compare with: nothing left to
    // do after it.
    assertThat(files.memberFingerprints().get("a1"))
        .isEqualTo(
            plan.changes().stream()
                .filter(c -> c.key().equals("a1"))
                .findFirst()
                .orElseThrow()
                .fingerprint());
  }

  @Test
  void deletionSafetyStopOfSection64() {
    assertThat(check(100, 49).stopped()).as("49 of 100, under 80 %").isFalse();
    assertThat(check(50, 41).stopped()).as("41 of 50 is 82 %, fewer than 50").isTrue();
    assertThat(check(50, 40).stopped()).as("40 of 50 is exactly 80 %").isFalse();
    assertThat(check(1000, 51).stopped()).as("51 of 1000 is 5.1 %").isFalse();
    assertThat(check(200, 51).stopped()).as("51 of 200 is 25.5 %, more than 50").isTrue();
    assertThat(check(250, 50).stopped()).as("exactly 50: neither rule").isFalse();
    assertThat(check(5, 5).deleting()).isEqualTo(5);
  }

  private static ReplaceFiles.Deletions check(int members, int deleting) {
    List<String> wecom = IntStream.range(0, members).mapToObj(i -> "u" + i).toList();
    List<String> file = new ArrayList<>(wecom.subList(deleting, members));
    file.add("NEW");
    return ReplaceFiles.deletions(wecom, file);
  }
}
