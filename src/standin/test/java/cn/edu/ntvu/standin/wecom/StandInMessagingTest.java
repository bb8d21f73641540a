package cn.edu.ntvu.standin.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.MutableClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The stand-in's message/send and update_template_card follow wecom-api-notes §5.1 and §5.2. */
class StandInMessagingTest {
  static final String AGENT = "1000002";

  final MutableClock clock = new MutableClock();
  final StandInFaults faults = new StandInFaults();
  final InMemoryStandInGrants grants = new InMemoryStandInGrants();
  final InMemoryStandInMessageStore store = new InMemoryStandInMessageStore("T001", "s001", "s002");
  final StandInWeCom standIn =
      new StandInWeCom(grants, faults, clock, () -> "ww", () -> "secret", () -> "contacts-secret");
  final StandInMessaging messaging =
      new StandInMessaging(standIn::isValidToken, faults, store, clock, () -> AGENT);

  private String token() {
    return standIn.gettoken("ww", "secret").getString("access_token");
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static JsonObject text(String touser, String content) {
    return json(
        "{\"touser\":\""
            + touser
            + "\",\"agentid\":"
            + AGENT
            + ",\"msgtype\":\"text\",\"text\":{\"content\":\""
            + content
            + "\"},\"enable_duplicate_check\":1,\"duplicate_check_interval\":1800}");
  }

  @Test
  void aSendAnswersOkWithMsgidAndReportsInvalidUsersLowerCased() {
    JsonObject answer = messaging.send(token(), text("T001|Ghost9|s001", "hello"));
    assertThat(answer.getInt("errcode")).isZero();
    assertThat(answer.getString("invaliduser")).isEqualTo("ghost9");
    assertThat(answer.getString("msgid")).isNotBlank();
    assertThat(answer.containsKey("response_code")).isFalse();
    assertThat(store.to("t001", StandInMessage.DELIVERED)).hasSize(1);
    assertThat(store.to("s001", StandInMessage.DELIVERED)).hasSize(1);
  }

  @Test
  void everyRecipientInvalidIs81013AndNothingIsStored() {
    assertThat(messaging.send(token(), text("ghost1|ghost2", "x")).getInt("errcode"))
        .isEqualTo(81013);
    assertThat(store.messages).isEmpty();
  }

  @Test
  void badTokenAgentAndMsgtypeAreRefused() {
    assertThat(messaging.send("", text("s001", "x")).getInt("errcode")).isEqualTo(41001);
    assertThat(messaging.send("nope", text("s001", "x")).getInt("errcode")).isEqualTo(40014);
    assertThat(
            messaging
                .send(
                    token(),
                    json(
                        "{\"touser\":\"s001\",\"agentid\":1,\"msgtype\":\"text\","
                            + "\"text\":{\"content\":\"x\"}}"))
                .getInt("errcode"))
        .isEqualTo(40056);
    assertThat(
            messaging
                .send(
                    token(),
                    json("{\"touser\":\"s001\",\"agentid\":" + AGENT + ",\"msgtype\":\"text\"}"))
                .getInt("errcode"))
        .isEqualTo(40008);
  }

  @Test
  void theDuplicateCheckSuppressesTheSameContentWithinTheInterval() {
    String token = token();
    messaging.send(token, text("s001", "same"));
    JsonObject again = messaging.send(token, text("s001", "same"));
    assertThat(again.getInt("errcode")).isZero();
    assertThat(store.to("s001", StandInMessage.DELIVERED)).hasSize(1);
    assertThat(store.to("s001", StandInMessage.DUPLICATE)).hasSize(1);
    messaging.send(token, text("s001", "different"));
    assertThat(store.to("s001", StandInMessage.DELIVERED)).hasSize(2);
    clock.advance(Duration.ofSeconds(1801));
    messaging.send(token, text("s001", "same"));
    assertThat(store.to("s001", StandInMessage.DELIVERED)).hasSize(3);
    // Without the check, a repeat is delivered.
    messaging.send(
        token,
        json(
            "{\"touser\":\"s002\",\"agentid\":"
                + AGENT
                + ",\"msgtype\":\"text\",\"text\":{\"content\":\"r\"}}"));
    messaging.send(
        token,
        json(
            "{\"touser\":\"s002\",\"agentid\":"
                + AGENT
                + ",\"msgtype\":\"text\",\"text\":{\"content\":\"r\"}}"));
    assertThat(store.to("s002", StandInMessage.DELIVERED)).hasSize(2);
  }

  @Test
  void the31stMessageInAMinuteIsSilentlyDropped() {
    String token = token();
    for (int i = 0; i < 31; i++) {
      assertThat(messaging.send(token, text("s001", "m" + i)).getInt("errcode")).isZero();
    }
    assertThat(store.to("s001", StandInMessage.DELIVERED)).hasSize(30);
    assertThat(store.to("s001", StandInMessage.DROPPED)).hasSize(1);
    clock.advance(Duration.ofSeconds(61));
    messaging.send(token, text("s001", "later"));
    assertThat(store.to("s001", StandInMessage.DELIVERED)).hasSize(31);
  }

  @Test
  void anInteractiveCardGetsAResponseCodeUsableOnce() {
    String token = token();
    JsonObject card =
        json(
            "{\"touser\":\"T001\",\"agentid\":"
                + AGENT
                + ",\"msgtype\":\"template_card\","
                + "\"template_card\":{\"card_type\":\"button_interaction\",\"main_title\":{\"title\":\"请假\"},"
                + "\"task_id\":\"leave-1\",\"button_list\":[{\"text\":\"同意\",\"key\":\"approve:1\"}]}}");
    String code = messaging.send(token, card).getString("response_code");
    assertThat(code).isNotBlank();
    JsonObject update =
        json(
            "{\"userids\":[\"T001\"],\"agentid\":"
                + AGENT
                + ",\"response_code\":\""
                + code
                + "\",\"button\":{\"replace_name\":\"已同意\"}}");
    assertThat(messaging.updateTemplateCard(token, update).getInt("errcode")).isZero();
    assertThat(store.to("t001", StandInMessage.UPDATED)).hasSize(1);
    assertThat(messaging.updateTemplateCard(token, update).getInt("errcode")).isEqualTo(40058);
    // A text notice card has no response_code.
    JsonObject notice =
        json(
            "{\"touser\":\"T001\",\"agentid\":"
                + AGENT
                + ",\"msgtype\":\"template_card\","
                + "\"template_card\":{\"card_type\":\"text_notice\",\"main_title\":{\"title\":\"x\"}}}");
    assertThat(messaging.send(token, notice).containsKey("response_code")).isFalse();
  }

  @Test
  void aResponseCodeExpiresAfter72Hours() {
    String token = token();
    String code =
        messaging
            .send(
                token,
                json(
                    "{\"touser\":\"T001\",\"agentid\":"
                        + AGENT
                        + ",\"msgtype\":\"template_card\",\"template_card\":{\"card_type\":\"vote_interaction\"}}"))
            .getString("response_code");
    clock.advance(Duration.ofHours(73));
    String fresh = standIn.gettoken("ww", "secret").getString("access_token");
    assertThat(
            messaging
                .updateTemplateCard(
                    fresh,
                    json(
                        "{\"userids\":[\"T001\"],\"agentid\":"
                            + AGENT
                            + ",\"response_code\":\""
                            + code
                            + "\",\"button\":{\"replace_name\":\"x\"}}"))
                .getInt("errcode"))
        .isEqualTo(40058);
  }

  @Test
  void anOutageFailsEveryCallUntilItEnds() throws Exception {
    String token = token();
    faults.failFor(StandInMessaging.SEND, -1, 0, Duration.ofMillis(300));
    assertThat(messaging.send(token, text("s001", "a")).getInt("errcode")).isEqualTo(-1);
    assertThat(messaging.send(token, text("s001", "b")).getInt("errcode")).isEqualTo(-1);
    Thread.sleep(350);
    assertThat(messaging.send(token, text("s001", "c")).getInt("errcode")).isZero();
    faults.failFor(StandInMessaging.SEND, 0, 503, Duration.ofSeconds(5));
    assertThat(messaging.send(token, text("s001", "d")).getInt(StandInFaults.HTTP_STATUS))
        .isEqualTo(503);
    assertThat(store.to("s001", StandInMessage.DELIVERED)).hasSize(1);
  }

  @Test
  void aRecallWithin24HoursIsKeptAfterItIs42052AndAnotherAppsTokenIs40058() {
    messaging.appTokens(t -> standIn.isContactsToken(t).map(c -> !c).orElse(false));
    String msgid = messaging.send(token(), text("T001|s001", "to recall")).getString("msgid");
    String contacts = standIn.gettoken("ww", "contacts-secret").getString("access_token");
    assertThat(messaging.recall(contacts, json("{\"msgid\":\"" + msgid + "\"}")).getInt("errcode"))
        .as("the contacts-sync secret's token is another app's")
        .isEqualTo(40058);
    assertThat(messaging.recall(token(), json("{\"msgid\":\"nope\"}")).getInt("errcode"))
        .isEqualTo(40058);
    assertThat(messaging.recall(token(), json("{}")).getInt("errcode")).isEqualTo(40058);
    assertThat(messaging.recall("", json("{\"msgid\":\"" + msgid + "\"}")).getInt("errcode"))
        .isEqualTo(41001);
    assertThat(store.recalls(null, 10)).isEmpty();

    clock.advance(Duration.ofHours(23));
    assertThat(messaging.recall(token(), json("{\"msgid\":\"" + msgid + "\"}")).getInt("errcode"))
        .isZero();
    assertThat(store.recalls(msgid, 10)).hasSize(1);

    String later = messaging.send(token(), text("s002", "later")).getString("msgid");
    clock.advance(Duration.ofHours(24).plusSeconds(1));
    JsonObject late = messaging.recall(token(), json("{\"msgid\":\"" + later + "\"}"));
    assertThat(late.getInt("errcode")).isEqualTo(42052);
    assertThat(store.recalls(later, 10)).isEmpty();
  }
}
