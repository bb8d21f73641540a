package cn.edu.ntvu.workbench.wecom.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.wecom.domain.KeydataItem;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workbench display bodies (docs/wecom-api.md §10.1; §10.0 gotcha 1). */
class WorkbenchPayloadsTest {
  static final List<KeydataItem> TWO =
      List.of(
          new KeydataItem("待审批", "3", "https://wb.example.edu.cn/leave/"),
          new KeydataItem("", "5", null));

  @Test
  void setDataPutsTypeAndTemplateAtTheTopLevel() {
    JsonObject body = WorkbenchPayloads.setData("1000002", "t001", WorkbenchPayloads.keydata(TWO));
    assertThat(body.toString())
        .isEqualTo(
            "{\"agentid\":1000002,\"userid\":\"t001\",\"type\":\"keydata\",\"keydata\":{\"items\":["
                + "{\"key\":\"待审批\",\"data\":\"3\",\"jump_url\":\"https://wb.example.edu.cn/leave/\"},"
                + "{\"data\":\"5\"}]}}");
    assertThat(body.containsKey("data")).isFalse();
  }

  @Test
  void batchSetDataWrapsTypeAndTemplateInData() {
    JsonObject body =
        WorkbenchPayloads.batchSetData(
            "1000002", List.of("a", "b"), WorkbenchPayloads.keydata(TWO));
    assertThat(body.containsKey("type")).isFalse();
    assertThat(body.containsKey("keydata")).isFalse();
    assertThat(body.getJsonArray("userid_list")).hasSize(2);
    assertThat(body.getJsonObject("data").getString("type")).isEqualTo("keydata");
    assertThat(body.getJsonObject("data").getJsonObject("keydata").getJsonArray("items"))
        .hasSize(2);
  }

  @Test
  void theTemplateSaysKeydataAndKeepsPeoplesOwnData() {
    JsonObject body = WorkbenchPayloads.setTemplate("1000002", TWO, false);
    assertThat(body.getString("type")).isEqualTo("keydata");
    assertThat(body.getBoolean("replace_user_data")).isFalse();
    assertThat(body.getJsonNumber("agentid").longValue()).isEqualTo(1000002L);
  }

  @Test
  void atMostFourItemsAndAThousandPeopleAndDataIsRequired() {
    List<KeydataItem> five = new ArrayList<>(Collections.nCopies(5, new KeydataItem("x", "1", "")));
    assertThatThrownBy(() -> WorkbenchPayloads.keydata(five))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(WorkbenchPayloads.keydata(five.subList(0, 4)).toString()).contains("\"items\"");
    assertThatThrownBy(() -> WorkbenchPayloads.keydata(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      many.add("u" + i);
    }
    assertThatThrownBy(
            () -> WorkbenchPayloads.batchSetData("1", many, WorkbenchPayloads.keydata(TWO)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            WorkbenchPayloads.batchSetData(
                    "1", many.subList(0, 1000), WorkbenchPayloads.keydata(TWO))
                .getJsonArray("userid_list"))
        .hasSize(1000);
    assertThatThrownBy(() -> new KeydataItem("x", " ", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeydataItem("x", "1", "javascript:alert(1)"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itemsAreReadBackFromBothAnswers() {
    JsonObject typed = WorkbenchPayloads.keydata(TWO);
    assertThat(WorkbenchPayloads.itemsOf(typed))
        .isEqualTo(TWO.stream().map(i -> new KeydataItem(i.key(), i.data(), i.jumpUrl())).toList());
    JsonObject wrapped = WorkbenchPayloads.batchSetData("1", List.of("a"), typed);
    assertThat(WorkbenchPayloads.itemsOf(wrapped)).hasSize(2);
  }
}
