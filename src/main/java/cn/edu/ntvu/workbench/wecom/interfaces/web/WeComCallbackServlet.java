package cn.edu.ntvu.workbench.wecom.interfaces.web;

import cn.edu.ntvu.workbench.wecom.application.CallbackInbox;
import cn.edu.ntvu.workbench.wecom.application.CallbackReply;
import cn.edu.ntvu.workbench.wecom.application.WeComCallbackMessage;
import cn.edu.ntvu.workbench.wecom.application.WeComCallbackSettings;
import cn.edu.ntvu.workbench.wecom.domain.CallbackCrypto;
import cn.edu.ntvu.workbench.wecom.domain.CallbackRejectedException;
import cn.edu.ntvu.workbench.wecom.domain.CallbackXml;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * WeCom's callback URL ({@value #PATH}, outside sign-in: WeCom's servers send no cookie, the
 * signature is the credential). GET answers the URL verification with the decrypted {@code
 * echostr}; POST verifies, decrypts and parses the message and hands it to {@link CallbackInbox}
 * once (docs/wecom-api.md §4.1). Every refusal is a short plain-text 4xx; the log names the reason
 * and the sender's address, never the Token, the key, the signature or the message.
 */
@WebServlet(WeComCallbackServlet.PATH)
public class WeComCallbackServlet extends HttpServlet {
  public static final String PATH = "/wecom/callback";

  static final int MAX_BODY = 64 * 1024;
  static final int MAX_DRAIN = 1024 * 1024;

  /** WeCom gives up after 5 s and retries; anything near that is worth a warning. */
  static final Duration SLOW = Duration.ofSeconds(3);

  /**
   * How far a message's signed timestamp may be from now; receipts are kept longer than this
   * (CallbackInbox).
   */
  static final Duration MAX_SKEW = Duration.ofDays(1);

  private static final Logger LOG = Logger.getLogger(WeComCallbackServlet.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject transient WeComCallbackSettings settings;
  @Inject transient CallbackInbox inbox;
  @Inject transient CallbackReply reply;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Optional<CallbackCrypto> crypto = configured(res);
    if (crypto.isEmpty()) {
      return;
    }
    try {
      String echo =
          crypto
              .get()
              .verifyAndDecrypt(
                  req.getParameter("msg_signature"),
                  req.getParameter("timestamp"),
                  req.getParameter("nonce"),
                  req.getParameter("echostr"));
      // The plaintext exactly: no quotes, BOM or newline (§4.1).
      text(res, HttpServletResponse.SC_OK, echo);
    } catch (CallbackRejectedException e) {
      refuse(req, res, "URL verification", e);
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    long started = System.nanoTime();
    Optional<CallbackCrypto> crypto = configured(res);
    if (crypto.isEmpty()) {
      return;
    }
    String body = readBody(req);
    if (body == null) {
      // A body beyond the drained megabyte stays unread: do not keep the connection for another
      // request.
      res.setHeader("Connection", "close");
      text(
          res,
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "refused: the body is larger than 64 KB");
      return;
    }
    WeComCallbackMessage message;
    try {
      String encrypted = CallbackXml.fields(body).get("Encrypt");
      if (encrypted == null || encrypted.isEmpty()) {
        throw new CallbackRejectedException(CallbackRejectedException.Reason.BAD_XML);
      }
      String timestamp = req.getParameter("timestamp");
      String nonce = req.getParameter("nonce");
      crypto.get().verify(req.getParameter("msg_signature"), timestamp, nonce, encrypted);
      requireFresh(timestamp);
      String plain = crypto.get().decrypt(encrypted);
      message = WeComCallbackMessage.of(CallbackXml.fields(plain));
      if (message.msgType() == null) {
        throw new CallbackRejectedException(CallbackRejectedException.Reason.BAD_XML);
      }
    } catch (CallbackRejectedException e) {
      refuse(req, res, "message", e);
      return;
    }
    boolean first;
    try {
      first = inbox.receive(message);
    } catch (RuntimeException e) {
      String ref = HexFormat.of().toHexDigits(RANDOM.nextInt());
      LOG.log(
          Level.SEVERE,
          "WeCom callback "
              + message.msgType()
              + "/"
              + message.event()
              + " from "
              + message.fromUser()
              + " failed in a handler (ref "
              + ref
              + "); rolled back, WeCom will retry",
          e);
      text(
          res,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          "not handled, please retry (ref " + ref + ")");
      return;
    }
    if (first && java.util.concurrent.ThreadLocalRandom.current().nextInt(200) == 0) {
      forgetOldReceipts();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    LOG.log(
        took.compareTo(SLOW) > 0 ? Level.WARNING : Level.FINE,
        "WeCom callback {0}/{1} from {2}: {3} in {4} ms",
        new Object[] {
          message.msgType(),
          message.event(),
          message.fromUser(),
          first ? "handled" : "duplicate",
          String.valueOf(took.toMillis())
        });
    Optional<String> passive = first ? reply.get() : Optional.empty();
    if (passive.isEmpty()) {
      // An empty 200 is "received" (§4.1).
      res.setStatus(HttpServletResponse.SC_OK);
      res.setContentLength(0);
      return;
    }
    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
    String nonce =
        String.valueOf(1_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 9_000_000_000L);
    res.setContentType("application/xml;charset=UTF-8");
    text(
        res,
        HttpServletResponse.SC_OK,
        crypto.get().seal(passive.get(), timestamp, nonce).replyXml());
  }

  /**
   * WeCom signs the moment it sends (real time, seconds). A message signed more than {@link
   * #MAX_SKEW} away from now is a recording: refused, so the receipts need not be kept forever to
   * stop replays.
   */
  static void requireFresh(String timestamp) {
    long sent;
    try {
      sent = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      throw new CallbackRejectedException(CallbackRejectedException.Reason.STALE);
    }
    if (Math.abs(System.currentTimeMillis() / 1000 - sent) > MAX_SKEW.toSeconds()) {
      throw new CallbackRejectedException(CallbackRejectedException.Reason.STALE);
    }
  }

  /**
   * Housekeeping now and then, after an answer is ready; a failure here never touches the callback.
   */
  private void forgetOldReceipts() {
    try {
      inbox.forgetOldReceipts();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "old WeCom callback receipts not removed this time", e);
    }
  }

  private Optional<CallbackCrypto> configured(HttpServletResponse res) throws IOException {
    Optional<CallbackCrypto> crypto = settings.crypto();
    if (crypto.isEmpty()) {
      text(
          res,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          "the WeCom callback is not configured on this server");
    }
    return crypto;
  }

  private static void refuse(
      HttpServletRequest req, HttpServletResponse res, String what, CallbackRejectedException e)
      throws IOException {
    CallbackRejectedException.Reason reason = e.reason();
    LOG.log(
        Level.WARNING,
        "WeCom callback {0} from {1} refused: {2} ({3})",
        new Object[] {what, req.getRemoteAddr(), reason.text(), String.valueOf(reason.code())});
    int status =
        reason == CallbackRejectedException.Reason.BAD_SIGNATURE
                || reason == CallbackRejectedException.Reason.WRONG_RECEIVER
                || reason == CallbackRejectedException.Reason.STALE
            ? HttpServletResponse.SC_FORBIDDEN
            : HttpServletResponse.SC_BAD_REQUEST;
    text(res, status, "refused: " + reason.text() + " (" + reason.code() + ")");
  }

  /**
   * The body as UTF-8, or null if it is larger than {@link #MAX_BODY}. An oversized body is drained
   * up to {@link #MAX_DRAIN} so that the client reads our answer instead of a reset connection.
   */
  private static String readBody(HttpServletRequest req) throws IOException {
    try (InputStream in = req.getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length <= MAX_BODY) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
      long drained = 0;
      byte[] sink = new byte[8192];
      for (int n; drained < MAX_DRAIN && (n = in.read(sink)) > 0; ) {
        drained += n;
      }
      return null;
    }
  }

  private static void text(HttpServletResponse res, int status, String body) throws IOException {
    res.setStatus(status);
    if (res.getContentType() == null) {
      res.setContentType("text/plain;charset=UTF-8");
    }
    res.setHeader("Cache-Control", "no-store");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    res.setContentLength(bytes.length);
    res.getOutputStream().write(bytes);
  }
}
