package cn.edu.ntvu.workbench.wecom.application;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The passive reply of the current callback request (docs/wecom-api.md §4.1, §5.2 "模板卡片更新消息"): an
 * observer of {@link WeComCallbackMessage} may set the plaintext reply XML here; the endpoint
 * encrypts, signs and sends it. Without one WeCom gets an empty 200.
 */
@RequestScoped
public class CallbackReply {
  private String plainXml;

  /** The reply's plaintext {@code <xml>…</xml>}; the last observer to set one wins. */
  public void set(String plainXml) {
    this.plainXml = plainXml;
  }

  public Optional<String> get() {
    return Optional.ofNullable(plainXml);
  }
}
