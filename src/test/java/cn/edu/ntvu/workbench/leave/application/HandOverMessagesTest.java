package cn.edu.ntvu.workbench.leave.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.leave.domain.ApprovalChain;
import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
import cn.edu.ntvu.workbench.leave.domain.CardAction;
import cn.edu.ntvu.workbench.leave.domain.LeaveStatus;
import cn.edu.ntvu.workbench.leave.domain.SeatOrigin;
import cn.edu.ntvu.workbench.leave.domain.SeatState;
import cn.edu.ntvu.workbench.leave.domain.StepMode;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class HandOverMessagesTest {
  private final HandOverMessages builder = builder();

  private static final LeaveRequestRow REQUEST =
      new LeaveRequestRow(
          42,
          "20240100001",
          "田芬",
          "2401000",
          "PERSONAL",
          LocalDateTime.of(2026, 11, 26, 8, 0),
          LocalDateTime.of(2026, 11, 26, 12, 0),
          240,
          new BigDecimal("0.5"),
          "家里有事",
          false,
          null,
          null,
          LeaveStatus.PENDING,
          1,
          1,
          LocalDateTime.of(2026, 11, 25, 10, 0),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null);

  @Test
  void theNewApproverGetsTheStepsCardOfHisOwnSayingWhoHandedItOver() {
    OutgoingMessage m =
        builder.approverCard(
            REQUEST, 1, 2, "事假", "机械制造241班", "10003", HandOverMessages.handedOverBy("毛敏", "我出差"));
    assertThat(m.messageKey()).isEqualTo(ChainMessages.seatCardKey(42, 1, "10003"));
    assertThat(m.messageKey()).isEqualTo("leave:42:step:1:open:10003");
    assertThat(m.toUsers()).containsExactly("10003");
    assertThat(m.kind()).isEqualTo(OutgoingMessage.Kind.SEND);
    JsonObject card = json(m.body()).getJsonObject("template_card");
    assertThat(card.getString("task_id")).isEqualTo("leave-42-1-2");
    assertThat(CardAction.parse(card.getString("task_id"), CardAction.approveKey(42, 1)))
        .contains(new CardAction(42, 1, true));
    var lines = card.getJsonArray("horizontal_content_list");
    assertThat(lines.getJsonObject(0).getString("keyname")).isEqualTo("来自");
    assertThat(lines.getJsonObject(0).getString("value")).isEqualTo("毛敏 转审：我出差");
    assertThat(lines.getJsonObject(1).getString("keyname")).isEqualTo("时间");
    assertThat(card.getJsonArray("button_list").getJsonObject(0).getString("key"))
        .isEqualTo("approve:42:1");
  }

  @Test
  void theStepsFirstCardIsUpdatedOnceUnderItsSettleKeyKeepingItsButtonsForAWaitingAdder() {
    OutgoingMessage says =
        builder.sharedCardSays(REQUEST, 1, "10001", HandOverMessages.handedOverTo("陶博"));
    assertThat(says.kind()).isEqualTo(OutgoingMessage.Kind.UPDATE_TEMPLATE_CARD);
    assertThat(says.messageKey()).isEqualTo("leave:42:step:1:card-settled");
    JsonObject body = json(says.body());
    assertThat(body.getString("response_code_of")).isEqualTo("leave:42:step:1:open");
    assertThat(body.getJsonObject("button").getString("replace_name")).isEqualTo("已转审给 陶博");

    OutgoingMessage waits =
        builder.sharedCardWaits(
            REQUEST, 1, "事假", "机械制造241班", "10001", HandOverMessages.waitingFor("陶博"));
    assertThat(waits.messageKey()).isEqualTo("leave:42:step:1:card-settled");
    JsonObject w = json(waits.body());
    assertThat(w.getString("response_code_of")).isEqualTo("leave:42:step:1:open");
    assertThat(w.getJsonObject("template_card").getString("sub_title_text")).isEqualTo("等待 陶博 先审批");
    assertThat(w.getJsonObject("template_card").getJsonArray("button_list")).hasSize(2);
    assertThat(HandOverMessages.addedBy("毛敏", true)).isEqualTo("毛敏 加签，请先审批");
    assertThat(HandOverMessages.handedOverBy("毛敏", " ")).isEqualTo("毛敏 转审");
  }

  @Test
  void seatsGivenAfterTheStepOpenedHoldTheirOwnCard() {
    var rule = seat("10001", SeatOrigin.RULE, 1);
    var handed = seat("10003", SeatOrigin.HANDED_OVER, 2);
    var before = seat("10005", SeatOrigin.ADDED_BEFORE, 3);
    var after = seat("10006", SeatOrigin.ADDED_AFTER, 1);
    var any = step(StepMode.ANY, rule, handed, before);
    assertThat(HandOverMessages.ownCard(any, rule)).isFalse();
    assertThat(HandOverMessages.ownCard(any, handed)).isTrue();
    assertThat(HandOverMessages.ownCard(any, before)).isTrue();
    assertThat(HandOverMessages.ownCard(step(StepMode.ANY, after), after)).isFalse();
    assertThat(HandOverMessages.ownCard(step(StepMode.ALL, rule), rule)).isTrue();
  }

  private static ApprovalChain.Seat seat(String account, SeatOrigin origin, int position) {
    return ApprovalChain.Seat.load(
        account,
        account,
        SeatState.PENDING,
        origin,
        origin == SeatOrigin.RULE ? null : "10001",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        position);
  }

  private static ApprovalChain.Step step(StepMode mode, ApprovalChain.Seat... seats) {
    return ApprovalChain.Step.load(
        1,
        1,
        ApproverRole.COUNSELLOR,
        mode,
        StepStatus.OPEN,
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(seats));
  }

  private static JsonObject json(String s) {
    try (var r = Jsons.createReader(new StringReader(s))) {
      return r.readObject();
    }
  }

  private static HandOverMessages builder() {
    LeaveMessages messages = new LeaveMessages();
    messages.settings =
        new AppSettings(
            new MapConfig(
                Map.of(
                    "app.mode", "dev",
                    "db.url", "jdbc:mariadb://127.0.0.1:3307/workbench",
                    "db.user", "workbench",
                    "db.password", "workbench",
                    "app.public-base-url", "https://wb.example")));
    HandOverMessages b = new HandOverMessages();
    b.messages = messages;
    return b;
  }

  private record MapConfig(Map<String, String> values) implements Config {
    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type).orElseThrow(NoSuchElementException::new);
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      return Optional.ofNullable((T) values.get(name));
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new UnsupportedOperationException();
    }
  }
}
