package cn.edu.ntvu.workbench.timetable;

import static cn.edu.ntvu.workbench.testsupport.MessageBundles.keysIn;
import static cn.edu.ntvu.workbench.testsupport.MessageBundles.load;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.imports.ColumnSpec;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportKind;
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
 * Every message key the timetable code and pages use exists in Chinese and English, and every
 * pattern formats. The import page's texts: each kind has its name, its column hint (naming every
 * required column) and its unit; each change sentence has its after-the-import form; each column a
 * label.
 */
class TimetableMessagesTest {
  private static final Pattern KEY_IN_JAVA =
      Pattern.compile("\"(timetable\\.[A-Za-z.]+[A-Za-z])\"");
  private static final Pattern KEY_IN_PAGE =
      Pattern.compile("tt\\['(timetable\\.[A-Za-z.]+[A-Za-z])'\\]");

  @Test
  void everyKeyInTheCodeIsInBothLanguagesAndFormats() throws IOException {
    Properties zh = load("timetable.properties");
    Properties en = load("timetable_en.properties");
    assertThat(new TreeSet<>(en.stringPropertyNames()))
        .isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
    assertThat(load("timetable_zh.properties")).isEmpty();

    Set<String> used =
        keysIn("src/main/java/cn/edu/ntvu/workbench/timetable", ".java", KEY_IN_JAVA);
    assertThat(used).hasSizeGreaterThan(40);
    assertThat(zh.stringPropertyNames()).containsAll(used);

    for (Properties p : List.of(zh, en)) {
      for (String key : p.stringPropertyNames()) {
        new MessageFormat(p.getProperty(key), Locale.ROOT)
            .format(new Object[] {"1", "2", "3", "4", "5"});
      }
    }
    MessageFormat reversed =
        new MessageFormat(zh.getProperty("timetable.weeks.reversed"), Locale.ROOT);
    assertThat(reversed.format(new Object[] {"17", "1"})).isEqualTo("周次范围 17-1 前后颠倒，应写成 1-17。");
  }

  @Test
  void everyKindHasANameAHintNamingItsRequiredColumnsAndAUnit() throws IOException {
    for (Properties p : List.of(load("timetable.properties"), load("timetable_en.properties"))) {
      for (TimetableImportKind kind : TimetableImportKind.values()) {
        assertThat(p.getProperty("timetable.admin.kind." + kind)).as(kind.name()).isNotBlank();
        assertThat(p.getProperty("timetable.admin.items." + kind)).as(kind.name()).isNotBlank();
        String hint = p.getProperty("timetable.admin.hint." + kind, "").toLowerCase(Locale.ROOT);
        ColumnSpec spec = kind.columns();
        for (String column : spec.columns()) {
          if (spec.required().contains(column)) {
            assertThat(hint).as(kind + " hint names " + column).contains(column);
          }
          assertThat(p.getProperty("timetable.admin.column." + column))
              .as("label of " + column)
              .isNotBlank();
        }
      }
    }
  }

  @Test
  void everyChangeSentenceSaysItAgainAfterTheImport() throws IOException {
    Properties zh = load("timetable.properties");
    Set<String> changes = new TreeSet<>();
    for (String key : zh.stringPropertyNames()) {
      if (key.startsWith("timetable.admin.change.") && !key.endsWith(".done")) {
        changes.add(key);
      }
    }
    assertThat(changes).hasSizeGreaterThanOrEqualTo(10);
    for (String key : changes) {
      assertThat(zh.getProperty(key + ".done")).as(key + ".done").isNotBlank();
    }
  }

  @Test
  void everyKeyThePagesUseExists() throws IOException {
    Properties zh = load("timetable.properties");
    Set<String> used = keysIn("src/main/webapp", ".xhtml", KEY_IN_PAGE);
    assertThat(used).contains("timetable.admin.title", "timetable.admin.state.imported");
    assertThat(zh.stringPropertyNames()).containsAll(used);
    // The home page's link to the import (written by workbench HomePage, see HomePageTest).
    assertThat(zh.stringPropertyNames()).contains("timetable.admin.home");
  }
}
