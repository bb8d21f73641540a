package cn.edu.ntvu.workbench.wecom.application;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.wecom.domain.JsSdkSignature;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * Signs our pages for the WeCom JS-SDK ({@code ww.register}): the {@code config} signature with the
 * corp ticket and the {@code agentConfig} signature with the workbench agent's ticket, for a URL of
 * this site only.
 */
@ApplicationScoped
public class JsSdkSigner {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String NONCE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  @Inject AppSettings settings;
  @Inject WeComClient client;
  @Inject CredentialStore store;

  private JsapiTickets tickets;

  @PostConstruct
  void init() {
    tickets = new JsapiTickets(client, store, Clock.systemUTC(), settings.wecomCorpId());
  }

  /** Both signatures of one page, or empty if the URL is not a page of ours. */
  public record PageSignatures(
      String corpId, String agentId, JsSdkSignature config, JsSdkSignature agentConfig) {}

  public Optional<PageSignatures> sign(String pageUrl) {
    if (!JsSdkSignature.isOwnPage(pageUrl, settings.publicBaseUrl())) {
      return Optional.empty();
    }
    long timestamp = System.currentTimeMillis() / 1000;
    String nonce = nonce();
    var agent = client.workbenchAgent();
    return Optional.of(
        new PageSignatures(
            settings.wecomCorpId(),
            agent.agentId(),
            JsSdkSignature.sign(tickets.corpTicket(agent), nonce, timestamp, pageUrl),
            JsSdkSignature.sign(tickets.agentTicket(agent), nonce, timestamp, pageUrl)));
  }

  private static String nonce() {
    StringBuilder s = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      s.append(NONCE_CHARS.charAt(RANDOM.nextInt(NONCE_CHARS.length())));
    }
    return s.toString();
  }
}
