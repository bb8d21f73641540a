package cn.edu.ntvu.workbench.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.identity.IdentityInContainer;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.wecom.application.Credential;
import cn.edu.ntvu.workbench.wecom.domain.WeComIdentity;
import cn.edu.ntvu.workbench.wecom.domain.WeComInvalidCodeException;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The WeCom client in the container: the cluster-wide token store, sign-in through the stand-in
 * over HTTP.
 *
 * <p>An abstract part of {@code platform.persistence.InContainerIT}: the parts are stacked into
 * that one class so that Arquillian starts Payara Micro once for all of them (each deployment is a
 * new Payara Micro).
 */
public abstract class WeComInContainer extends IdentityInContainer {
  @Test
  void theTokenStoreLetsOneServerRefreshAtATimeAndDeletesOnlyTheFailedToken() throws Exception {
    String key = "it:" + System.nanoTime();
    AtomicInteger fetches = new AtomicInteger();
    Callable<Credential> refresh =
        () ->
            credentials.refresh(
                key,
                c -> c.usableAt(Instant.now()),
                () -> {
                  fetches.incrementAndGet();
                  sleep(300);
                  return new Credential("token-" + fetches.get(), Instant.now().plusSeconds(3600));
                });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Credential>> all = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        all.add(pool.submit(refresh));
      }
      for (Future<Credential> f : all) {
        assertThat(f.get().value()).isEqualTo("token-1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fetches).hasValue(1);

    assertThat(credentials.invalidate(key, "token-old")).isFalse();
    assertThat(credentials.read(key)).get().extracting(Credential::value).isEqualTo("token-1");
    assertThat(credentials.invalidate(key, "token-1")).isTrue();
    assertThat(credentials.read(key).map(Credential::value).orElse(null)).isNull();
  }

  @Test
  void theWeComClientSignsInThroughTheStandInAndCodesAreSingleUse() {
    String code = standIn().issueCode("20240100001");
    WeComIdentity identity = wecom.getUserInfo(code);
    assertThat(identity)
        .isEqualTo(new WeComIdentity.Member("20240100001", java.util.Optional.empty()));
    assertThatThrownBy(() -> wecom.getUserInfo(code)).isInstanceOf(WeComInvalidCodeException.class);
    assertThat(wecom.getUserInfo(standIn().issueCode(null)))
        .isInstanceOf(WeComIdentity.NonMember.class);
  }

  // --- the WeCom callback (wecom.callback): what it hands to the micro-apps, seen by a micro-app
  // of this deployment
  // (CallbackRecorder); WeCom's servers are the stand-in, posting encrypted and signed to the
  // callback URL ---

  @Inject CallbackRecorder recorder;

  private long callbackRows(String sql, String arg) throws Exception {
    try (java.sql.Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Inject cn.edu.ntvu.workbench.wecom.application.WeComCallbackSettings callbackSettings;

  /**
   * The stand-in posts {@code plainXml} to our callback as WeCom would; what the callback answered.
   */
  private jakarta.json.JsonObject weComPosts(String plainXml) {
    return standIn()
        .post(
            "/_callback",
            jakarta.json.Json.createObjectBuilder().add("xml", plainXml).build().toString());
  }

  private static String textMessage(String from, String content, String msgId) {
    return "<xml><ToUserName><![CDATA["
        + AppSettings.DEV_CORP_ID
        + "]]></ToUserName><FromUserName><![CDATA["
        + from
        + "]]></FromUserName><CreateTime>"
        + Instant.now().getEpochSecond()
        + "</CreateTime><MsgType><![CDATA[text]]>"
        + "</MsgType><Content><![CDATA["
        + content
        + "]]></Content><MsgId>"
        + msgId
        + "</MsgId><AgentID>"
        + AppSettings.DEV_AGENT_ID
        + "</AgentID></xml>";
  }

  private static String cardClick(String from, String eventKey) {
    return "<xml><ToUserName><![CDATA["
        + AppSettings.DEV_CORP_ID
        + "]]></ToUserName><FromUserName><![CDATA["
        + from
        + "]]></FromUserName><CreateTime>"
        + Instant.now().getEpochSecond()
        + "</CreateTime><MsgType><![CDATA[event]]>"
        + "</MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA["
        + eventKey
        + "]]></EventKey>"
        + "<TaskId><![CDATA[leave-0]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode>"
        + "<![CDATA[rc-"
        + from
        + "]]></ResponseCode><AgentID>"
        + AppSettings.DEV_AGENT_ID
        + "</AgentID></xml>";
  }

  @Test
  void aCallbackMessageIsHandedToTheMicroAppsOnceWithItsFields() {
    String from = "cbin" + System.nanoTime() % 1_000_000;
    String msgId = "7001" + System.nanoTime();
    String xml = textMessage(from, "你好", msgId);
    assertThat(weComPosts(xml).getInt("status")).isEqualTo(200);
    // WeCom's retry is the same message again, sealed anew (signature, nonce).
    var retry = weComPosts(xml);
    assertThat(retry.getInt("status")).isEqualTo(200);
    assertThat(retry.getString("body")).isEmpty();
    assertThat(recorder.from(from))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.msgType()).isEqualTo("text");
              assertThat(m.msgId()).isEqualTo(msgId);
              assertThat(m.agentId()).isEqualTo(AppSettings.DEV_AGENT_ID);
              assertThat(m.fields()).containsEntry("Content", "你好");
            });
  }

  @Test
  void aFailingHandlerRollsTheReceiptBackAndWeComsRetryIsHandled() throws Exception {
    String from = "cbfail" + System.nanoTime() % 1_000_000;
    String click = cardClick(from, "reject:78");
    recorder.failNext(1);
    var failed = weComPosts(click);
    assertThat(failed.getInt("status")).isEqualTo(503);
    assertThat(failed.getString("body")).contains("retry").doesNotContain("Exception");
    assertThat(
            callbackRows("SELECT COUNT(*) FROM wecom_callback_received WHERE from_user = ?", from))
        .isZero();
    assertThat(weComPosts(click).getInt("status")).isEqualTo(200);
    assertThat(weComPosts(click).getInt("status")).isEqualTo(200);
    assertThat(recorder.from(from)).hasSize(1);
    assertThat(
            callbackRows("SELECT COUNT(*) FROM wecom_callback_received WHERE from_user = ?", from))
        .isEqualTo(1);
  }

  @Test
  void aPassiveReplyIsEncryptedAndSignedForWeCom() {
    String from = "cbreply" + System.nanoTime() % 1_000_000;
    String update =
        "<xml><ToUserName><![CDATA["
            + from
            + "]]></ToUserName><MsgType><![CDATA[update_button]]>"
            + "</MsgType><Button><ReplaceName><![CDATA[已同意]]></ReplaceName></Button></xml>";
    recorder.replyNext(update);
    var answer = weComPosts(cardClick(from, "approve:80"));
    assertThat(answer.getInt("status")).isEqualTo(200);
    var fields = cn.edu.ntvu.workbench.wecom.domain.CallbackXml.fields(answer.getString("body"));
    assertThat(
            callbackSettings
                .crypto()
                .orElseThrow()
                .verifyAndDecrypt(
                    fields.get("MsgSignature"),
                    fields.get("TimeStamp"),
                    fields.get("Nonce"),
                    fields.get("Encrypt")))
        .isEqualTo(update);
  }

  // --- end of the WeCom callback ---
}
