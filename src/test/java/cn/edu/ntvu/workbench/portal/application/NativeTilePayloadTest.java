package cn.edu.ntvu.workbench.portal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.portal.domain.NativeTileItem;
import cn.edu.ntvu.workbench.portal.domain.TileInputException;
import cn.edu.ntvu.workbench.wecom.application.WorkbenchPayloads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the native tile pushes are cut into calls, compared and checked (issue 21 item 5). */
class NativeTilePayloadTest {
  static final List<WorkbenchPayloads.Item> ZERO =
      List.of(
          new WorkbenchPayloads.Item("待审批", "0", ""), new WorkbenchPayloads.Item("待填写", "0", ""));

  @Test
  void peopleWithTheSameValuesShareCallsOfAtMostAThousandAndTheOthersGoAlone() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      many.add("s" + i);
    }
    Map<String, List<String>> byShown = new LinkedHashMap<>();
    byShown.put("zero", many);
    byShown.put("one", List.of("t1"));
    Map<String, List<WorkbenchPayloads.Item>> items = Map.of("zero", ZERO, "one", ZERO);
    List<NativeTileQueue.Call> calls = NativeTileQueue.calls(byShown, items);
    assertThat(calls).extracting(c -> c.userids().size()).containsExactly(1000, 1000, 500, 1);
    assertThat(calls.get(0).shown()).isEqualTo("zero");
    // The body queued for one call is the keydata object the sender wraps per API.
    assertThat(WorkbenchPayloads.keydataOf(calls.get(3).items()).toString())
        .isEqualTo(
            "{\"type\":\"keydata\",\"keydata\":{\"items\":[{\"key\":\"待审批\",\"data\":\"0\"},"
                + "{\"key\":\"待填写\",\"data\":\"0\"}]}}");
  }

  @Test
  void whatATileShowsComparesLabelsNumbersAndAddresses() {
    String a = NativeTilePush.shown(ZERO);
    assertThat(a).startsWith("待审批=0|待填写=0#");
    assertThat(NativeTilePush.shown(List.copyOf(ZERO))).isEqualTo(a);
    assertThat(
            NativeTilePush.shown(
                List.of(
                    new WorkbenchPayloads.Item("待审批", "1", ""),
                    new WorkbenchPayloads.Item("待填写", "0", ""))))
        .isNotEqualTo(a);
    assertThat(
            NativeTilePush.shown(
                List.of(
                    new WorkbenchPayloads.Item("待审批", "0", "https://x.edu.cn/"),
                    new WorkbenchPayloads.Item("待填写", "0", ""))))
        .isNotEqualTo(a);
  }

  @Test
  void anAdminsRowIsCheckedBesideItsField() {
    Set<String> keys = Set.of("forms:to-fill");
    assertThat(new NativeTileItem(" forms:to-fill ", " 待填写 ", "").checked(1, keys).badgeKey())
        .isEqualTo("forms:to-fill");
    assertThatThrownBy(() -> new NativeTileItem("nope", "x", "").checked(2, keys))
        .isInstanceOfSatisfying(
            TileInputException.class,
            e -> {
              assertThat(e.key()).isEqualTo("workbench.native.badgeUnknown");
              assertThat(e.args()).containsExactly("2");
            });
    assertThatThrownBy(
            () -> new NativeTileItem("forms:to-fill", "一二三四五六七八九十一二三", "").checked(1, keys))
        .isInstanceOfSatisfying(
            TileInputException.class,
            e -> assertThat(e.key()).isEqualTo("workbench.native.labelTooLong"));
    assertThatThrownBy(
            () -> new NativeTileItem("forms:to-fill", "x", "javascript:alert(1)").checked(1, keys))
        .isInstanceOfSatisfying(
            TileInputException.class,
            e -> assertThat(e.key()).isEqualTo("workbench.native.urlInvalid"));
    assertThatThrownBy(
            () -> new NativeTileItem("forms:to-fill", "<b>x</b>", "https://a b").checked(3, keys))
        .isInstanceOfSatisfying(
            TileInputException.class,
            e -> assertThat(e.key()).isEqualTo("workbench.native.urlInvalid"));
  }
}
