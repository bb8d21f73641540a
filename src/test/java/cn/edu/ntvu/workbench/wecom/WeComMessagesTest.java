package cn.edu.ntvu.workbench.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.MessageBundles;
import cn.edu.ntvu.workbench.wecom.domain.VerificationFile;
import cn.edu.ntvu.workbench.wecom.interfaces.web.WeComPage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.MessageFormat;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The wecom bundle is complete in both languages; the vendored JS-SDK is the locked registry file.
 */
class WeComMessagesTest {
  private static final Pattern KEY_IN_PAGE =
      Pattern.compile("wc\\['(wecom\\.[A-Za-z.]+[A-Za-z])'\\]");
  private static final Pattern KEY_IN_JAVA = Pattern.compile("\"(wecom\\.[A-Za-z.]+[A-Za-z])\"");

  @Test
  void everyKeyIsInBothLanguagesAndFormats() {
    Properties zh = MessageBundles.load("wecom.properties");
    Properties en = MessageBundles.load("wecom_en.properties");
    assertThat(new TreeSet<>(en.stringPropertyNames()))
        .isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
    assertThat(MessageBundles.load("wecom_zh.properties")).isEmpty();
    Set<String> used =
        new TreeSet<>(MessageBundles.keysIn("src/main/webapp", ".xhtml", KEY_IN_PAGE));
    for (String pkg : new String[] {"application", "infrastructure", "interfaces"}) {
      used.addAll(
          MessageBundles.keysIn(
              "src/main/java/cn/edu/ntvu/workbench/wecom/" + pkg, ".java", KEY_IN_JAVA));
    }
    for (VerificationFile.Problem p : VerificationFile.Problem.values()) {
      used.add(p.key());
    }
    assertThat(used)
        .contains("wecom.close.close", "wecom.setup.title", "wecom.setup.verify.error.name");
    assertThat(zh.stringPropertyNames()).containsAll(used);
    for (String key : zh.stringPropertyNames()) {
      new MessageFormat(zh.getProperty(key)).format(new Object[] {"a", "b"});
      new MessageFormat(en.getProperty(key)).format(new Object[] {"a", "b"});
    }
  }

  @Test
  void theVendoredJsSdkIsTheLockedFile() throws Exception {
    Properties lock = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("tools/wecom-jssdk.lock"))) {
      lock.load(in);
    }
    assertThat(lock.getProperty("version")).isEqualTo(WeComPage.SDK_VERSION);
    Path file =
        Path.of(
            "src/main/webapp/resources/wecom/jssdk-"
                + WeComPage.SDK_VERSION
                + "/wecom.global.prod.js");
    String sha256 =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    assertThat(sha256).isEqualTo(lock.getProperty("file.sha256"));
  }
}
