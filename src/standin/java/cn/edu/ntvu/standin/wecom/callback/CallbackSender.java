package cn.edu.ntvu.standin.wecom.callback;

import cn.edu.ntvu.standin.StandInSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * Plays WeCom's servers calling the app's callback URL: encrypts and signs a plaintext message with
 * the configured Token and EncodingAESKey exactly as WeCom does (§4) and POSTs it, so that a click
 * on a card button or a contacts event arrives end to end in development and in tests.
 */
@ApplicationScoped
public class CallbackSender {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Inject StandInSettings settings;

  /** What the app's callback answered (status 0: not delivered). */
  public record Delivery(int status, String body) {}

  /** A {@code template_card_event} (a button click, §5.1) as WeCom sends it. */
  public String templateCardEvent(
      String fromUser, String eventKey, String taskId, long createTime) {
    String responseCode = "standin-rc-" + Long.toHexString(RANDOM.nextLong());
    return "<xml><ToUserName><![CDATA["
        + settings.corpId()
        + "]]></ToUserName>"
        + "<FromUserName><![CDATA["
        + fromUser
        + "]]></FromUserName>"
        + "<CreateTime>"
        + createTime
        + "</CreateTime>"
        + "<MsgType><![CDATA[event]]></MsgType>"
        + "<Event><![CDATA[template_card_event]]></Event>"
        + "<EventKey><![CDATA["
        + eventKey
        + "]]></EventKey>"
        + "<TaskId><![CDATA["
        + taskId
        + "]]></TaskId>"
        + "<CardType><![CDATA[button_interaction]]></CardType>"
        + "<ResponseCode><![CDATA["
        + responseCode
        + "]]></ResponseCode>"
        + "<AgentID>"
        + settings.agentId()
        + "</AgentID></xml>";
  }

  /** Encrypts, signs and POSTs {@code plainXml} to the app's callback URL, as WeCom would. */
  public Delivery send(String plainXml) {
    WeComSealing sealing =
        new WeComSealing(settings.callbackToken(), settings.callbackAesKey(), settings.corpId());
    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
    String nonce = String.valueOf(100_000_000 + RANDOM.nextInt(900_000_000));
    WeComSealing.Sealed sealed = sealing.seal(plainXml, timestamp, nonce);
    String body =
        "<xml><ToUserName><![CDATA["
            + settings.corpId()
            + "]]></ToUserName><Encrypt><![CDATA["
            + sealed.encrypted()
            + "]]></Encrypt><AgentID><![CDATA["
            + settings.agentId()
            + "]]></AgentID></xml>";
    String url =
        settings.callbackUrl()
            + "?msg_signature="
            + enc(sealed.msgSignature())
            + "&timestamp="
            + timestamp
            + "&nonce="
            + nonce;
    try {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "text/xml")
                  .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Delivery(answer.statusCode(), answer.body());
    } catch (IOException e) {
      return new Delivery(0, "not delivered: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Delivery(0, "interrupted");
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
