package cn.edu.ntvu.workbench.wecom.application;

import cn.edu.ntvu.workbench.wecom.domain.Agent;
import cn.edu.ntvu.workbench.wecom.domain.WeComUnavailableException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The corp and agent {@code jsapi_ticket}s (docs/wecom-api.md §2.2), cached like the access_token:
 * in memory, then in the cluster-wide {@link CredentialStore}, refreshed once across servers under
 * the store's lock and used until {@code expires_in − 300 s}. WeCom allows 400 fetches an hour per
 * corp and 100 per app, so never fetch per page. The agent ticket is fetched with the same agent's
 * token ({@code ticket/get?type=agent_config}).
 */
public class JsapiTickets {
  public static final String CORP_TICKET = "/cgi-bin/get_jsapi_ticket";
  public static final String AGENT_TICKET = "/cgi-bin/ticket/get";
  static final long REFRESH_MARGIN_SECONDS = 300;
  private static final Logger LOG = Logger.getLogger(JsapiTickets.class.getName());

  private final WeComClient client;
  private final CredentialStore store;
  private final Clock clock;
  private final String corpId;
  private final ConcurrentMap<String, Credential> tickets = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  public JsapiTickets(WeComClient client, CredentialStore store, Clock clock, String corpId) {
    this.client = Objects.requireNonNull(client, "client");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.corpId = Objects.requireNonNull(corpId, "corpId");
  }

  /** The corp ticket for {@code wx.config} / {@code getConfigSignature}. */
  public String corpTicket(Agent agent) {
    return ticket("jsapi_ticket:" + corpId, agent, CORP_TICKET, Map.of());
  }

  /** The agent ticket for {@code wx.agentConfig} / {@code getAgentConfigSignature}. */
  public String agentTicket(Agent agent) {
    return ticket(
        "agent_ticket:" + corpId + ":" + agent.agentId(),
        agent,
        AGENT_TICKET,
        Map.of("type", "agent_config"));
  }

  private String ticket(String key, Agent agent, String path, Map<String, String> query) {
    Credential cached = tickets.get(key);
    if (cached != null && cached.usableAt(clock.instant())) {
      return cached.value();
    }
    ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
    lock.lock();
    try {
      cached = tickets.get(key);
      if (cached != null && cached.usableAt(clock.instant())) {
        return cached.value();
      }
      Optional<Credential> stored = store.read(key).filter(c -> c.usableAt(clock.instant()));
      Credential current =
          stored.isPresent()
              ? stored.get()
              : store.refresh(
                  key, c -> c.usableAt(clock.instant()), () -> fetch(agent, path, query));
      tickets.put(key, current);
      return current.value();
    } finally {
      lock.unlock();
    }
  }

  private Credential fetch(Agent agent, String path, Map<String, String> query) {
    Instant requestedAt = clock.instant();
    JsonObject answer = client.get(agent, path, query);
    if (!(answer.get("ticket") instanceof JsonString ticket) || ticket.getString().isBlank()) {
      throw new WeComUnavailableException(path, "answer has no ticket");
    }
    long expiresIn = answer.get("expires_in") instanceof JsonNumber n ? n.longValue() : 7200;
    long useFor = Math.max(expiresIn - REFRESH_MARGIN_SECONDS, expiresIn / 2);
    LOG.log(
        Level.INFO,
        "WeCom {0} refreshed for agent {1}: expires_in={2}s, used for {3}s",
        new Object[] {path, agent.agentId(), String.valueOf(expiresIn), String.valueOf(useFor)});
    return new Credential(ticket.getString(), requestedAt.plusSeconds(useFor));
  }
}
