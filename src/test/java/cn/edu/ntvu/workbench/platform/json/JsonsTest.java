package cn.edu.ntvu.workbench.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JsonsTest {
  /**
   * {@code Json.createObjectBuilder()} and the like, not preceded by a name (so not {@code
   * Jsons.…}).
   */
  private static final Pattern DIRECT = Pattern.compile("(?<![\\w.])Json\\.create");

  @Test
  void buildsAndReadsLikeJakartaJson() {
    String text =
        Jsons.createObjectBuilder()
            .add("name", "张三")
            .add(
                "list",
                Jsons.createArrayBuilder().add(1).add(Jsons.createValue(new BigDecimal("2.5"))))
            .build()
            .toString();
    assertThat(text).isEqualTo("{\"name\":\"张三\",\"list\":[1,2.5]}");
    try (var r = Jsons.createReader(new java.io.StringReader(text))) {
      assertThat(r.readObject().getString("name")).isEqualTo("张三");
    }
  }

  @Test
  void noMainCodeAsksTheServiceLoaderPerCall() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<String> offenders =
          files
              .filter(p -> p.toString().endsWith(".java") && !p.endsWith("Jsons.java"))
              .filter(p -> DIRECT.matcher(read(p)).find())
              .map(Path::toString)
              .toList();
      assertThat(offenders).as("use platform.json.Jsons instead of jakarta.json.Json").isEmpty();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
