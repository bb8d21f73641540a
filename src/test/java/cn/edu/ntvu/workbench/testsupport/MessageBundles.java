package cn.edu.ntvu.workbench.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the message tests of every micro-app read: a bundle file, and the keys the code and pages
 * use.
 */
public final class MessageBundles {
  private MessageBundles() {}

  /** {@code /i18n/<name>} from the class path, read as UTF-8. */
  public static Properties load(String name) {
    Properties p = new Properties();
    try (InputStream in = MessageBundles.class.getResourceAsStream("/i18n/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing /i18n/" + name);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /**
   * The keys (group 1 of {@code key}) found in the files ending in {@code suffix} below {@code
   * root}.
   */
  public static Set<String> keysIn(String root, String suffix, Pattern key) {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of(root))) {
      for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
        Matcher m = key.matcher(Files.readString(f));
        while (m.find()) {
          found.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }
}
