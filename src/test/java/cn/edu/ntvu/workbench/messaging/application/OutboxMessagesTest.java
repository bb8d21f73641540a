package cn.edu.ntvu.workbench.messaging.application;

import static cn.edu.ntvu.workbench.testsupport.MessageBundles.keysIn;
import static cn.edu.ntvu.workbench.testsupport.MessageBundles.load;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every outbox text the pages and code use exists in Chinese and English under the {@code outbox.}
 * prefix, every pattern formats, the statuses have names, and the audit log can name the retry
 * actions.
 */
class OutboxMessagesTest {
  private static final Pattern KEY_IN_PAGE =
      Pattern.compile("ob\\['(outbox\\.[A-Za-z.]+[A-Za-z])'\\]");
  private static final Pattern KEY_IN_JAVA = Pattern.compile("\"(outbox\\.[A-Za-z.]+[A-Za-z])\"");

  @Test
  void everyKeyIsInBothLanguagesUnderTheOutboxPrefixAndFormats() throws Exception {
    Properties zh = load("outbox.properties");
    Properties en = load("outbox_en.properties");
    assertThat(new TreeSet<>(en.stringPropertyNames()))
        .isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
    assertThat(zh.stringPropertyNames()).allMatch(k -> k.startsWith("outbox."));
    assertThat(load("outbox_zh.properties")).isEmpty();

    Set<String> used = new TreeSet<>(keysIn("src/main/webapp", ".xhtml", KEY_IN_PAGE));
    used.addAll(keysIn("src/main/java/cn/edu/ntvu/workbench/messaging", ".java", KEY_IN_JAVA));
    assertThat(used).hasSizeGreaterThan(20);
    assertThat(zh.stringPropertyNames()).containsAll(used);

    for (String status : List.of("PENDING", "FAILED", "SENT")) {
      assertThat(zh.getProperty("outbox.status." + status)).isNotBlank();
    }
    for (Properties p : List.of(zh, en)) {
      for (String key : p.stringPropertyNames()) {
        if (key.endsWith(".pageReport")) {
          // PrimeFaces' paginator template ({currentPage} …), not a MessageFormat pattern
          continue;
        }
        new MessageFormat(p.getProperty(key), Locale.ROOT).format(new Object[] {"1", "2", "3"});
      }
    }
    assertThat(
            new MessageFormat(en.getProperty("outbox.invalidUsers"), Locale.ROOT)
                .format(new Object[] {"x|y"}))
        .endsWith(": x|y");
    assertThat(
            new MessageFormat(zh.getProperty("outbox.error.gaveUp"), Locale.ROOT)
                .format(new Object[] {"15", "企业微信系统繁忙"}))
        .isEqualTo("已尝试 15 次仍未成功，已停止：企业微信系统繁忙");
  }

  @Test
  void theAuditLogNamesTheRetries() {
    for (Properties p : List.of(load("audit.properties"), load("audit_en.properties"))) {
      assertThat(p.getProperty("audit.action.WECOM_OUTBOX_RETRY")).isNotBlank();
      assertThat(p.getProperty("audit.action.WECOM_OUTBOX_RETRY_ALL")).isNotBlank();
      assertThat(p.getProperty("audit.type.wecom_outbox")).isNotBlank();
    }
    assertThat(AuditObject.of("wecom_outbox", 1, "x").type()).isEqualTo("wecom_outbox");
  }
}
