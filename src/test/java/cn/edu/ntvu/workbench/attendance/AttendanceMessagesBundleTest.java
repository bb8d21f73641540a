package cn.edu.ntvu.workbench.attendance;

import static cn.edu.ntvu.workbench.testsupport.MessageBundles.keysIn;
import static cn.edu.ntvu.workbench.testsupport.MessageBundles.load;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.attendance.domain.Mark;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every attendance key the code and the page use is in Chinese and English, and formats. */
class AttendanceMessagesBundleTest {
  private static final Pattern KEY_IN_JAVA =
      Pattern.compile("\"(attendance\\.[A-Za-z.]+[A-Za-z])\"");
  private static final Pattern KEY_IN_PAGE =
      Pattern.compile("att\\['(attendance\\.[A-Za-z.]+[A-Za-z])'\\]");

  @Test
  void everyKeyIsInBothLanguagesAndFormats() throws IOException {
    Properties zh = load("attendance.properties");
    Properties en = load("attendance_en.properties");
    assertThat(new TreeSet<>(en.stringPropertyNames()))
        .isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
    assertThat(load("attendance_zh.properties")).isEmpty();
    Set<String> used =
        new TreeSet<>(
            keysIn("src/main/java/cn/edu/ntvu/workbench/attendance", ".java", KEY_IN_JAVA));
    used.addAll(keysIn("src/main/webapp/attendance", ".xhtml", KEY_IN_PAGE));
    used.removeIf(k -> k.endsWith(".") || k.equals("attendance.edit-days"));
    assertThat(used).hasSizeGreaterThan(20);
    assertThat(zh.stringPropertyNames()).containsAll(used);
    for (Mark m : Mark.values()) {
      assertThat(zh.getProperty("attendance.mark." + m.name())).isNotBlank();
    }
    for (int d = 1; d <= 7; d++) {
      assertThat(zh.getProperty("attendance.weekday." + d)).isNotBlank();
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
