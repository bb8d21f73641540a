package cn.edu.ntvu.workbench.wecom.domain;

/**
 * A WeCom agent (自建应用) and its secret. Each agent has its own secret and its own access_token, so
 * tokens are cached per agent (docs/wecom-api.md §1.2, §2.1; mixing them up gives 301002, §7.2).
 *
 * <p>{@link #toString()} never shows the secret.
 */
public record Agent(String agentId, String secret) {

  public Agent {
    if (agentId == null || agentId.isBlank()) {
      throw new IllegalArgumentException("agentId is required");
    }
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("secret is required for agent " + agentId);
    }
  }

  @Override
  public String toString() {
    return "Agent[agentId=" + agentId + ", secret=***]";
  }
}
