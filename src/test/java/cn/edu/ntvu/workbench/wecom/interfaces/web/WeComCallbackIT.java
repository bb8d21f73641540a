package cn.edu.ntvu.workbench.wecom.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.E2eDb;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.WeComCallbacks;
import cn.edu.ntvu.workbench.wecom.application.WeComCallbackSettings;
import cn.edu.ntvu.workbench.wecom.domain.CallbackCrypto;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The callback URL of the packaged app driven as WeCom would (dev Token and EncodingAESKey): URL
 * verification, messages taken in once (retries, replays and concurrent copies included: the
 * receipts in {@code wecom_callback_received}), and every kind of tampering refused with a short
 * 4xx text. What a micro-app is handed, a failing handler and a passive reply need a micro-app of
 * the test's own: InContainerIT has one.
 */
class WeComCallbackIT {
  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  private static void assertRefusedPlainly(HttpResponse<String> r, int status, String reason) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(r.body())
        .startsWith("refused: ")
        .contains(reason)
        .doesNotContain("Exception")
        .doesNotContain("at cn.");
    assertThat(r.body())
        .doesNotContain(WeComCallbackSettings.DEV_TOKEN)
        .doesNotContain(WeComCallbackSettings.DEV_AES_KEY);
  }

  private static int rowsFor(String fromUser) throws Exception {
    return (int)
        E2eDb.count("SELECT COUNT(*) FROM wecom_callback_received WHERE from_user = ?", fromUser);
  }

  /** msg_type, event, agent_id and create_time of the one receipt from {@code fromUser}. */
  private static String receipt(String fromUser) throws Exception {
    return E2eDb.query(
        "SELECT CONCAT_WS(' ', msg_type, event, agent_id, create_time) FROM wecom_callback_received"
            + " WHERE from_user = ?",
        fromUser);
  }

  @Test
  void urlVerificationAnswersTheDecryptedEchostrExactly() {
    HttpResponse<String> r =
        WeComCallbacks.get(
            WeComCallbacks.url(app)
                + "?"
                + WeComCallbacks.verificationQuery(WeComCallbacks.DEV, "1616140317555161061"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("1616140317555161061");
  }

  @Test
  void urlVerificationWithABadSignatureOrAForeignCorpIsRefused() {
    String query = WeComCallbacks.verificationQuery(WeComCallbacks.DEV, "42");
    String forged = query.replaceFirst("msg_signature=.", "msg_signature=0");
    if (forged.equals(query)) {
      forged = query.replaceFirst("msg_signature=.", "msg_signature=1");
    }
    assertRefusedPlainly(
        WeComCallbacks.get(WeComCallbacks.url(app) + "?" + forged), 403, "msg_signature");
    CallbackCrypto foreign =
        new CallbackCrypto(
            WeComCallbackSettings.DEV_TOKEN,
            WeComCallbackSettings.DEV_AES_KEY,
            "wwforeigncorp00001");
    assertRefusedPlainly(
        WeComCallbacks.get(
            WeComCallbacks.url(app) + "?" + WeComCallbacks.verificationQuery(foreign, "42")),
        403,
        "receiveid");
    assertRefusedPlainly(WeComCallbacks.get(WeComCallbacks.url(app)), 400, "missing");
  }

  @Test
  void aMessageIsHandedOverOnceEvenWhenWeComRetriesOrItIsReplayed() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    WeComCallbacks.Post post =
        WeComCallbacks.post(
            WeComCallbacks.DEV,
            WeComCallbacks.textMessage("cbtext01", "你好", "7001000000000000001", now));
    HttpResponse<String> first = post.send(app);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEmpty();
    // WeCom's retry is the same request again; a replay by someone who recorded it too.
    assertThat(post.send(app).statusCode()).isEqualTo(200);
    assertThat(post.send(app).body()).isEmpty();
    // A retry of the same message with a fresh signature and nonce (as WeCom builds each retry) is
    // the same message.
    assertThat(
            WeComCallbacks.post(
                    WeComCallbacks.DEV,
                    WeComCallbacks.textMessage("cbtext01", "你好", "7001000000000000001", now))
                .send(app)
                .statusCode())
        .isEqualTo(200);

    assertThat(rowsFor("cbtext01")).isEqualTo(1);
    assertThat(receipt("cbtext01")).isEqualTo("text 1000002 " + now);
  }

  @Test
  void concurrentCopiesOfOneClickAreHandledOnce() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    String click = WeComCallbacks.cardClick("cbclick01", "approve:77", "leave-77", "rc-77", now);
    List<Callable<Integer>> copies = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      WeComCallbacks.Post post = WeComCallbacks.post(WeComCallbacks.DEV, click);
      copies.add(() -> post.send(app).statusCode());
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      for (Future<Integer> status : pool.invokeAll(copies)) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(rowsFor("cbclick01")).isEqualTo(1);
    assertThat(receipt("cbclick01")).isEqualTo("event template_card_event 1000002 " + now);
  }

  @Test
  void theStandInSendsAnEncryptedCardClickThatArrives() throws Exception {
    JsonObject answer =
        TestServers.standIn()
            .cardClick("cbstandin01", "approve:79", "leave-79", System.currentTimeMillis() / 1000);
    assertThat(answer.getInt("status")).isEqualTo(200);
    assertThat(answer.getString("xml")).contains("<ResponseCode><![CDATA[standin-rc-");
    assertThat(rowsFor("cbstandin01")).isEqualTo(1);
    assertThat(receipt("cbstandin01")).startsWith("event template_card_event 1000002 ");
  }

  @Test
  void tamperedMessagesAreRefusedWithAShortTextAndNothingIsHandedOver() throws Exception {
    String plain =
        WeComCallbacks.textMessage(
            "cbbad01", "x", "7001000000000000002", System.currentTimeMillis() / 1000);
    WeComCallbacks.Post good = WeComCallbacks.post(WeComCallbacks.DEV, plain);

    // bad signature
    String badQuery = good.query().replaceFirst("msg_signature=[0-9a-f]", "msg_signature=g");
    assertRefusedPlainly(
        new WeComCallbacks.Post(badQuery, good.body()).send(app), 403, "msg_signature");
    // another body under the same signature
    WeComCallbacks.Post other = WeComCallbacks.post(WeComCallbacks.DEV, plain);
    assertRefusedPlainly(
        new WeComCallbacks.Post(good.query(), other.body()).send(app), 403, "msg_signature");
    // wrong corp id (receiveid)
    CallbackCrypto foreign =
        new CallbackCrypto(
            WeComCallbackSettings.DEV_TOKEN,
            WeComCallbackSettings.DEV_AES_KEY,
            "wwforeigncorp00001");
    assertRefusedPlainly(WeComCallbacks.post(foreign, plain).send(app), 403, "receiveid");
    // another EncodingAESKey: the signature is right (same Token) but the padding is not
    CallbackCrypto otherKey =
        new CallbackCrypto(
            WeComCallbackSettings.DEV_TOKEN,
            "OtherAesKey0000000000000000000000000000000A".substring(0, 43),
            "wwdevcorp0000000001");
    HttpResponse<String> wrongKey = WeComCallbacks.post(otherKey, plain).send(app);
    assertThat(wrongKey.statusCode()).isBetween(400, 403);
    assertThat(wrongKey.body()).startsWith("refused: ");
    // truncated ciphertext, correctly signed
    String encrypted = WeComCallbacks.DEV.encrypt(plain);
    byte[] bytes = Base64.getDecoder().decode(encrypted);
    String cut =
        Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, bytes.length - 16));
    String ts = String.valueOf(System.currentTimeMillis() / 1000);
    assertRefusedPlainly(
        WeComCallbacks.signedPost(WeComCallbacks.DEV.signature(ts, "2", cut), ts, "2", cut)
            .send(app),
        400,
        "decrypted");
    // garbage in Encrypt, correctly signed
    assertRefusedPlainly(
        WeComCallbacks.signedPost(WeComCallbacks.DEV.signature(ts, "2", "%%%"), ts, "2", "%%%")
            .send(app),
        400,
        "Base64");
    // a correctly signed recording from two days ago
    String old = String.valueOf(System.currentTimeMillis() / 1000 - 2 * 86_400);
    assertRefusedPlainly(
        WeComCallbacks.signedPost(
                WeComCallbacks.DEV.signature(old, "3", encrypted), old, "3", encrypted)
            .send(app),
        403,
        "timestamp");
    // not XML, and XML with a DOCTYPE (XXE)
    assertRefusedPlainly(
        WeComCallbacks.postRaw(WeComCallbacks.url(app) + "?" + good.query(), "garbage"),
        400,
        "XML");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<xml><Encrypt>&x;</Encrypt></xml>";
    assertRefusedPlainly(
        WeComCallbacks.postRaw(WeComCallbacks.url(app) + "?" + good.query(), xxe), 400, "XML");
    // too large
    HttpResponse<String> large =
        WeComCallbacks.postRaw(WeComCallbacks.url(app) + "?" + good.query(), "x".repeat(70_000));
    assertThat(large.statusCode()).isEqualTo(413);

    assertThat(rowsFor("cbbad01")).isZero();
  }
}
