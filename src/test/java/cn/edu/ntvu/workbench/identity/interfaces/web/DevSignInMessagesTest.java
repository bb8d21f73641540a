package cn.edu.ntvu.workbench.identity.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.MessageBundles.keysIn;
import static cn.edu.ntvu.workbench.testsupport.MessageBundles.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The development sign-in screens' texts (the demo people, "try this") exist in Chinese and English and format. */
class DevSignInMessagesTest {
  private static final Pattern KEY_IN_PAGE = Pattern.compile("msg\\['(dev\\.[A-Za-z.]+[A-Za-z])'\\]");
  private static final Pattern KEY_IN_JAVA = Pattern.compile("\"(dev\\.[A-Za-z.]+[A-Za-z])\"");

  @Test
  void everyDevKeyIsInBothLanguagesAndFormatsWithItsPlaceholders() {
    Properties zh = load("messages.properties");
    Properties en = load("messages_en.properties");
    Set<String> used = new TreeSet<>(keysIn("src/main/webapp", ".xhtml", KEY_IN_PAGE));
    used.addAll(keysIn("src/main/java/cn/edu/ntvu/workbench/identity", ".java", KEY_IN_JAVA));
    assertThat(used).contains("dev.try.leave", "dev.try.approve", "dev.try.form", "dev.cast.person");
    for (String key : used) {
      assertThat(zh.getProperty(key)).as(key + " in Chinese").isNotBlank();
      assertThat(en.getProperty(key)).as(key + " in English").isNotBlank();
    }
    Object[] args = {"田芬", "2401000", "机械制造241班", "毛敏"};
    assertThat(MessageFormat.format(zh.getProperty("dev.try.form"), args))
        .isEqualTo("以教师 田芬 登录：「收集表」→「新建收集表」，点「添加题目」写一道题再「保存题目」；在「填写范围」选「班级」、填"
            + " 2401000（机械制造241班），点「添加」，最后点「发布」。毛敏 在「收集表」里就能看到并填写。");
    assertThat(MessageFormat.format(en.getProperty("dev.cast.person"), "毛敏", "10001",
            MessageFormat.format(en.getProperty("dev.cast.scoped"), "Counsellor", "机械制造241班")
                + en.getProperty("dev.cast.and") + "Teacher"))
        .isEqualTo("毛敏 (10001) · Counsellor (机械制造241班), Teacher");
  }
}
