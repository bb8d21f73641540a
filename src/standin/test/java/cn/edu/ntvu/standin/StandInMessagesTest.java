package cn.edu.ntvu.standin;

import static cn.edu.ntvu.workbench.testsupport.MessageBundles.keysIn;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.standin.school.School;
import cn.edu.ntvu.standin.wecom.StandInMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's pages' texts (the demo people, "try this", the inbox) exist in Chinese and English
 * and format.
 */
class StandInMessagesTest {
  private static final Pattern KEY_IN_JAVA =
      Pattern.compile("text\\(\\s*\"([a-z][A-Za-z.]+[A-Za-z])\"");

  @Test
  void everyKeyIsInBothLanguagesAndFormatsWithItsPlaceholders() throws IOException {
    Properties zh = load("messages.properties");
    Properties en = load("messages_en.properties");
    Set<String> used = new TreeSet<>(keysIn("src/standin/java", ".java", KEY_IN_JAVA));
    for (School.Role role : School.Role.values()) {
      used.add("role." + role.name());
    }
    for (String outcome :
        List.of(
            StandInMessage.DELIVERED,
            StandInMessage.DUPLICATE,
            StandInMessage.DROPPED,
            StandInMessage.UPDATED)) {
      used.add("inbox.outcome." + outcome);
    }
    assertThat(used)
        .contains(
            "try.leave", "try.approve", "try.form", "cast.person", "cas.title", "wecom.title");
    for (String key : used) {
      assertThat(zh.getProperty(key)).as(key + " in Chinese").isNotBlank();
      assertThat(en.getProperty(key)).as(key + " in English").isNotBlank();
    }
    assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
    Object[] args = {"田芬", "2401000", "机械制造241班", "毛敏"};
    assertThat(MessageFormat.format(zh.getProperty("try.form"), args))
        .isEqualTo(
            "以教师 田芬 登录：「收集表」→「新建收集表」，点「添加题目」写一道题再「保存题目」；在「填写范围」选「班级」、填"
                + " 2401000（机械制造241班），点「添加」，最后点「发布」。毛敏 在「收集表」里就能看到并填写。");
    assertThat(
            MessageFormat.format(
                en.getProperty("cast.person"),
                "毛敏",
                "10001",
                MessageFormat.format(en.getProperty("cast.scoped"), "Counsellor", "机械制造241班")
                    + en.getProperty("cast.and")
                    + "Teacher"))
        .isEqualTo("毛敏 (10001) · Counsellor (机械制造241班), Teacher");
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = StandInMessagesTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
