package cn.edu.ntvu.workbench.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditDiffTest {
  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void keepsOnlyTheFieldsThatChangedWithBothValues() {
    AuditDiff diff =
        AuditDiff.between(
            map("title", "课表", "scene", "TEACHING", "enabled", true, "order", 3),
            map("title", "我的课表", "scene", "TEACHING", "enabled", false, "order", 3));

    assertThat(diff.changes())
        .containsExactly(
            new FieldChange("title", "课表", "我的课表"), new FieldChange("enabled", "true", "false"));
    assertThat(diff.before().toString()).isEqualTo("{\"title\":\"课表\",\"enabled\":true}");
    assertThat(diff.after().toString()).isEqualTo("{\"title\":\"我的课表\",\"enabled\":false}");
  }

  @Test
  void aFieldAddedOrRemovedHasNullOnTheOtherSide() {
    AuditDiff diff =
        AuditDiff.between(map("icon", "book.svg", "note", null), map("url", "/timetable/"));

    assertThat(diff.changes())
        .containsExactly(
            new FieldChange("icon", "book.svg", null), new FieldChange("url", null, "/timetable/"));
    assertThat(diff.changes().get(0).describe()).isEqualTo("icon: book.svg → ∅");
    assertThat(diff.before().toString()).isEqualTo("{\"icon\":\"book.svg\"}");
    assertThat(diff.after().toString()).isEqualTo("{\"url\":\"/timetable/\"}");
  }

  @Test
  void sameValueInAnotherTypeIsNoChangeAndEqualStatesGiveAnEmptyDiff() {
    assertThat(AuditDiff.between(map("created", 3), map("created", "3")).isEmpty()).isTrue();
    assertThat(AuditDiff.between(map("a", 1L, "b", "x"), map("b", "x", "a", 1)).changes())
        .isEmpty();
    assertThat(AuditDiff.between(map("gone", null), map()).isEmpty()).isTrue();
  }

  @Test
  void aCreatedObjectListsEveryFieldAsNew() {
    assertThat(AuditDiff.created(map("kind", "PEOPLE", "created", 2)).changes())
        .containsExactly(
            new FieldChange("kind", null, "PEOPLE"), new FieldChange("created", null, "2"));
  }

  @Test
  void storedColumnsReadBackToTheSameChangesAndGarbageReadsAsNone() {
    AuditDiff diff =
        AuditDiff.between(map("status", "PREVIEWED"), map("status", "APPLIED", "created", 5));
    AuditDiff read = AuditDiff.parse(diff.before().toString(), diff.after().toString());

    assertThat(read.changes()).isEqualTo(diff.changes());
    assertThat(AuditDiff.parse("not json", "[1,2]").isEmpty()).isTrue();
    assertThat(AuditDiff.parse(null, "").isEmpty()).isTrue();
  }
}
