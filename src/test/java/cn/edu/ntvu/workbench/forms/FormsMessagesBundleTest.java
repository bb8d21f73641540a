package cn.edu.ntvu.workbench.forms;

import static cn.edu.ntvu.workbench.testsupport.MessageBundles.keysIn;
import static cn.edu.ntvu.workbench.testsupport.MessageBundles.load;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.forms.domain.FormStatus;
import cn.edu.ntvu.workbench.forms.domain.QuestionType;
import cn.edu.ntvu.workbench.platform.security.Role;
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
 * Every forms key the code and the pages use is in Chinese and English, and every pattern formats.
 */
class FormsMessagesBundleTest {
  private static final Pattern KEY_IN_JAVA = Pattern.compile("\"(forms\\.[A-Za-z.]+[A-Za-z])\"");
  private static final Pattern KEY_IN_PAGE =
      Pattern.compile("fm\\['(forms\\.[A-Za-z.]+[A-Za-z])'\\]");

  @Test
  void everyKeyIsInBothLanguagesAndFormats() throws IOException {
    Properties zh = load("forms.properties");
    Properties en = load("forms_en.properties");
    assertThat(new TreeSet<>(en.stringPropertyNames()))
        .isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
    assertThat(load("forms_zh.properties")).isEmpty();
    Set<String> used =
        new TreeSet<>(keysIn("src/main/java/cn/edu/ntvu/workbench/forms", ".java", KEY_IN_JAVA));
    used.addAll(keysIn("src/main/webapp/forms", ".xhtml", KEY_IN_PAGE));
    used.removeIf(k -> k.endsWith("."));
    assertThat(used).hasSizeGreaterThan(100);
    assertThat(zh.stringPropertyNames()).containsAll(used);
    for (QuestionType t : QuestionType.values()) {
      assertThat(zh.getProperty("forms.type." + t.name())).isNotBlank();
    }
    for (FormStatus s : FormStatus.values()) {
      assertThat(zh.getProperty("forms.status." + s.name())).isNotBlank();
    }
    for (AudienceRule.Kind k : AudienceRule.Kind.values()) {
      assertThat(zh.getProperty("forms.audience." + k.name())).isNotBlank();
      assertThat(zh.getProperty("forms.builder.error.unknown." + k.name())).isNotBlank();
      assertThat(zh.getProperty("forms.builder.error.outOfScope." + k.name())).isNotBlank();
    }
    for (Role r : Role.values()) {
      assertThat(zh.getProperty("forms.role." + r.name())).isNotBlank();
    }
    for (Properties p : List.of(zh, en)) {
      for (String key : p.stringPropertyNames()) {
        String pattern = p.getProperty(key);
        // An apostrophe would swallow the placeholders of MessageFormat.
        assertThat(pattern).as(key).doesNotContain("'");
        new MessageFormat(pattern, Locale.ROOT).format(new Object[] {"1", "2", "3", "4", "5"});
      }
    }
  }
}
