package cn.edu.ntvu.workbench.contacts.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.MessageBundles.keysIn;
import static cn.edu.ntvu.workbench.testsupport.MessageBundles.load;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.contacts.domain.Change;
import cn.edu.ntvu.workbench.contacts.domain.Conflict;
import cn.edu.ntvu.workbench.contacts.domain.MemberStatus;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every contacts text exists in Chinese and English, every pattern formats, every status and
 * conflict has a name.
 */
class ContactsMessagesTest {
  private static final Pattern KEY_IN_PAGE =
      Pattern.compile("ct\\['((?:account|contacts|report)\\.[A-Za-z.]+[A-Za-z])'\\]");
  private static final Pattern KEY_IN_JAVA =
      Pattern.compile("\"((?:account|contacts|report)\\.[A-Za-z.\\-]+[A-Za-z])\"");

  @Test
  void everyKeyIsInBothLanguagesAndFormats() throws Exception {
    Properties zh = load("contacts.properties");
    Properties en = load("contacts_en.properties");
    assertThat(new TreeSet<>(en.stringPropertyNames()))
        .isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
    assertThat(load("contacts_zh.properties")).isEmpty();

    Set<String> used = new TreeSet<>(keysIn("src/main/webapp", ".xhtml", KEY_IN_PAGE));
    used.addAll(keysIn("src/main/java/cn/edu/ntvu/workbench/contacts", ".java", KEY_IN_JAVA));
    // ContactsSettings' configuration keys share the prefix; they are not texts.
    used.removeIf(
        k ->
            k.matches(
                "contacts\\.(classes-as-departments|lease-seconds|rate-limit-wait-seconds|worker-enabled)"));
    assertThat(used).hasSizeGreaterThan(25);
    assertThat(zh.stringPropertyNames()).containsAll(used);

    for (MemberStatus s : MemberStatus.values()) {
      assertThat(zh.getProperty("account.status." + s)).isNotBlank();
      assertThat(zh.getProperty("account.todo." + s)).isNotBlank();
    }
    for (Conflict.Kind k : Conflict.Kind.values()) {
      assertThat(zh.getProperty("contacts.conflict." + k)).isNotBlank();
    }
    for (Change.Action a : Change.Action.values()) {
      assertThat(zh.getProperty("contacts.action." + a)).isNotBlank();
    }
    for (String c : List.of("department", "parent", "name", "fields", "enable", "unknown")) {
      assertThat(zh.getProperty("contacts.changed." + c)).isNotBlank();
    }
    for (Properties p : List.of(zh, en)) {
      for (String key : p.stringPropertyNames()) {
        if (key.endsWith(".pageReport")) {
          // A PrimeFaces paginator template ({currentPage} of {totalPages}), not a MessageFormat.
          assertThat(p.getProperty(key)).contains("{currentPage}").contains("{totalPages}");
          continue;
        }
        new MessageFormat(p.getProperty(key), Locale.ROOT)
            .format(new Object[] {"1", "2", "3", "4", "5", "6", "7", "8"});
      }
    }
    assertThat(
            new MessageFormat(en.getProperty("account.todo.NOT_ACTIVATED"), Locale.ROOT)
                .format(new Object[] {"138****0000"}))
        .contains("(138****0000)");
  }
}
