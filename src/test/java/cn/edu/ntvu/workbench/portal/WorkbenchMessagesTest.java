package cn.edu.ntvu.workbench.portal;

import static cn.edu.ntvu.workbench.testsupport.MessageBundles.keysIn;
import static cn.edu.ntvu.workbench.testsupport.MessageBundles.load;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.portal.domain.Scene;
import cn.edu.ntvu.workbench.portal.domain.TileIcons;
import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every workbench message key the code and pages use exists in Chinese and English, and every
 * pattern formats.
 */
class WorkbenchMessagesTest {
  private static final Pattern KEY_IN_JAVA =
      Pattern.compile("\"(workbench\\.[A-Za-z.]+[A-Za-z])\"");
  private static final Pattern KEY_IN_PAGE =
      Pattern.compile("wb\\['(workbench\\.[A-Za-z.]+[A-Za-z])'\\]");

  @Test
  void everyKeyIsInBothLanguagesAndFormats() throws IOException {
    Properties zh = load("workbench.properties");
    Properties en = load("workbench_en.properties");
    assertThat(new TreeSet<>(en.stringPropertyNames()))
        .isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
    assertThat(load("workbench_zh.properties")).isEmpty();
    Set<String> used =
        new TreeSet<>(keysIn("src/main/java/cn/edu/ntvu/workbench/portal", ".java", KEY_IN_JAVA));
    used.addAll(keysIn("src/main/webapp", ".xhtml", KEY_IN_PAGE));
    for (Scene s : Scene.values()) {
      used.add("workbench.scene." + s.name());
    }
    for (String icon : TileIcons.NAMES) {
      used.add("workbench.icon." + icon);
    }
    assertThat(used).isNotEmpty();
    assertThat(zh.stringPropertyNames()).containsAll(used);
    for (String key : zh.stringPropertyNames()) {
      new MessageFormat(zh.getProperty(key)).format(new Object[] {"a", "b"});
      new MessageFormat(en.getProperty(key)).format(new Object[] {"a", "b"});
    }
    assertThat(
            new MessageFormat(zh.getProperty("workbench.error.stale"))
                .format(new Object[] {"10857", "2026-11-25 10:20:00"}))
        .isEqualTo("已被 10857 于 2026-11-25 10:20:00 修改，请刷新后再改。");
  }

  @Test
  void everyIconOfTheSetIsBundled() {
    for (String icon : TileIcons.NAMES) {
      assertThat(Path.of("webapp-themes/workbench/icons", icon + ".svg")).exists();
    }
  }
}
