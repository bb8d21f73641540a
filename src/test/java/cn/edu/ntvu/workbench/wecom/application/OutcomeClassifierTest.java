package cn.edu.ntvu.workbench.wecom.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.messaging.application.DeliveryOutcome;
import cn.edu.ntvu.workbench.wecom.domain.WeComApiException;
import cn.edu.ntvu.workbench.wecom.domain.WeComUnavailableException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Outcome classification (docs/wecom-api.md §2.4, §5.1). */
class OutcomeClassifierTest {
  static final String SEND = "/cgi-bin/message/send";

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void errcodeZeroIsSentWithMsgidResponseCodeAndInvalidUsers() {
    DeliveryOutcome.Sent sent =
        OutcomeClassifier.sent(
            json(
                "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"ghost1|ghost2\",\"invalidparty\":\"\","
                    + "\"msgid\":\"m-1\",\"response_code\":\"rc-1\"}"));
    assertThat(sent.msgid()).isEqualTo("m-1");
    assertThat(sent.responseCode()).isEqualTo("rc-1");
    assertThat(sent.invalidUsers()).containsExactly("ghost1", "ghost2");

    DeliveryOutcome.Sent plain =
        OutcomeClassifier.sent(json("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\"}"));
    assertThat(plain.invalidUsers()).isEmpty();
    assertThat(plain.msgid()).isNull();
    assertThat(plain.responseCode()).isNull();
    // update_template_card may answer invaliduser as an array.
    assertThat(
            OutcomeClassifier.sent(json("{\"errcode\":0,\"invaliduser\":[\"x\"]}")).invalidUsers())
        .containsExactly("x");
  }

  @Test
  void unreachableBusyAndHttpErrorsAreRetried() {
    for (String reason :
        new String[] {"read timeout", "HTTP 503", "errcode -1 系统繁忙 after 3 attempts"}) {
      DeliveryOutcome outcome =
          OutcomeClassifier.failure(new WeComUnavailableException(SEND, reason));
      assertThat(outcome).isInstanceOf(DeliveryOutcome.Retry.class);
      assertThat(((DeliveryOutcome.Retry) outcome).errcode()).isNull();
      assertThat(((DeliveryOutcome.Retry) outcome).reason()).contains(reason);
    }
  }

  @Test
  void rateLimitIsRetriedNoSoonerThanWeComsBlockEnds() {
    DeliveryOutcome outcome =
        OutcomeClassifier.failure(WeComApiException.of(SEND, 45009, "api freq out of limit"));
    assertThat(outcome).isInstanceOf(DeliveryOutcome.Retry.class);
    assertThat(((DeliveryOutcome.Retry) outcome).errcode()).isEqualTo(45009);
    assertThat(((DeliveryOutcome.Retry) outcome).atLeast()).isEqualTo(Duration.ofSeconds(60));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 40014, 42001, 40001, 48002, 60020, 301002})
  void tokenAndConfigurationErrorsAreRetried(int errcode) {
    assertThat(OutcomeClassifier.failure(WeComApiException.of(SEND, errcode, "x")))
        .isInstanceOf(DeliveryOutcome.Retry.class);
  }

  @Test
  void allRecipientsInvalidFailsForGoodWithAReadableReason() {
    DeliveryOutcome outcome =
        OutcomeClassifier.failure(
            WeComApiException.of(SEND, 81013, "user & party & tag all invalid"));
    assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
    assertThat(((DeliveryOutcome.Failed) outcome).errcode()).isEqualTo(81013);
    assertThat(((DeliveryOutcome.Failed) outcome).reason())
        .contains("81013")
        .contains("all invalid");
  }

  @ParameterizedTest
  @ValueSource(ints = {40008, 40058, 44004, 60011, 82001})
  void otherErrcodesFailForGood(int errcode) {
    assertThat(OutcomeClassifier.failure(WeComApiException.of(SEND, errcode, "x")))
        .isInstanceOf(DeliveryOutcome.Failed.class);
  }

  @Test
  void aFailureOfOurOwnFailsForGood() {
    assertThat(OutcomeClassifier.failure(new IllegalArgumentException("bad body")))
        .isInstanceOf(DeliveryOutcome.Failed.class);
  }
}
