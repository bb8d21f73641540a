package cn.edu.ntvu.workbench.identity.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.MessageBundles.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

/**
 * Every message key the import code and pages use exists in Chinese and English, and every pattern
 * formats.
 */
class DirectoryImportMessagesTest {
  private static final Pattern KEY_IN_JAVA =
      Pattern.compile("\"((?:import|people)\\.[A-Za-z.]+[A-Za-z])\"");
  private static final Pattern KEY_IN_PAGE =
      Pattern.compile("dir\\['((?:import|people)\\.[A-Za-z.]+[A-Za-z])'\\]");

  @Test
  void chineseAndEnglishHaveTheSameKeysAndValidPatterns() throws IOException {
    Properties zh = load("directory.properties");
    Properties en = load("directory_en.properties");

    assertThat(new TreeSet<>(en.stringPropertyNames()))
        .isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
    for (Properties p : List.of(zh, en)) {
      for (String key : p.stringPropertyNames()) {
        if (!key.equals("people.pageReport")) {
          new MessageFormat(p.getProperty(key), Locale.ROOT)
              .format(new Object[] {"1", "2", "3", "4"});
        }
      }
    }
    assertThat(
            DirectoryMessages.format(
                Locale.ROOT, "import.row.duplicate", List.of("account", "10200", "2", "4")))
        .isEqualTo("account“10200”重复：第2行和第4行。");
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.US);
      assertThat(
              DirectoryMessages.format(
                  Locale.SIMPLIFIED_CHINESE, "import.line.number", List.of("7")))
          .isEqualTo("第7行");
      assertThat(DirectoryMessages.format(Locale.ENGLISH, "import.line.number", List.of("7")))
          .isEqualTo("Line 7");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void everyKeyUsedInCodeAndPagesExists() throws IOException {
    Properties zh = load("directory.properties");
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.toString();
        Pattern pattern =
            name.endsWith(".java") ? KEY_IN_JAVA : name.endsWith(".xhtml") ? KEY_IN_PAGE : null;
        if (pattern == null) {
          continue;
        }
        Matcher m = pattern.matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).contains("import.row.badMobile", "import.csv.mixedEncoding", "people.title");
    assertThat(zh.stringPropertyNames()).containsAll(used);
  }
}
