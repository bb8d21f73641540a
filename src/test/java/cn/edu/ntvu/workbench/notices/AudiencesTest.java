package cn.edu.ntvu.workbench.notices;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.forms.application.AudienceDirectory;
import cn.edu.ntvu.workbench.forms.application.Audiences;
import cn.edu.ntvu.workbench.forms.application.PublishScope;
import cn.edu.ntvu.workbench.forms.application.Recipient;
import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.forms.domain.AudienceRule.Kind;
import cn.edu.ntvu.workbench.identity.application.PermissionGrants;
import cn.edu.ntvu.workbench.identity.domain.Permission;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The audience rules 通知 shares with 收集表 ({@link Audiences}): who may name which line, and that
 * resolving goes through the directory once per send. The directory and scope are fakes here; the
 * SQL behind them is covered by the in-container tests and FormsPublishScopeIT.
 */
class AudiencesTest {
  static final SignedInUser COUNSELLOR = user("10001", PersonKind.STAFF);
  static final SignedInUser STUDENT = user("20240100001", PersonKind.STUDENT);
  static final SignedInUser GRANTED = user("10857", PersonKind.STAFF);

  static SignedInUser user(String account, PersonKind kind) {
    return new SignedInUser(
        1, account, account, kind, "", null, null, Set.<Role>of(), SignInPath.DEV, Instant.EPOCH);
  }

  /** Knows department 01, class 2401000 and two people; 10001 reaches 01 and its classes. */
  static final AudienceDirectory DIRECTORY =
      new AudienceDirectory() {
        final Map<String, String> known =
            Map.of(
                "DEPARTMENT:01", "机械工程学院",
                "DEPARTMENT:02", "电子学院",
                "CLASS:2401000", "机械制造241班",
                "CLASS:2402000", "电子241班",
                "PERSON:20240100001", "田芬");

        public List<Recipient> resolve(List<AudienceRule> rules, String owner) {
          return rules.stream()
              .map(r -> new Recipient(r.value().isEmpty() ? owner : r.value(), "x", "u", false))
              .distinct()
              .toList();
        }

        public Optional<String> describe(AudienceRule r) {
          return r.kind() == Kind.MY_CLASSES || r.kind() == Kind.ROLE
              ? Optional.of(r.value())
              : Optional.ofNullable(known.get(r.kind() + ":" + r.value()));
        }

        public boolean isStudent(String account) {
          return account.startsWith("2024");
        }

        public Optional<String> activeName(String account) {
          return Optional.of(account);
        }
      };

  static final PublishScope SCOPE =
      (rule, publisher) ->
          switch (rule.kind()) {
            case MY_CLASSES -> true;
            case ROLE -> false;
            case DEPARTMENT -> rule.value().equals("01") && publisher.equals("10001");
            case CLASS -> rule.value().equals("2401000") && publisher.equals("10001");
            case PERSON -> rule.value().equals("20240100001") && publisher.equals("10001");
          };

  static final PermissionGrants GRANTS =
      new PermissionGrants() {
        @Override
        public boolean has(String account, Permission permission) {
          return account.equals("10857") && permission == Permission.FORMS_PUBLISH_ANY;
        }
      };

  final Audiences audiences = new Audiences(DIRECTORY, SCOPE, GRANTS);

  @Test
  void aCounsellorReachesHerOwnUnitsAndNoMore() {
    assertThat(audiences.check(COUNSELLOR, new AudienceRule(Kind.MY_CLASSES, null)))
        .isEqualTo(Audiences.Check.OK);
    assertThat(audiences.check(COUNSELLOR, new AudienceRule(Kind.CLASS, "2401000")))
        .isEqualTo(Audiences.Check.OK);
    assertThat(audiences.check(COUNSELLOR, new AudienceRule(Kind.DEPARTMENT, "01")))
        .isEqualTo(Audiences.Check.OK);
    assertThat(audiences.check(COUNSELLOR, new AudienceRule(Kind.CLASS, "2402000")))
        .isEqualTo(Audiences.Check.OUT_OF_SCOPE);
    assertThat(audiences.check(COUNSELLOR, new AudienceRule(Kind.DEPARTMENT, "02")))
        .isEqualTo(Audiences.Check.OUT_OF_SCOPE);
    assertThat(audiences.check(COUNSELLOR, new AudienceRule(Kind.ROLE, "STUDENT")))
        .isEqualTo(Audiences.Check.OUT_OF_SCOPE);
  }

  @Test
  void theGrantReachesAnyUnitAndRole() {
    assertThat(audiences.check(GRANTED, new AudienceRule(Kind.CLASS, "2402000")))
        .isEqualTo(Audiences.Check.OK);
    assertThat(audiences.check(GRANTED, new AudienceRule(Kind.ROLE, "STUDENT")))
        .isEqualTo(Audiences.Check.OK);
  }

  @Test
  void studentsUnknownLinesAndUnknownRolesAreRefused() {
    assertThat(audiences.check(STUDENT, new AudienceRule(Kind.MY_CLASSES, null)))
        .isEqualTo(Audiences.Check.NOT_STAFF);
    assertThat(audiences.check(COUNSELLOR, new AudienceRule(Kind.CLASS, "9999999")))
        .isEqualTo(Audiences.Check.UNKNOWN);
    assertThat(audiences.check(GRANTED, new AudienceRule(Kind.ROLE, "PRINCIPAL")))
        .isEqualTo(Audiences.Check.UNKNOWN_ROLE);
  }

  @Test
  void resolvingNamesEachPersonOnce() {
    assertThat(
            audiences.resolve(
                List.of(
                    new AudienceRule(Kind.PERSON, "20240100001"),
                    new AudienceRule(Kind.PERSON, "20240100001")),
                "10001"))
        .extracting(Recipient::account)
        .containsExactly("20240100001");
  }
}
