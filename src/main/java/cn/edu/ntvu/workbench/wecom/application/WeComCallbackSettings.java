package cn.edu.ntvu.workbench.wecom.application;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.config.InvalidSettingException;
import cn.edu.ntvu.workbench.wecom.domain.CallbackCrypto;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The callback's Token and EncodingAESKey (WeCom admin console → 接收消息 → 设置API接收, docs/wecom-api.md
 * §4.1). Both are secrets: set them as environment variables or Payara password aliases; they are
 * never logged or shown. Without them (production) the callback answers 503 and the setup page says
 * what is missing; a malformed value stops start-up naming the key. Development mode uses the fixed
 * values below, which the stand-in and tests share.
 */
@ApplicationScoped
public class WeComCallbackSettings {
  public static final String TOKEN = "wecom.callback-token";
  public static final String AES_KEY = "wecom.callback-aes-key";

  /** Development only: not secrets, the stand-in exists only in development mode. */
  public static final String DEV_TOKEN = "devCallbackToken2026";

  public static final String DEV_AES_KEY = "DevCallbackAesKeyNotForProduction0123456789";

  @Inject AppSettings app;

  private Optional<CallbackCrypto> crypto;

  @PostConstruct
  void read() {
    crypto = read(ConfigProvider.getConfig(), app.isDevMode(), app.wecomCorpId());
  }

  /** Validated at start-up, not at the first callback. */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // observing is enough: the container creates the bean to deliver the event
  }

  static Optional<CallbackCrypto> read(Config config, boolean dev, String corpId) {
    Optional<String> token = text(config, TOKEN);
    Optional<String> aesKey = text(config, AES_KEY);
    if (token.isPresent() && !CallbackCrypto.isValidToken(token.get())) {
      throw new InvalidSettingException(TOKEN, "the callback Token: 1-32 letters or digits");
    }
    if (aesKey.isPresent() && !CallbackCrypto.isValidAesKey(aesKey.get())) {
      throw new InvalidSettingException(AES_KEY, "the EncodingAESKey: 43 letters or digits");
    }
    if (dev) {
      return Optional.of(
          new CallbackCrypto(token.orElse(DEV_TOKEN), aesKey.orElse(DEV_AES_KEY), corpId));
    }
    if (token.isEmpty() != aesKey.isEmpty()) {
      throw new InvalidSettingException(
          token.isEmpty() ? TOKEN : AES_KEY,
          "a value: the callback Token and EncodingAESKey are set together");
    }
    return token.map(t -> new CallbackCrypto(t, aesKey.get(), corpId));
  }

  /** The crypto for our corp's callbacks; empty while the callback is not configured. */
  public Optional<CallbackCrypto> crypto() {
    return crypto;
  }

  public boolean configured() {
    return crypto.isPresent();
  }

  private static Optional<String> text(Config config, String key) {
    return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
  }

  @Override
  public String toString() {
    return "WeComCallbackSettings[configured=" + configured() + ", token=***, aesKey=***]";
  }
}
