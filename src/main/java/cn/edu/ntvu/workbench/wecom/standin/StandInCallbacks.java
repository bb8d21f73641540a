package cn.edu.ntvu.workbench.wecom.standin;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.wecom.domain.CallbackCrypto;
import cn.edu.ntvu.workbench.wecom.application.WeComCallbackSettings;
import cn.edu.ntvu.workbench.wecom.interfaces.web.WeComCallbackServlet;
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
 * Plays WeCom's servers calling our callback URL: encrypts and signs a plaintext message with the configured Token
 * and EncodingAESKey exactly as WeCom does (wecom-api-notes §4) and POSTs it to {@code <public-base-url>/wecom/callback},
 * so a click on a card button can be simulated end to end in development and in tests.
 */
@ApplicationScoped
public class StandInCallbacks {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

  @Inject WeComCallbackSettings settings;

  @Inject AppSettings app;

  /** What our endpoint answered. */
  public record Delivery(int status, String body) {}

  /** A {@code template_card_event} (a button click, §5.1) as WeCom sends it. */
  public String templateCardEvent(String fromUser, String eventKey, String taskId, long createTime) {
    String responseCode = "standin-rc-" + Long.toHexString(RANDOM.nextLong());
    return "<xml><ToUserName><![CDATA[" + app.wecomCorpId() + "]]></ToUserName>"
        + "<FromUserName><![CDATA[" + fromUser + "]]></FromUserName>"
        + "<CreateTime>" + createTime + "</CreateTime>"
        + "<MsgType><![CDATA[event]]></MsgType>"
        + "<Event><![CDATA[template_card_event]]></Event>"
        + "<EventKey><![CDATA[" + eventKey + "]]></EventKey>"
        + "<TaskId><![CDATA[" + taskId + "]]></TaskId>"
        + "<CardType><![CDATA[button_interaction]]></CardType>"
        + "<ResponseCode><![CDATA[" + responseCode + "]]></ResponseCode>"
        + "<AgentID>" + app.wecomAgentId() + "</AgentID></xml>";
  }

  /** Encrypts, signs and POSTs {@code plainXml} to our callback URL, as WeCom would. */
  public Delivery send(String plainXml) {
    CallbackCrypto crypto =
        settings.crypto().orElseThrow(() -> new IllegalStateException("the callback is not configured"));
    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
    String nonce = String.valueOf(100_000_000 + RANDOM.nextInt(900_000_000));
    CallbackCrypto.Sealed sealed = crypto.seal(plainXml, timestamp, nonce);
    String body =
        "<xml><ToUserName><![CDATA[" + app.wecomCorpId() + "]]></ToUserName><Encrypt><![CDATA["
            + sealed.encrypted() + "]]></Encrypt><AgentID><![CDATA[" + app.wecomAgentId() + "]]></AgentID></xml>";
    String url =
        app.publicBaseUrl() + WeComCallbackServlet.PATH + "?msg_signature=" + enc(sealed.msgSignature())
            + "&timestamp=" + timestamp + "&nonce=" + nonce;
    try {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(5))
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
