package cn.edu.ntvu.workbench.leave;

import static cn.edu.ntvu.workbench.testsupport.MessageBundles.keysIn;
import static cn.edu.ntvu.workbench.testsupport.MessageBundles.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every leave key the code and the pages use is in Chinese and English, and every pattern formats.
 */
class LeaveMessagesBundleTest {
  private static final Pattern KEY_IN_JAVA = Pattern.compile("\"(leave\\.[A-Za-z.]+[A-Za-z])\"");
  private static final Pattern KEY_IN_PAGE =
      Pattern.compile("lv\\['(leave\\.[A-Za-z.]+[A-Za-z])'\\]");

  @Test
  void everyKeyIsInBothLanguagesAndFormats() throws IOException {
    Properties zh = load("leave.properties");
    Properties en = load("leave_en.properties");
    assertThat(new TreeSet<>(en.stringPropertyNames()))
        .isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
    assertThat(load("leave_zh.properties")).isEmpty();
    Set<String> used =
        new TreeSet<>(keysIn("src/main/java/cn/edu/ntvu/workbench/leave", ".java", KEY_IN_JAVA));
    used.addAll(keysIn("src/main/webapp/leave", ".xhtml", KEY_IN_PAGE));
    used.removeIf(k -> k.endsWith("."));
    assertThat(used).hasSizeGreaterThan(40);
    assertThat(zh.stringPropertyNames()).containsAll(used);
    for (Properties p : List.of(zh, en)) {
      for (String key : p.stringPropertyNames()) {
        new MessageFormat(p.getProperty(key), Locale.ROOT)
            .format(new Object[] {"1", "2", "3", "4", "5"});
      }
    }
    for (String s : List.of("PENDING", "APPROVED", "REJECTED", "WITHDRAWN")) {
      assertThat(zh.getProperty("leave.status." + s)).isNotBlank();
    }
  }
}
