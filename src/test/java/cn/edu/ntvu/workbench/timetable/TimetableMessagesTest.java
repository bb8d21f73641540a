package cn.edu.ntvu.workbench.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key the timetable code uses exists in Chinese and English, and every pattern formats. */
class TimetableMessagesTest {
  private static final Pattern KEY_IN_JAVA = Pattern.compile("\"(timetable\\.[A-Za-z.]+[A-Za-z])\"");

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = TimetableMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyKeyInTheCodeIsInBothLanguagesAndFormats() throws IOException {
    Properties zh = load("timetable.properties");
    Properties en = load("timetable_en.properties");
    assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
    assertThat(load("timetable_zh.properties")).isEmpty();

    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/cn/edu/ntvu/workbench/timetable"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = KEY_IN_JAVA.matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).hasSizeGreaterThan(40);
    assertThat(zh.stringPropertyNames()).containsAll(used);

    for (Properties p : List.of(zh, en)) {
      for (String key : p.stringPropertyNames()) {
        new MessageFormat(p.getProperty(key), Locale.ROOT).format(new Object[] {"1", "2", "3", "4", "5"});
      }
    }
    MessageFormat reversed = new MessageFormat(zh.getProperty("timetable.weeks.reversed"), Locale.ROOT);
    assertThat(reversed.format(new Object[] {"17", "1"}))
        .isEqualTo("周次范围 17-1 前后颠倒，应写成 1-17。");
  }
}
