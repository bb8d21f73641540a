package cn.edu.ntvu.workbench.wecom.infrastructure;

import cn.edu.ntvu.workbench.wecom.domain.Agent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The WeCom settings from MicroProfile Config. The corp id and the agent's id and secret have no
 * defaults and are optional here, so that a missing value does not fail deployment; the app's
 * startup validation reports them, and using them unset raises {@link IllegalStateException}.
 *
 * <p>In development {@code wecom.api-base-url} points at the stand-in: {@code
 * <public-base-url>/rest/standin/wecom}.
 */
@ApplicationScoped
public class WeComSettings {

  public static final String API_BASE_URL = "wecom.api-base-url";
  public static final String CORP_ID = "wecom.corp-id";
  public static final String AGENT_ID = "wecom.agent-id";
  public static final String AGENT_SECRET = "wecom.agent-secret";
  public static final String CONNECT_TIMEOUT_MS = "wecom.connect-timeout-ms";
  public static final String READ_TIMEOUT_MS = "wecom.read-timeout-ms";

  @Inject
  @ConfigProperty(name = API_BASE_URL, defaultValue = "https://qyapi.weixin.qq.com")
  String apiBaseUrl;

  @Inject
  @ConfigProperty(name = CORP_ID)
  Optional<String> corpId;

  @Inject
  @ConfigProperty(name = AGENT_ID)
  Optional<String> agentId;

  @Inject
  @ConfigProperty(name = AGENT_SECRET)
  Optional<String> agentSecret;

  @Inject
  @ConfigProperty(name = CONNECT_TIMEOUT_MS, defaultValue = "3000")
  long connectTimeoutMs;

  @Inject
  @ConfigProperty(name = READ_TIMEOUT_MS, defaultValue = "5000")
  long readTimeoutMs;

  /** The API base URL without a trailing slash, e.g. {@code https://qyapi.weixin.qq.com}. */
  public String apiBaseUrl() {
    return apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
  }

  /** The CorpID (also the {@code appid} of the OAuth authorize URL, wecom-api-notes §1.1). */
  public String corpId() {
    return required(CORP_ID, corpId);
  }

  /** The workbench agent's AgentId (the {@code agentid} of the authorize URL). */
  public String agentId() {
    return required(AGENT_ID, agentId);
  }

  /** The workbench agent: its id and secret. More agents can be added beside it later. */
  public Agent workbenchAgent() {
    return new Agent(agentId(), required(AGENT_SECRET, agentSecret));
  }

  public Duration connectTimeout() {
    return Duration.ofMillis(connectTimeoutMs);
  }

  public Duration readTimeout() {
    return Duration.ofMillis(readTimeoutMs);
  }

  private static String required(String name, Optional<String> value) {
    return value
        .filter(v -> !v.isBlank())
        .orElseThrow(() -> new IllegalStateException(name + " is not configured"));
  }

  @Override
  public String toString() {
    return "WeComSettings[apiBaseUrl="
        + apiBaseUrl
        + ", corpId="
        + corpId.orElse("<unset>")
        + ", agentId="
        + agentId.orElse("<unset>")
        + ", agentSecret="
        + (agentSecret.isPresent() ? "***" : "<unset>")
        + "]";
  }
}
