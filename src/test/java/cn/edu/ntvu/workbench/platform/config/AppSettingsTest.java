package cn.edu.ntvu.workbench.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class AppSettingsTest {
  private static Map<String, String> production() {
    Map<String, String> m = new HashMap<>();
    m.put("db.url", "jdbc:mariadb://db:3306/workbench");
    m.put("db.user", "workbench");
    m.put("db.password", "db-secret");
    m.put("app.public-base-url", "https://workbench.ntvu.edu.cn/");
    m.put("cas.url", "https://authserver.ntvu.edu.cn/authserver");
    m.put("wecom.corp-id", "ww0123456789abcdef");
    m.put("wecom.agent-id", "1000005");
    m.put("wecom.agent-secret", "s3cr3t");
    return m;
  }

  @Test
  void productionSettingsAreRead() {
    AppSettings s = new AppSettings(new MapConfig(production()));

    assertThat(s.isDevMode()).isFalse();
    assertThat(s.publicBaseUrl()).isEqualTo("https://workbench.ntvu.edu.cn");
    assertThat(s.casProtocol()).isEqualTo(CasProtocolVersion.CAS30);
    assertThat(s.wecomApiBaseUrl()).isEqualTo("https://qyapi.weixin.qq.com");
    assertThat(s.wecomAuthorizeUrl())
        .isEqualTo("https://open.weixin.qq.com/connect/oauth2/authorize");
    assertThat(s.sessionIdle().toMinutes()).isEqualTo(30);
  }

  @Test
  void eachMissingProductionKeyIsNamedWithItsEnvironmentVariable() {
    for (String key : production().keySet()) {
      Map<String, String> m = production();
      m.remove(key);
      assertThatThrownBy(() -> new AppSettings(new MapConfig(m)))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("'" + key + "'")
          .hasMessageContaining(InvalidSettingException.envName(key));
    }
  }

  @Test
  void wrongValuesAreNamed() {
    assertBad("app.public-base-url", "workbench.ntvu.edu.cn");
    assertBad("cas.protocol", "CAS40");
    assertBad("wecom.agent-id", "abc");
    assertBad("app.mode", "staging");
    assertBad("db.url", "jdbc:postgresql://db/wb");
    assertBad("session.idle-minutes", "0");
  }

  @Test
  void aDevClockIsReadInDevModeAndRefusedInProduction() {
    Map<String, String> m = dev();
    assertThat(new AppSettings(new MapConfig(m)).devClock()).isEmpty();
    m.put("dev.clock", "2026-11-25T10:20");
    assertThat(new AppSettings(new MapConfig(m)).devClock())
        .contains(LocalDateTime.of(2026, 11, 25, 10, 20));
    m.put("dev.clock", "2026-11-25");
    assertThatThrownBy(() -> new AppSettings(new MapConfig(m))).hasMessageContaining("'dev.clock'");

    assertBad("dev.clock", "2026-11-25T10:20");
    Map<String, String> production = production();
    production.put("dev.clock", "2026-11-25T10:20");
    assertThatThrownBy(() -> new AppSettings(new MapConfig(production)))
        .hasMessageContaining("DEV_CLOCK")
        .hasMessageContaining("production");
  }

  private static Map<String, String> dev() {
    Map<String, String> m = new HashMap<>();
    m.put("app.mode", "dev");
    m.put("db.url", "jdbc:mariadb://127.0.0.1:3307/workbench");
    m.put("db.user", "workbench");
    m.put("db.password", "workbench");
    m.put("app.public-base-url", "http://localhost:9090");
    return m;
  }

  @Test
  void devModeDefaultsToTheStandIns() {
    AppSettings s = new AppSettings(new MapConfig(dev()));

    assertThat(s.isDevMode()).isTrue();
    // The stand-in is a web application of its own beside the app, on the same host and port.
    assertThat(s.casUrl()).isEqualTo("http://localhost:9090/wecom-standin/cas");
    assertThat(s.wecomApiBaseUrl()).isEqualTo("http://localhost:9090/wecom-standin");
    assertThat(s.wecomAuthorizeUrl())
        .isEqualTo("http://localhost:9090/wecom-standin/connect/oauth2/authorize");
    Map<String, String> under = dev();
    under.put("app.public-base-url", "http://localhost:9090/workbench");
    assertThat(new AppSettings(new MapConfig(under)).wecomApiBaseUrl())
        .isEqualTo("http://localhost:9090/wecom-standin");
  }

  @Test
  void aSeedFolderMustExist() throws Exception {
    Map<String, String> m = production();
    assertThat(new AppSettings(new MapConfig(m)).seedDir()).isEmpty();
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("seed");
    try {
      m.put("app.seed-dir", dir.toString());
      assertThat(new AppSettings(new MapConfig(m)).seedDir()).contains(dir);
    } finally {
      java.nio.file.Files.delete(dir);
    }
    assertBad("app.seed-dir", dir.toString());
  }

  @Test
  void casTwoPointZeroCanBeChosen() {
    Map<String, String> m = production();
    m.put("cas.protocol", "CAS20");
    assertThat(new AppSettings(new MapConfig(m)).casProtocol()).isEqualTo(CasProtocolVersion.CAS20);
  }

  private static void assertBad(String key, String value) {
    Map<String, String> m = production();
    m.put(key, value);
    assertThatThrownBy(() -> new AppSettings(new MapConfig(m)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("'" + key + "'");
  }

  /** Just enough of MicroProfile Config over a map. */
  private record MapConfig(Map<String, String> values) implements Config {
    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type).orElseThrow(NoSuchElementException::new);
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      return Optional.ofNullable((T) values.get(name));
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return java.util.List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new UnsupportedOperationException();
    }
  }
}
