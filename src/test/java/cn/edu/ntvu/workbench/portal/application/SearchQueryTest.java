package cn.edu.ntvu.workbench.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchQueryTest {
  @Test
  void cutTrimmedLowerCase() {
    assertThat(SearchQuery.of("  QJ  ").text()).isEqualTo("qj");
    assertThat(SearchQuery.of("  QJ  ").pinyin()).isEqualTo("qj");
    assertThat(SearchQuery.of("x".repeat(2000)).text()).hasSize(SearchQuery.MAX);
    assertThat(SearchQuery.of("a\u0000b\u200bc").text()).isEqualTo("abc");
    assertThat(SearchQuery.of("a  \n b").text()).isEqualTo("a b");
    assertThat(SearchQuery.of(null).isEmpty()).isTrue();
    assertThat(SearchQuery.of(" \t ").isEmpty()).isTrue();
  }

  @Test
  void pinyinOnlyForLettersAndDigits() {
    assertThat(SearchQuery.of("qing jia").pinyin()).isEqualTo("qingjia");
    assertThat(SearchQuery.of("xi'an").pinyin()).isEqualTo("xian");
    assertThat(SearchQuery.of("请假").pinyin()).isNull();
    assertThat(SearchQuery.of("a<b").pinyin()).isNull();
  }

  @Test
  void titlesMatchByTextAndPinyin() {
    assertThat(SearchQuery.of("体检").matches("2026级新生体检信息")).isTrue();
    assertThat(SearchQuery.of("tj").matches("2026级新生体检信息")).isTrue();
    assertThat(SearchQuery.of("tijian").matches("2026级新生体检信息")).isTrue();
    assertThat(SearchQuery.of("2026").matches("2026级新生体检信息")).isTrue();
    assertThat(SearchQuery.of("t").matches("2026级新生体检信息"))
        .as("one letter is not looked up in pinyin")
        .isFalse();
    assertThat(SearchQuery.of("qj").matches("高等数学")).isFalse();
    assertThat(SearchQuery.of("").matches("高等数学")).isFalse();
    assertThat(SearchQuery.of("gs").matches(null)).isFalse();
  }
}
