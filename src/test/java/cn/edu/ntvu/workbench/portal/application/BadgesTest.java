package cn.edu.ntvu.workbench.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BadgesTest {
  private static final SignedInUser USER =
      new SignedInUser(
          1,
          "20240100001",
          "田芬",
          PersonKind.STUDENT,
          "机械制造241班",
          "2401000",
          "0101",
          Set.of(Role.STUDENT),
          SignInPath.DEV,
          Instant.EPOCH);

  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final CountDownLatch never = new CountDownLatch(1);

  @AfterEach
  void stop() {
    never.countDown();
    executor.shutdownNow();
  }

  private static BadgeProvider provider(String key, Function<SignedInUser, OptionalInt> f) {
    return new BadgeProvider() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public OptionalInt badge(SignedInUser user) {
        return f.apply(user);
      }
    };
  }

  private OptionalInt hang(SignedInUser u) {
    try {
      never.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return OptionalInt.of(99);
  }

  @Test
  void fastProvidersGiveTheirNumbers() {
    Badges badges =
        new Badges(
            List.of(provider("a", u -> OptionalInt.of(3)), provider("b", u -> OptionalInt.empty())),
            executor,
            Duration.ofMillis(300),
            Duration.ZERO);
    assertThat(badges.of(USER, Set.of("a", "b", "unknown"))).isEqualTo(Map.of("a", 3));
  }

  @Test
  void slowAndThrowingProvidersLoseOnlyTheirBadgeAndDoNotDelayThePage() {
    Badges badges =
        new Badges(
            List.of(
                provider("fast", u -> OptionalInt.of(2)),
                provider("slow", this::hang),
                provider("slow2", this::hang),
                provider(
                    "boom",
                    u -> {
                      throw new IllegalStateException("provider down");
                    })),
            executor,
            Duration.ofMillis(300),
            Duration.ZERO);
    long start = System.nanoTime();
    Map<String, Integer> result = badges.of(USER, Set.of("fast", "slow", "slow2", "boom"));
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(result).isEqualTo(Map.of("fast", 2));
    // One time box for all providers together, not one per provider.
    // (three boxes one after another would take at least 900 ms; a busy machine adds to one box)
    assertThat(tookMs).isLessThan(850);
  }

  @Test
  void aRejectedSubmissionIsNoBadge() {
    executor.shutdown();
    Badges badges =
        new Badges(
            List.of(provider("a", u -> OptionalInt.of(1))),
            executor,
            Duration.ofMillis(100),
            Duration.ZERO);
    assertThat(badges.of(USER, Set.of("a"))).isEmpty();
  }

  @Test
  void aPersonsNumbersAreReusedForTheCacheTimeAndForgottenWhenTheyActOrWhenTheTimeIsUp()
      throws Exception {
    java.util.concurrent.atomic.AtomicInteger asked =
        new java.util.concurrent.atomic.AtomicInteger();
    Badges badges =
        new Badges(
            List.of(provider("a", u -> OptionalInt.of(asked.incrementAndGet()))),
            executor,
            Duration.ofMillis(300),
            Duration.ofMillis(400));
    assertThat(badges.of(USER, Set.of("a"))).isEqualTo(Map.of("a", 1));
    assertThat(badges.of(USER, Set.of("a"))).isEqualTo(Map.of("a", 1));
    SignedInUser other =
        new SignedInUser(
            2,
            "20240100002",
            "王五",
            PersonKind.STUDENT,
            "u",
            "c",
            "d",
            Set.of(Role.STUDENT),
            SignInPath.DEV,
            Instant.EPOCH);
    assertThat(badges.of(other, Set.of("a"))).isEqualTo(Map.of("a", 2));
    badges.forget(USER);
    assertThat(badges.of(USER, Set.of("a"))).isEqualTo(Map.of("a", 3));
    assertThat(badges.of(USER, Set.of("a", "b")))
        .as("other tiles, other keys: asked anew")
        .isEqualTo(Map.of("a", 4));
    SignedInUser signedInAgain =
        new SignedInUser(
            1,
            "20240100001",
            "田芬",
            PersonKind.STUDENT,
            "机械制造241班",
            "2401000",
            "0101",
            Set.of(Role.STUDENT),
            SignInPath.WECOM,
            Instant.ofEpochSecond(60));
    assertThat(badges.of(signedInAgain, Set.of("a", "b")))
        .as("a new sign-in counts anew")
        .isEqualTo(Map.of("a", 5));
    Thread.sleep(450);
    assertThat(badges.of(USER, Set.of("a", "b"))).isEqualTo(Map.of("a", 6));
    assertThat(asked).hasValue(6);
  }

  @Test
  void numbersAskedForBeforeThePersonActedAreNotKeptNorAreIncompleteOnes() {
    java.util.concurrent.atomic.AtomicInteger asked =
        new java.util.concurrent.atomic.AtomicInteger();
    Badges[] self = new Badges[1];
    // The person posts something while their numbers are being counted: what was counted may
    // predate it.
    self[0] =
        new Badges(
            List.of(
                provider(
                    "a",
                    u -> {
                      self[0].forget(u);
                      return OptionalInt.of(asked.incrementAndGet());
                    })),
            executor,
            Duration.ofMillis(300),
            Duration.ofSeconds(60));
    assertThat(self[0].of(USER, Set.of("a"))).isEqualTo(Map.of("a", 1));
    assertThat(self[0].of(USER, Set.of("a"))).isEqualTo(Map.of("a", 2));

    Badges failing =
        new Badges(
            List.of(
                provider("fast", u -> OptionalInt.of(asked.incrementAndGet())),
                provider(
                    "boom",
                    u -> {
                      throw new IllegalStateException("down");
                    })),
            executor,
            Duration.ofMillis(300),
            Duration.ofSeconds(60));
    int before = asked.get();
    failing.of(USER, Set.of("fast", "boom"));
    failing.of(USER, Set.of("fast", "boom"));
    assertThat(asked.get() - before).as("a failed provider is asked again next time").isEqualTo(2);
  }
}
