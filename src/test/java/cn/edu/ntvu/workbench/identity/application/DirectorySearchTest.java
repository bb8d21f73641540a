package cn.edu.ntvu.workbench.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DirectorySearchTest {
  private static final Set<PickKind> ALL = EnumSet.allOf(PickKind.class);

  @Test
  void pinyinOfAClassAndOfPeople() {
    assertThat(PinyinName.of("机械制造241班"))
        .isEqualTo(new PinyinName("jxzz241b", "jixiezhizao241ban"));
    assertThat(PinyinName.ofPerson("曾小明").full()).isEqualTo("zengxiaoming");
    assertThat(PinyinName.ofPerson("单田芳").initials()).isEqualTo("stf");
    assertThat(PinyinName.of("吕").full()).isEqualTo("lv");
    assertThat(PinyinName.of("信息工程学院（本部）").initials()).isEqualTo("xxgcxybb");
    assertThat(PinyinName.of("ＡＢ１２").full()).isEqualTo("ab12");
  }

  @Test
  void typedTextIsCleanedAndEscaped() {
    assertThat(SearchText.of("  JX ").text()).isEqualTo("jx");
    assertThat(SearchText.of("jx").letters()).isTrue();
    assertThat(SearchText.of("机械").letters()).isFalse();
    assertThat(SearchText.of("a%_b").prefix()).isEqualTo("a\\%\\_b%");
    assertThat(SearchText.of("x".repeat(100)).text()).hasSize(32);
  }

  @Test
  void ranksWholeNameThenStartThenInitialsThenPinyinThenAccount() {
    DirectoryHit exact = person("20241001", "贾星");
    DirectoryHit initials = person("20241002", "金晓");
    DirectoryHit longer = person("20241003", "姜新华");
    DirectoryHit pinyinOnly = person("20241004", "郏一");
    DirectoryHit none = person("20241005", "王五");
    SearchText jx = SearchText.of("jx");
    assertThat(DirectorySearch.rank(initials, jx)).isEqualTo(2);
    assertThat(DirectorySearch.rank(longer, jx)).isEqualTo(3);
    assertThat(DirectorySearch.rank(none, jx)).isEqualTo(DirectorySearch.NO_MATCH);
    assertThat(DirectorySearch.ranked(List.of(longer, none, initials, exact), jx))
        .extracting(DirectoryHit::name)
        .containsExactly("贾星", "金晓", "姜新华");
    assertThat(DirectorySearch.rank(pinyinOnly, SearchText.of("jiay"))).isEqualTo(4);
    assertThat(DirectorySearch.rank(exact, SearchText.of("20241001"))).isZero();
    assertThat(DirectorySearch.rank(exact, SearchText.of("2024"))).isEqualTo(5);
    assertThat(DirectorySearch.rank(exact, SearchText.of("贾"))).isEqualTo(1);
  }

  @Test
  void aClassByItsNameItsInitialsItsPinyinAndAPartOfIt() {
    DirectoryHit c = new DirectoryHit(PickKind.CLASS, "J2401", "机械制造241班", "机电工程学院");
    for (String typed : List.of("机械制造241班", "机械", "jx", "jxzz241", "jixie", "241班", "j2401")) {
      assertThat(DirectorySearch.rank(c, SearchText.of(typed)))
          .as(typed)
          .isLessThan(DirectorySearch.NO_MATCH);
    }
    assertThat(DirectorySearch.rank(c, SearchText.of("电子"))).isEqualTo(DirectorySearch.NO_MATCH);
  }

  @Test
  void rolesByChineseNameOrPinyinNeverByCode() {
    assertThat(DirectorySearch.matchingRoles(SearchText.of("fdy"), java.util.Locale.CHINA))
        .extracting(DirectoryHit::key, DirectoryHit::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("COUNSELLOR", "辅导员"));
    assertThat(DirectorySearch.matchingRoles(SearchText.of("学生"), java.util.Locale.CHINA))
        .extracting(DirectoryHit::key)
        .containsExactly("STUDENT");
    assertThat(DirectorySearch.matchingRoles(SearchText.of("student"), java.util.Locale.CHINA))
        .isEmpty();
  }

  @Test
  void aBoundedScopeOffersNoRolesAndPassesItsBoundToTheIndex() {
    FakeIndex index = new FakeIndex();
    DirectorySearch search = new DirectorySearch();
    search.index = index;
    search.locale = () -> java.util.Locale.CHINA;
    PickScope teacher = PickScope.ownUnitsOf("t1001", ALL);
    assertThat(teacher.offers(PickKind.ROLE)).isFalse();
    List<DirectoryHit> hits = search.search("xs", teacher, 5);
    assertThat(hits).noneMatch(h -> h.kind() == PickKind.ROLE);
    assertThat(index.scopes).allMatch(s -> "t1001".equals(s.account()));
    assertThat(search.find(PickKind.ROLE, "STUDENT", teacher)).isEmpty();
    assertThat(search.find("ROLE:STUDENT", PickScope.school(ALL))).isPresent();
    assertThat(search.find("NONSENSE:1", PickScope.school(ALL))).isEmpty();
    assertThat(search.find("CLASS:", PickScope.school(ALL))).isEmpty();
    // the whole school offers roles, grouped after classes and departments, before people
    List<DirectoryHit> school = search.search("xs", PickScope.school(ALL), 5);
    assertThat(school)
        .extracting(DirectoryHit::kind)
        .containsSubsequence(PickKind.CLASS, PickKind.ROLE, PickKind.PERSON);
    // a staff-only picker offers only people
    assertThat(search.search("xs", PickScope.staff(), 5))
        .allMatch(h -> h.kind() == PickKind.PERSON);
  }

  @Test
  void eachGroupIsCutToItsLimit() {
    FakeIndex index = new FakeIndex();
    DirectorySearch search = new DirectorySearch();
    search.index = index;
    search.locale = () -> java.util.Locale.CHINA;
    assertThat(search.search("xs", PickScope.staff(), 2)).hasSize(2);
    assertThat(search.search("   ", PickScope.staff(), 2)).isEmpty();
  }

  private static DirectoryHit person(String account, String name) {
    return new DirectoryHit(PickKind.PERSON, account, name, account);
  }

  private static final class FakeIndex implements DirectoryIndex {
    final List<PickScope> scopes = new ArrayList<>();

    @Override
    public List<DirectoryHit> candidates(
        PickKind kind, SearchText query, PickScope scope, int limit) {
      scopes.add(scope);
      return switch (kind) {
        case CLASS -> List.of(new DirectoryHit(kind, "X241", "新生241班", ""));
        case PERSON -> List.of(person("1", "徐帅"), person("2", "许爽"), person("3", "谢松"));
        default -> List.of();
      };
    }

    @Override
    public Optional<DirectoryHit> find(PickKind kind, String key, PickScope scope) {
      return Optional.of(new DirectoryHit(kind, key, key, ""));
    }

    @Override
    public int refreshPinyin() {
      return 0;
    }
  }
}
