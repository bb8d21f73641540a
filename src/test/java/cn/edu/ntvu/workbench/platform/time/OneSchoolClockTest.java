package cn.edu.ntvu.workbench.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One school clock: app code asks the injected {@link java.time.Clock} ({@link SchoolClock}) what time it is, so that
 * pages, background jobs (overdue leave, closing 收集表, the outbox, the contacts runner) and audit entries all follow
 * {@code DEV_CLOCK} in development and tell one story. This test reads every source file of the app and fails on a
 * direct look at the machine's clock — {@code Instant.now()}, {@code LocalDate.now()}, {@code System.currentTimeMillis()},
 * {@code Clock.systemUTC()}, the database's {@code NOW()} or {@code CURRENT_TIMESTAMP} — outside the few files below,
 * each with the reason it is not school time. Durations and timeouts use {@code System.nanoTime()}, which is not a
 * time of day and is not looked for.
 */
class OneSchoolClockTest {
  private static final Path MAIN = Path.of("src/main/java/cn/edu/ntvu/workbench");

  private static final Pattern MACHINE_CLOCK =
      Pattern.compile(
          "\\b(Instant|LocalDateTime|LocalDate|LocalTime|ZonedDateTime|OffsetDateTime|Year|YearMonth)\\.now\\(\\s*\\)"
              + "|System\\.currentTimeMillis\\(|Clock\\.system(UTC|DefaultZone)?\\(|new (java\\.util\\.)?Date\\(\\s*\\)");

  /** The database server's clock, in SQL written in a Java string literal. */
  private static final Pattern DATABASE_CLOCK =
      Pattern.compile(
          "\\b(NOW|CURDATE|CURTIME|UTC_TIMESTAMP|SYSDATE)\\s*\\(|\\bCURRENT_(TIMESTAMP|DATE|TIME)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  /** Files that may read the machine's clock, and why what they time is not school time. */
  private static final Map<String, String> NOT_SCHOOL_TIME =
      new TreeMap<>(
          Map.of(
              "platform/time/SchoolClock.java", "the school clock itself: the system clock, moved by dev.clock",
              "identity/application/CasLogouts.java",
                  "how long a ticket stays known as still signed in (a cache's expiry), and a purge of its own rows"
                      + " by the database's clock: nothing a person sees or compares",
              "wecom/infrastructure/WeComClientProducer.java",
                  "access_token lifetimes: WeCom's expires_in seconds, counted on WeCom's real time",
              "wecom/jssdk/application/JsSdkSigner.java",
                  "JS-SDK signature timestamps and jsapi_ticket lifetimes: WeCom protocol time, checked by WeCom",
              "wecom/callback/interfaces/WeComCallbackServlet.java",
                  "WeCom signs a callback with its real time; the replay window is measured against that"));

  /**
   * The WeCom stand-in plays WeCom's servers, which run on real time whatever DEV_CLOCK says (its tokens, tickets,
   * callback timestamps, outage windows); what it shows a person (the inbox) uses the school clock.
   */
  private static final String STAND_IN = "wecom/standin/";

  @Test
  void appCodeAsksTheSchoolClockWhatTimeItIs() throws IOException {
    List<String> found = new ArrayList<>();
    List<String> allowedAndUsed = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = MAIN.relativize(file).toString().replace('\\', '/');
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
            continue;
          }
          if (asksTheMachine(line)) {
            if (NOT_SCHOOL_TIME.containsKey(name) || name.startsWith(STAND_IN)) {
              allowedAndUsed.add(name);
            } else {
              found.add(name + ":" + (i + 1) + ": " + line);
            }
          }
        }
      }
    }
    assertThat(found)
        .as("ask the injected Clock (platform.time.SchoolClock), or add the file with its reason to NOT_SCHOOL_TIME")
        .isEmpty();
    // An exception nobody needs any more is removed, so the list stays the truth.
    assertThat(allowedAndUsed).containsAll(NOT_SCHOOL_TIME.keySet());
  }

  @Test
  void theLookCatchesEveryWayOfAskingTheMachine() {
    for (String line :
        List.of(
            "Instant now = Instant.now();",
            "var d = LocalDate.now();",
            "long t = System.currentTimeMillis() / 1000;",
            "Clock c = Clock.systemUTC();",
            "\"UPDATE t SET updated_at = CURRENT_TIMESTAMP(3) WHERE id = ?\"",
            "\"DELETE FROM x WHERE at < NOW(3) - INTERVAL 2 DAY\"")) {
      assertThat(asksTheMachine(line)).as(line).isTrue();
    }
    for (String line :
        List.of(
            "LocalDateTime.now(clock)",
            "long t0 = System.nanoTime();",
            "\"SELECT updated_at FROM t\"",
            "get(\"forms.status.\" + f.effectiveStatus(LocalDateTime.now(clock)).name())",
            "saveDraftNow()")) {
      assertThat(asksTheMachine(line)).as(line).isFalse();
    }
  }

  private static boolean asksTheMachine(String line) {
    if (MACHINE_CLOCK.matcher(line).find()) {
      return true;
    }
    var literals = STRING_LITERAL.matcher(line);
    while (literals.find()) {
      if (DATABASE_CLOCK.matcher(literals.group()).find()) {
        return true;
      }
    }
    return false;
  }
}
