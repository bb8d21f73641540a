package cn.edu.ntvu.workbench.wecom.infrastructure;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.wecom.domain.Agent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The WeCom settings. Corp id, agent and API base URL come from {@link AppSettings}, which
 * validates them at start-up and, in development mode, points them at the stand-in ({@code
 * /wecom-standin} on the app's host).
 */
@ApplicationScoped
public class WeComSettings {
  public static final String CONNECT_TIMEOUT_MS = "wecom.connect-timeout-ms";
  public static final String READ_TIMEOUT_MS = "wecom.read-timeout-ms";

  @Inject AppSettings app;

  @Inject
  @ConfigProperty(name = CONNECT_TIMEOUT_MS, defaultValue = "3000")
  long connectTimeoutMs;

  @Inject
  @ConfigProperty(name = READ_TIMEOUT_MS, defaultValue = "5000")
  long readTimeoutMs;

  /** The API base URL without a trailing slash, e.g. {@code https://qyapi.weixin.qq.com}. */
  public String apiBaseUrl() {
    return app.wecomApiBaseUrl();
  }

  /** The CorpID (also the {@code appid} of the OAuth authorize URL, docs/wecom-api.md §1.1). */
  public String corpId() {
    return app.wecomCorpId();
  }

  /** The workbench agent's AgentId (the {@code agentid} of the authorize URL). */
  public String agentId() {
    return app.wecomAgentId();
  }

  /** The workbench agent: its id and secret. More agents can be added beside it later. */
  public Agent workbenchAgent() {
    return new Agent(app.wecomAgentId(), app.wecomAgentSecret());
  }

  public Duration connectTimeout() {
    return Duration.ofMillis(connectTimeoutMs);
  }

  public Duration readTimeout() {
    return Duration.ofMillis(readTimeoutMs);
  }

  @Override
  public String toString() {
    return "WeComSettings[apiBaseUrl="
        + apiBaseUrl()
        + ", corpId="
        + corpId()
        + ", agentId="
        + agentId()
        + ", agentSecret=***]";
  }
}
