package cn.edu.ntvu.workbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The layering rule of the README ("The rooms and the rule"), checked on the compiled app classes.
 * Every context ({@code identity}, {@code timetable}, {@code leave}, {@code forms}, {@code portal},
 * {@code contacts}, {@code messaging}, {@code wecom}, {@code audit}) has the layers {@code domain},
 * {@code application}, {@code infrastructure} and {@code interfaces}; {@code platform} is shared
 * and knows no context; {@code composition} wires everything and nobody uses it.
 *
 * <ul>
 *   <li>domain uses only its own domain, the JDK, the {@code jakarta.persistence} annotations and
 *       the shared value types {@link #SHARED_VALUES};
 *   <li>application uses its domain, its own application, other contexts' application and platform
 *       — its own infrastructure only through ports (interfaces declared in application or domain
 *       that infrastructure implements), never interfaces;
 *   <li>interfaces call application (and platform), never infrastructure;
 *   <li>a context uses another only through that context's application package (services, CDI
 *       events, SPIs like {@code BadgeProvider}) and the few domain types it exposes there ({@link
 *       #EXPOSED}); never its infrastructure or interfaces;
 *   <li>platform uses no context; nothing uses composition; no cycles between contexts.
 * </ul>
 */
@AnalyzeClasses(packages = LayeringTest.BASE, importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  static final String BASE = "cn.edu.ntvu.workbench";

  static final Set<String> CONTEXTS =
      Set.of(
          "identity",
          "timetable",
          "leave",
          "forms",
          "portal",
          "contacts",
          "messaging",
          "wecom",
          "audit",
          "notices",
          "attendance");

  /**
   * Shared-kernel value types a domain may use besides its own (platform.security: who a person is,
   * in values).
   */
  static final Set<String> SHARED_VALUES =
      Set.of(
          BASE + ".platform.security.Role",
          BASE + ".platform.security.PersonKind",
          BASE + ".platform.security.ScopeKind",
          // what an uploaded file's first bytes and header say it is: the attachment and answer
          // kinds decide on it
          BASE + ".platform.files.FileSignature",
          BASE + ".platform.files.OfficeDocument",
          BASE + ".platform.files.ImageHeader");

  /**
   * Domain types a context exposes to the others through its application services' signatures.
   * Anything else in a context's domain is its own business.
   */
  static final Set<String> EXPOSED =
      Set.of(
          // identity: DirectoryQueries answers with the person; the permission a grant names
          BASE + ".identity.domain.Person",
          BASE + ".identity.domain.PersonStatus",
          BASE + ".identity.domain.Permission",
          BASE + ".identity.domain.Department",
          BASE + ".identity.domain.SchoolClass",
          // wecom: what WeComClient's callers are told and whom they call for
          BASE + ".wecom.domain.Agent",
          BASE + ".wecom.domain.WeComException",
          BASE + ".wecom.domain.WeComApiException",
          BASE + ".wecom.domain.WeComConfigurationException",
          BASE + ".wecom.domain.WeComRateLimitedException",
          BASE + ".wecom.domain.WeComUnavailableException",
          BASE + ".wecom.domain.WeComUserNotFoundException",
          BASE + ".wecom.domain.WeComErrorHint",
          BASE + ".wecom.domain.WeComIdentity",
          BASE + ".wecom.domain.WeComInvalidCodeException",
          // timetable: the term (and its calendar) TimetableQueryService answers with
          BASE + ".timetable.domain.Term",
          BASE + ".timetable.domain.AcademicCalendar",
          // timetable: what MissedClassesQuery answers 请假 with (the classes a leave misses)
          BASE + ".timetable.domain.MissedClasses",
          BASE + ".timetable.domain.MissedMeeting",
          BASE + ".timetable.domain.ClassPeriodLeave",
          BASE + ".timetable.domain.PeriodRange",
          BASE + ".timetable.domain.WeeklyMeeting",
          BASE + ".timetable.domain.TimetableInputException",
          // forms: the audience lines 通知 shares with 收集表 (forms.application.Audiences)
          BASE + ".forms.domain.AudienceRule",
          // portal: the tiles WorkbenchTiles lists (WeCom setup shows each internal tile's address)
          // and the scene a
          // micro-app's tile offer names
          BASE + ".portal.domain.Tile",
          BASE + ".portal.domain.TileKind",
          BASE + ".portal.domain.Scene");

  // ------------------------------------------------------------------------------------------------ the rules

  @ArchTest
  static final ArchRule domainUsesOnlyItsDomainTheJdkAndJpa =
      classes()
          .that(inLayer("domain"))
          .should(
              dependOnlyOn(
                  "its own domain, the JDK, jakarta.persistence and " + SHARED_VALUES,
                  (origin, target) ->
                      !isApp(target)
                          ? isJdk(target)
                              || target.getPackageName().startsWith("jakarta.persistence")
                          : sameContext(origin, target) && "domain".equals(layer(target))
                              || SHARED_VALUES.contains(outermost(target).getName())));

  @ArchTest
  static final ArchRule applicationNeverUsesInfrastructureOrInterfaces =
      classes()
          .that(inLayer("application"))
          .should(
              dependOnlyOn(
                  "no infrastructure (only ports it declares) and no interfaces",
                  (origin, target) ->
                      !isApp(target)
                          || !Set.of("infrastructure", "interfaces").contains(layer(target))));

  @ArchTest
  static final ArchRule interfacesNeverUseInfrastructure =
      classes()
          .that(inLayer("interfaces"))
          .should(
              dependOnlyOn(
                  "no infrastructure",
                  (origin, target) -> !isApp(target) || !"infrastructure".equals(layer(target))));

  @ArchTest
  static final ArchRule onlyInterfacesUseInterfaces =
      classes()
          .that(inLayer("domain").or(inLayer("application")).or(inLayer("infrastructure")))
          .should(
              dependOnlyOn(
                  "no interfaces package",
                  (origin, target) ->
                      !isApp(target) || !"interfaces".equals(layer(target)) || origin == target));

  @ArchTest
  static final ArchRule contextsMeetOnlyInTheirApplicationPackages =
      classes()
          .that(inAnyContext())
          .should(
              dependOnlyOn(
                  "another context only through its application package or a type it exposes",
                  (origin, target) ->
                      !inAContext(target)
                          || sameContext(origin, target)
                          || "application".equals(layer(target))
                          || EXPOSED.contains(outermost(target).getName())));

  @ArchTest
  static final ArchRule platformKnowsNoContext =
      classes()
          .that(inTop("platform"))
          .should(
              dependOnlyOn(
                  "platform only (no context, no composition)",
                  (origin, target) -> !isApp(target) || "platform".equals(top(target))));

  @ArchTest
  static final ArchRule nothingUsesComposition =
      noClasses()
          .that(checked().and(DescribedPredicate.not(inTop("composition"))))
          .should()
          .dependOnClassesThat()
          .resideInAPackage(BASE + ".composition..");

  @ArchTest
  static final ArchRule noCyclesBetweenContexts =
      slices().matching(BASE + ".(*)..").should().beFreeOfCycles();

  // ------------------------------------------------------------------------------------------------- helpers

  /**
   * The classes the rule is for: every class of the app (the development stand-in is a WAR of its
   * own).
   */
  static DescribedPredicate<JavaClass> checked() {
    return DescribedPredicate.describe("an app class", LayeringTest::isApp);
  }

  static DescribedPredicate<JavaClass> inLayer(String layer) {
    return DescribedPredicate.describe(
        "are in a " + layer + " package",
        c -> checked().test(c) && inAContext(c) && layer.equals(layer(c)));
  }

  static DescribedPredicate<JavaClass> inAnyContext() {
    return DescribedPredicate.describe("are in a context", c -> checked().test(c) && inAContext(c));
  }

  static DescribedPredicate<JavaClass> inTop(String top) {
    return DescribedPredicate.describe(
        "are in " + top, c -> checked().test(c) && top.equals(top(c)));
  }

  static boolean isApp(JavaClass c) {
    return c.getPackageName().startsWith(BASE + ".") || c.getPackageName().equals(BASE);
  }

  static boolean isJdk(JavaClass c) {
    String p = c.getPackageName();
    return c.isPrimitive()
        || c.isArray() && isJdk(c.getBaseComponentType())
        || p.startsWith("java.")
        || p.startsWith("javax.")
        || p.startsWith("org.w3c.")
        || p.startsWith("org.xml.");
  }

  static boolean inAContext(JavaClass c) {
    return isApp(c) && CONTEXTS.contains(top(c));
  }

  static boolean sameContext(JavaClass a, JavaClass b) {
    return top(a).equals(top(b));
  }

  /** identity, platform, composition … for {@code cn.edu.ntvu.workbench.identity.domain.Person}. */
  static String top(JavaClass c) {
    String rest =
        c.getPackageName().length() > BASE.length()
            ? c.getPackageName().substring(BASE.length() + 1)
            : "";
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /** domain, application, infrastructure or interfaces; "" for a context's top package. */
  static String layer(JavaClass c) {
    String rest =
        c.getPackageName().substring(Math.min(c.getPackageName().length(), BASE.length() + 1));
    String[] parts = rest.split("\\.");
    return parts.length > 1 ? parts[1] : "";
  }

  static JavaClass outermost(JavaClass c) {
    JavaClass o = c;
    while (o.getEnclosingClass().isPresent()) {
      o = o.getEnclosingClass().get();
    }
    return o;
  }

  /**
   * Every dependency of the class (its nested classes are checked as classes of their own) passes
   * {@code ok}.
   */
  static ArchCondition<JavaClass> dependOnlyOn(String what, BiPredicate<JavaClass, JavaClass> ok) {
    return new ArchCondition<>("depend only on " + what) {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass();
          JavaClass base = target.isArray() ? target.getBaseComponentType() : target;
          if (outermost(base).equals(outermost(origin))) {
            continue;
          }
          if (!ok.test(origin, base)) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
  }
}
