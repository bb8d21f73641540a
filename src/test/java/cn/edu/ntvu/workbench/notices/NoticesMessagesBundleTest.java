package cn.edu.ntvu.workbench.notices;

import static cn.edu.ntvu.workbench.testsupport.MessageBundles.keysIn;
import static cn.edu.ntvu.workbench.testsupport.MessageBundles.load;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.forms.application.Audiences;
import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.notices.domain.NoticeStatus;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every notices key the code and the pages use is in Chinese and English, and formats. */
class NoticesMessagesBundleTest {
  private static final Pattern KEY_IN_JAVA = Pattern.compile("\"(notices\\.[A-Za-z.]+[A-Za-z])\"");
  private static final Pattern KEY_IN_PAGE =
      Pattern.compile("nt\\['(notices\\.[A-Za-z.]+[A-Za-z])'\\]");

  @Test
  void everyKeyIsInBothLanguagesAndFormats() throws IOException {
    Properties zh = load("notices.properties");
    Properties en = load("notices_en.properties");
    assertThat(new TreeSet<>(en.stringPropertyNames()))
        .isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
    assertThat(load("notices_zh.properties")).isEmpty();
    Set<String> used =
        new TreeSet<>(keysIn("src/main/java/cn/edu/ntvu/workbench/notices", ".java", KEY_IN_JAVA));
    used.addAll(keysIn("src/main/webapp/notices", ".xhtml", KEY_IN_PAGE));
    used.removeIf(k -> k.endsWith(".") || k.equals("notices.keep-days"));
    assertThat(used).hasSizeGreaterThan(50);
    assertThat(zh.stringPropertyNames()).containsAll(used);
    for (NoticeStatus s : NoticeStatus.values()) {
      assertThat(zh.getProperty("notices.status." + s.name())).isNotBlank();
    }
    for (AudienceRule.Kind k : AudienceRule.Kind.values()) {
      assertThat(zh.getProperty("notices.audience." + k.name())).isNotBlank();
    }
    for (Audiences.Check c : Audiences.Check.values()) {
      if (c != Audiences.Check.OK) {
        assertThat(zh.getProperty("notices.audience.error." + c.name())).isNotBlank();
      }
    }
    for (Properties p : List.of(zh, en)) {
      for (String key : p.stringPropertyNames()) {
        String pattern = p.getProperty(key);
        assertThat(pattern).as(key).doesNotContain("'");
        new MessageFormat(pattern, Locale.ROOT).format(new Object[] {"1", "2", "3", "4", "5"});
      }
    }
  }
}
