package cn.edu.ntvu.workbench.wecom.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.wecom.domain.CallbackRejectedException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The official WXBizMsgCrypt sample (docs/wecom-api.md §4.4 set A), WxJava's encryption vector (set
 * C), tampering.
 */
class CallbackCryptoTest {

  // Set A, quoted exactly from the official sample.
  static final String TOKEN = "QDG6eK";
  static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
  static final String CORP_ID = "wx5823bf96d3bd56c7";
  static final String GET_SIGNATURE = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
  static final String GET_TIMESTAMP = "1409659589";
  static final String GET_NONCE = "263014780";
  static final String ECHOSTR =
      "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
  static final String POST_SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6";
  static final String POST_TIMESTAMP = "1409659813";
  static final String POST_NONCE = "1372623149";
  static final String POST_ENCRYPT =
      "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
  static final String POST_PLAIN =
      "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n"
          + "<FromUserName><![CDATA[mycreate]]></FromUserName>\n"
          + "<CreateTime>1409659813</CreateTime>\n"
          + "<MsgType><![CDATA[text]]></MsgType>\n"
          + "<Content><![CDATA[hello]]></Content>\n"
          + "<MsgId>4561255354251345929</MsgId>\n"
          + "<AgentID>218</AgentID>\n"
          + "</xml>";

  private final CallbackCrypto official = new CallbackCrypto(TOKEN, AES_KEY, CORP_ID);

  @Test
  void urlVerificationOfTheOfficialSample() {
    assertThat(official.signature(GET_TIMESTAMP, GET_NONCE, ECHOSTR)).isEqualTo(GET_SIGNATURE);
    assertThat(official.verifyAndDecrypt(GET_SIGNATURE, GET_TIMESTAMP, GET_NONCE, ECHOSTR))
        .isEqualTo("1616140317555161061");
  }

  @Test
  void postOfTheOfficialSampleDecryptsDespiteAPadByteAbove16() {
    assertThat(official.signature(POST_TIMESTAMP, POST_NONCE, POST_ENCRYPT))
        .isEqualTo(POST_SIGNATURE);
    String plain =
        official.verifyAndDecrypt(POST_SIGNATURE, POST_TIMESTAMP, POST_NONCE, POST_ENCRYPT);
    assertThat(plain).isEqualTo(POST_PLAIN);
  }

  @Test
  void encryptionMatchesTheDeterministicVector() {
    CallbackCrypto crypto =
        new CallbackCrypto(
            "pamtest", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wxb11529c136998cb6");
    String encrypted =
        crypto.encrypt(
            "我是中文abcd123",
            "aaaabbbbccccdddd".getBytes(StandardCharsets.US_ASCII),
            "wxb11529c136998cb6");
    assertThat(encrypted)
        .isEqualTo(
            "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==");
    assertThat(crypto.decrypt(encrypted)).isEqualTo("我是中文abcd123");
  }

  @Test
  void sealedReplyRoundTripsAndPadsToA32ByteMultipleWithAFullBlockWhenAligned() {
    CallbackCrypto crypto = new CallbackCrypto(TOKEN, AES_KEY, CORP_ID, new Random(7));
    // 16 + 4 + 12 + 18 = 50 → pad 14; 16 + 4 + 26 + 18 = 64 → a whole extra block of 32.
    for (String message :
        new String[] {"", "hello world!", "abcdefghijklmnopqrstuvwxyz", "中文".repeat(200)}) {
      CallbackCrypto.Sealed sealed = crypto.seal(message, "1700000000", "n0nce");
      assertThat(Base64.getDecoder().decode(sealed.encrypted()).length % 32).isZero();
      assertThat(
              crypto.verifyAndDecrypt(
                  sealed.msgSignature(), "1700000000", "n0nce", sealed.encrypted()))
          .isEqualTo(message);
    }
    assertThat(Base64.getDecoder().decode(crypto.encrypt("abcdefghijklmnopqrstuvwxyz")).length)
        .isEqualTo(96);
  }

  @Test
  void aBadSignatureIsRefusedBeforeAnythingIsDecrypted() {
    String flipped = (GET_SIGNATURE.charAt(0) == 'a' ? "b" : "a") + GET_SIGNATURE.substring(1);
    assertRejected(
        () -> official.verifyAndDecrypt(flipped, GET_TIMESTAMP, GET_NONCE, ECHOSTR),
        Reason.BAD_SIGNATURE);
    assertRejected(
        () -> official.verifyAndDecrypt(GET_SIGNATURE, GET_TIMESTAMP, "263014781", ECHOSTR),
        Reason.BAD_SIGNATURE);
    assertRejected(
        () ->
            new CallbackCrypto("QDG6eL", AES_KEY, CORP_ID)
                .verifyAndDecrypt(GET_SIGNATURE, GET_TIMESTAMP, GET_NONCE, ECHOSTR),
        Reason.BAD_SIGNATURE);
    assertRejected(
        () -> official.verify(null, GET_TIMESTAMP, GET_NONCE, ECHOSTR), Reason.MISSING_PARAMETER);
  }

  @Test
  void aMessageForAnotherCorpIsRefused() {
    CallbackCrypto ours = new CallbackCrypto(TOKEN, AES_KEY, "wwourcorp000000001");
    assertRejected(
        () -> ours.verifyAndDecrypt(POST_SIGNATURE, POST_TIMESTAMP, POST_NONCE, POST_ENCRYPT),
        Reason.WRONG_RECEIVER);
    // and one that names a corp id which merely starts like ours
    String longer = official.encrypt("x", new byte[16], CORP_ID + "0");
    assertRejected(() -> official.decrypt(longer), Reason.WRONG_RECEIVER);
  }

  @Test
  void aBadPaddingIsRefused() throws Exception {
    byte[] plain = layout("hello", CORP_ID);
    // pad with 0 (never valid), with a value above 32, and inconsistent pad bytes
    assertRejected(() -> official.decrypt(rawEncrypt(padWith(plain, 0, 0))), Reason.BAD_PADDING);
    assertRejected(() -> official.decrypt(rawEncrypt(padWith(plain, 33, 33))), Reason.BAD_PADDING);
    byte[] mixed = padWith(plain, 5, 5);
    mixed[mixed.length - 3] = 4;
    assertRejected(() -> official.decrypt(rawEncrypt(mixed)), Reason.BAD_PADDING);
  }

  @Test
  void aLengthPointingOutsideTheMessageIsRefused() throws Exception {
    byte[] plain = layout("hello", CORP_ID);
    ByteBuffer.wrap(plain).putInt(16, 1_611_744_036);
    byte[] padded = padWith(plain, 32 - plain.length % 32, 32 - plain.length % 32);
    assertRejected(() -> official.decrypt(rawEncrypt(padded)), Reason.BAD_LAYOUT);
  }

  @Test
  void truncatedOrGarbageMessagesAreRefused() {
    byte[] full = Base64.getDecoder().decode(POST_ENCRYPT);
    String lastBlockMissing =
        Base64.getEncoder().encodeToString(Arrays.copyOf(full, full.length - 32));
    assertThatThrownBy(() -> official.decrypt(lastBlockMissing))
        .isInstanceOf(CallbackRejectedException.class);
    String halfBlockMissing =
        Base64.getEncoder().encodeToString(Arrays.copyOf(full, full.length - 16));
    assertRejected(() -> official.decrypt(halfBlockMissing), Reason.BAD_CIPHERTEXT);
    assertRejected(() -> official.decrypt(POST_ENCRYPT.substring(0, 101)), Reason.BAD_BASE64);
    assertRejected(() -> official.decrypt("not base64 at all!"), Reason.BAD_BASE64);
    assertRejected(() -> official.decrypt(""), Reason.BAD_CIPHERTEXT);
  }

  @Test
  void settingsOfTheWrongShapeAreRefusedAndNeverShown() {
    assertThatThrownBy(() -> new CallbackCrypto(TOKEN, "tooShort", CORP_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("tooShort");
    assertThatThrownBy(() -> new CallbackCrypto("bad token!", AES_KEY, CORP_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("bad token!");
    assertThat(official.toString()).doesNotContain(TOKEN).doesNotContain(AES_KEY);
    String generated = CallbackCrypto.newAesKey(new Random(1));
    assertThat(CallbackCrypto.isValidAesKey(generated)).isTrue();
    assertThat(
            new CallbackCrypto(TOKEN, generated, CORP_ID)
                .decrypt(new CallbackCrypto(TOKEN, generated, CORP_ID).encrypt("ok")))
        .isEqualTo("ok");
  }

  private static byte[] layout(String message, String receiver) {
    byte[] msg = message.getBytes(StandardCharsets.UTF_8);
    byte[] rid = receiver.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(20 + msg.length + rid.length)
        .put(new byte[16])
        .putInt(msg.length)
        .put(msg)
        .put(rid)
        .array();
  }

  /**
   * Pads to the next multiple of 32 using {@code value} as every pad byte and {@code count}≥1 bytes
   * (or 32).
   */
  private static byte[] padWith(byte[] plain, int count, int value) {
    int n = (32 - plain.length % 32);
    byte[] out = Arrays.copyOf(plain, plain.length + n);
    Arrays.fill(out, plain.length, out.length, (byte) value);
    return out;
  }

  private static String rawEncrypt(byte[] padded) throws Exception {
    byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
    Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
    c.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(key, "AES"),
        new IvParameterSpec(Arrays.copyOf(key, 16)));
    return Base64.getEncoder().encodeToString(c.doFinal(padded));
  }

  private static void assertRejected(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(CallbackRejectedException.class)
        .satisfies(e -> assertThat(((CallbackRejectedException) e).reason()).isEqualTo(reason));
  }
}
