package cn.edu.ntvu.workbench.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The vendored axe-core is byte for byte the file the lock names: nobody edited it, nothing else slipped in. */
class AxeCoreVendoredTest {
  @Test
  void theVendoredFileMatchesTheLock() throws Exception {
    Properties lock = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("tools/axe-core.lock"))) {
      lock.load(in);
    }
    String resource = "/axe/axe-" + lock.getProperty("version") + ".min.js";
    byte[] file;
    try (InputStream in = AxeCoreVendoredTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      file = in.readAllBytes();
    }
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    assertThat(sha).isEqualTo(lock.getProperty("file.sha256"));
  }

  /** The script the page-by-page check injects (see {@code Axe}). */
  static String script() throws IOException {
    try (InputStream in = AxeCoreVendoredTest.class.getResourceAsStream("/axe/axe-4.14.1.min.js")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
