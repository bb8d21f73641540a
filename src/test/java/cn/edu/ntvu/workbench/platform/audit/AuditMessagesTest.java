package cn.edu.ntvu.workbench.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AuditMessagesTest {
  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = AuditMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void chineseAndEnglishHaveTheSameKeysAllUnderTheAuditPrefix() throws Exception {
    Properties zh = load("audit.properties");
    Properties en = load("audit_en.properties");
    assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
    assertThat(zh.stringPropertyNames()).allMatch(k -> k.startsWith("audit."));
    assertThat(load("audit_zh.properties")).isEmpty();
  }
}
