package cn.edu.ntvu.standin.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.MutableClock;
import cn.edu.ntvu.workbench.wecom.application.WorkbenchPayloads;
import cn.edu.ntvu.workbench.wecom.domain.KeydataItem;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's workbench display calls follow wecom-api-notes §10.0/§10.1 and §2.3, and the app's
 * payloads ({@link WorkbenchPayloads}) fit them.
 */
class StandInWorkbenchTest {
  static final String AGENT = "1000002";

  final MutableClock clock = new MutableClock();
  final StandInFaults faults = new StandInFaults();
  final InMemoryStandInMessageStore store =
      new InMemoryStandInMessageStore(members("u", 2000).toArray(String[]::new));
  final StandInWorkbench workbench =
      new StandInWorkbench(
          t -> !t.equals("bad"),
          t -> !t.equals("contacts"),
          faults,
          store::members,
          () -> AGENT,
          clock);

  static List<String> members(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }

  static final List<KeydataItem> ITEMS =
      List.of(
          new KeydataItem("待审批", "3", "https://wb.example.edu.cn/leave/"),
          new KeydataItem("待填写", "1", ""));

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void theAppsPayloadsAreTakenAndTheTileShowsThePersonsOwnNumbersElseTheTemplates() {
    assertThat(
            workbench
                .setTemplate("t", WorkbenchPayloads.setTemplate(AGENT, ITEMS, false))
                .getInt("errcode"))
        .isZero();
    JsonObject typed = WorkbenchPayloads.keydata(List.of(new KeydataItem("待审批", "7", "")));
    assertThat(
            workbench.setData("t", WorkbenchPayloads.setData(AGENT, "u1", typed)).getInt("errcode"))
        .isZero();
    assertThat(
            workbench
                .batchSetData("t", WorkbenchPayloads.batchSetData(AGENT, members("u", 1000), typed))
                .getInt("errcode"))
        .isZero();
    JsonObject got = workbench.getData("t", json("{\"agentid\":1000002,\"userid\":\"u5\"}"));
    assertThat(got.getInt("errcode")).isZero();
    assertThat(WorkbenchPayloads.itemsOf(got)).extracting(KeydataItem::data).containsExactly("7");
    // Someone without data of their own sees the template's default.
    assertThat(
            WorkbenchPayloads.itemsOf(
                workbench.getData("t", json("{\"agentid\":1000002,\"userid\":\"u1500\"}"))))
        .extracting(KeydataItem::data)
        .containsExactly("3", "1");
    assertThat(WorkbenchPayloads.itemsOf(workbench.getTemplate("t", json("{\"agentid\":1000002}"))))
        .hasSize(2);
  }

  @Test
  void theWrappingOfSetAndBatchSetCannotBeSwapped() {
    JsonObject typed = WorkbenchPayloads.keydata(ITEMS);
    JsonObject batchShapeToSet = WorkbenchPayloads.batchSetData(AGENT, List.of("u1"), typed);
    JsonObject asSet =
        json(batchShapeToSet.toString().replace("\"userid_list\":[\"u1\"]", "\"userid\":\"u1\""));
    assertThat(workbench.setData("t", asSet).getInt("errcode")).isEqualTo(40058);
    JsonObject setShape = WorkbenchPayloads.setData(AGENT, "u1", typed);
    JsonObject asBatch =
        json(setShape.toString().replace("\"userid\":\"u1\"", "\"userid_list\":[\"u1\"]"));
    assertThat(workbench.batchSetData("t", asBatch).getInt("errcode")).isEqualTo(40058);
  }

  @Test
  void limitsAndRefusalsAnswerTheirErrcodes() {
    JsonObject typed = WorkbenchPayloads.keydata(ITEMS);
    // 10 a minute per person per app (§10.1), then 45009 until the minute has passed.
    for (int i = 0; i < 10; i++) {
      assertThat(
              workbench
                  .setData("t", WorkbenchPayloads.setData(AGENT, "u7", typed))
                  .getInt("errcode"))
          .isZero();
    }
    assertThat(
            workbench.setData("t", WorkbenchPayloads.setData(AGENT, "u7", typed)).getInt("errcode"))
        .isEqualTo(45009);
    assertThat(
            workbench.setData("t", WorkbenchPayloads.setData(AGENT, "u8", typed)).getInt("errcode"))
        .isZero();
    clock.advance(Duration.ofSeconds(61));
    assertThat(
            workbench.setData("t", WorkbenchPayloads.setData(AGENT, "u7", typed)).getInt("errcode"))
        .isZero();
    // ≤1000 userids a batch; five items; data missing; out of the visible range; another agent;
    // the contacts secret's token; no token; an invalid token.
    String over =
        WorkbenchPayloads.batchSetData(AGENT, members("u", 1000), typed)
            .toString()
            .replace("\"u0\"", "\"u0\",\"u1001\"");
    assertThat(workbench.batchSetData("t", json(over)).getInt("errcode")).isEqualTo(40058);
    String five =
        WorkbenchPayloads.setData(AGENT, "u1", typed)
            .toString()
            .replace(
                "{\"key\":\"待填写\",\"data\":\"1\"}",
                "{\"data\":\"1\"},{\"data\":\"2\"},{\"data\":\"3\"},{\"data\":\"4\"}");
    assertThat(workbench.setData("t", json(five)).getInt("errcode")).isEqualTo(40058);
    String noData =
        WorkbenchPayloads.setData(AGENT, "u1", typed)
            .toString()
            .replace("\"data\":\"1\"", "\"x\":1");
    assertThat(workbench.setData("t", json(noData)).getInt("errcode")).isEqualTo(40058);
    assertThat(
            workbench
                .setData("t", WorkbenchPayloads.setData(AGENT, "stranger", typed))
                .getInt("errcode"))
        .isEqualTo(60011);
    assertThat(
            workbench
                .batchSetData(
                    "t", WorkbenchPayloads.batchSetData(AGENT, List.of("u1", "stranger"), typed))
                .getInt("errcode"))
        .isEqualTo(60011);
    assertThat(
            workbench
                .setData("t", WorkbenchPayloads.setData("1000009", "u1", typed))
                .getInt("errcode"))
        .isEqualTo(301002);
    assertThat(
            workbench
                .setData("contacts", WorkbenchPayloads.setData(AGENT, "u1", typed))
                .getInt("errcode"))
        .isEqualTo(48002);
    assertThat(
            workbench.setData("", WorkbenchPayloads.setData(AGENT, "u1", typed)).getInt("errcode"))
        .isEqualTo(41001);
    assertThat(
            workbench
                .setData("bad", WorkbenchPayloads.setData(AGENT, "u1", typed))
                .getInt("errcode"))
        .isEqualTo(40014);
  }

  @Test
  void perCorpPerApiTenThousandAMinuteThenBlockedForSixtySeconds() {
    JsonObject body =
        WorkbenchPayloads.batchSetData(AGENT, List.of("u1"), WorkbenchPayloads.keydata(ITEMS));
    for (int i = 0; i < 10_000; i++) {
      assertThat(workbench.batchSetData("t", body).getInt("errcode")).isZero();
    }
    assertThat(workbench.batchSetData("t", body).getInt("errcode")).isEqualTo(45009);
    clock.advance(Duration.ofSeconds(59));
    assertThat(workbench.batchSetData("t", body).getInt("errcode")).isEqualTo(45009);
    clock.advance(Duration.ofSeconds(2));
    assertThat(workbench.batchSetData("t", body).getInt("errcode")).isZero();
  }

  @Test
  void anInjectedFaultIsAnswered() {
    faults.failNext(StandInWorkbench.SET_DATA, 48002, null, 1, Duration.ZERO);
    JsonObject body = WorkbenchPayloads.setData(AGENT, "u1", WorkbenchPayloads.keydata(ITEMS));
    assertThat(workbench.setData("t", body).getInt("errcode")).isEqualTo(48002);
    assertThat(workbench.setData("t", body).getInt("errcode")).isZero();
  }
}
