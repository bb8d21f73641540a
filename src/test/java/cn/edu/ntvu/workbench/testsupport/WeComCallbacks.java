package cn.edu.ntvu.workbench.testsupport;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.wecom.application.WeComCallbackSettings;
import cn.edu.ntvu.workbench.wecom.domain.CallbackCrypto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays WeCom's servers against the packaged app's callback URL, with the development Token and
 * EncodingAESKey: signed URL verifications and encrypted messages, and tampered variants of both.
 */
public final class WeComCallbacks {
  private static final AtomicLong NONCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** The crypto of the dev app (our corp id). */
  public static final CallbackCrypto DEV =
      new CallbackCrypto(
          WeComCallbackSettings.DEV_TOKEN,
          WeComCallbackSettings.DEV_AES_KEY,
          AppSettings.DEV_CORP_ID);

  private WeComCallbacks() {}

  public static String url(String app) {
    return app + "/wecom/callback";
  }

  /** A text message as WeCom sends it. */
  public static String textMessage(String from, String content, String msgId, long createTime) {
    return "<xml><ToUserName><![CDATA["
        + AppSettings.DEV_CORP_ID
        + "]]></ToUserName>"
        + "<FromUserName><![CDATA["
        + from
        + "]]></FromUserName><CreateTime>"
        + createTime
        + "</CreateTime>"
        + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
        + content
        + "]]></Content>"
        + "<MsgId>"
        + msgId
        + "</MsgId><AgentID>"
        + AppSettings.DEV_AGENT_ID
        + "</AgentID></xml>";
  }

  /** A template_card_event (a button click) as WeCom sends it. */
  public static String cardClick(
      String from, String eventKey, String taskId, String responseCode, long createTime) {
    return "<xml><ToUserName><![CDATA["
        + AppSettings.DEV_CORP_ID
        + "]]></ToUserName>"
        + "<FromUserName><![CDATA["
        + from
        + "]]></FromUserName><CreateTime>"
        + createTime
        + "</CreateTime>"
        + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>"
        + "<EventKey><![CDATA["
        + eventKey
        + "]]></EventKey><TaskId><![CDATA["
        + taskId
        + "]]></TaskId>"
        + "<CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA["
        + responseCode
        + "]]></ResponseCode><AgentID>"
        + AppSettings.DEV_AGENT_ID
        + "</AgentID></xml>";
  }

  /** A signed, encrypted POST exactly as WeCom builds it. */
  public record Post(String query, String body) {
    public HttpResponse<String> send(String app) {
      return WeComCallbacks.send(
          HttpRequest.newBuilder(URI.create(url(app) + "?" + query))
              .header("Content-Type", "text/xml")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }
  }

  public static Post post(CallbackCrypto crypto, String plainXml) {
    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
    String nonce = String.valueOf(NONCE.incrementAndGet());
    CallbackCrypto.Sealed sealed = crypto.seal(plainXml, timestamp, nonce);
    return signedPost(sealed.msgSignature(), timestamp, nonce, sealed.encrypted());
  }

  /** A POST whose Encrypt is {@code encrypted} as given, signed with the dev Token. */
  public static Post signedPost(
      String msgSignature, String timestamp, String nonce, String encrypted) {
    String body =
        "<xml><ToUserName><![CDATA["
            + AppSettings.DEV_CORP_ID
            + "]]></ToUserName><Encrypt><![CDATA["
            + encrypted
            + "]]></Encrypt><AgentID><![CDATA["
            + AppSettings.DEV_AGENT_ID
            + "]]></AgentID></xml>";
    return new Post(
        "msg_signature=" + enc(msgSignature) + "&timestamp=" + timestamp + "&nonce=" + enc(nonce),
        body);
  }

  /**
   * GET URL verification: returns the signed query with {@code echostr} = the encrypted {@code
   * plain}.
   */
  public static String verificationQuery(CallbackCrypto crypto, String plain) {
    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
    String nonce = String.valueOf(NONCE.incrementAndGet());
    String echostr = crypto.encrypt(plain);
    return "msg_signature="
        + enc(crypto.signature(timestamp, nonce, echostr))
        + "&timestamp="
        + timestamp
        + "&nonce="
        + nonce
        + "&echostr="
        + enc(echostr);
  }

  public static HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  public static HttpResponse<String> postRaw(String url, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "text/xml")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  public static HttpResponse<String> postJson(String url, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
