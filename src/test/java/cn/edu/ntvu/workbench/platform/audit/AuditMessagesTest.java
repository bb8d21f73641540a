package cn.edu.ntvu.workbench.platform.audit;

import static cn.edu.ntvu.workbench.testsupport.MessageBundles.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class AuditMessagesTest {

  @Test
  void chineseAndEnglishHaveTheSameKeysAllUnderTheAuditPrefix() throws Exception {
    Properties zh = load("audit.properties");
    Properties en = load("audit_en.properties");
    assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
    assertThat(zh.stringPropertyNames()).allMatch(k -> k.startsWith("audit."));
    assertThat(load("audit_zh.properties")).isEmpty();
  }
}
