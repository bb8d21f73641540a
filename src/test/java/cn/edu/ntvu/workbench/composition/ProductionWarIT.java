package cn.edu.ntvu.workbench.composition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged workbench.war holds nothing that exists only for development: no class of the
 * stand-in (its own WAR, src/standin) or of the old development sign-in and demo seeding, no
 * development page, and not one of the demo school's files (src/demo), by name or by content. The
 * same check finds all of these in the stand-in's WAR and in a made-up listing, so it cannot pass
 * by looking at nothing.
 */
class ProductionWarIT {
  /** Class names of development code, wherever a package might put them. */
  private static final Pattern DEV_CLASS =
      Pattern.compile(
          "(?i).*/(StandIn|Standin|DemoCast|DemoDirectory|DemoTimetable|DemoTiles|DevSignIn|DevOnly"
              + "|DevFailure|WeComAuthorizeStandIn)[^/]*\\.class");

  /** Paths of development code, pages and data. */
  private static final List<String> DEV_PATHS =
      List.of(
          "WEB-INF/classes/cn/edu/ntvu/standin/",
          "WEB-INF/classes/cn/edu/ntvu/workbench/wecom/standin/",
          "dev/",
          "WEB-INF/classes/demo/",
          "WEB-INF/includes/dev-");

  /**
   * The timetable import page's sample files for admins: deliberately the demo term's first rows
   * (the demo's term.csv has only one), a production feature.
   */
  private static final List<String> DEV_PAGES_GUARDED =
      // The theme's living style page: in the WAR, but its route line is development-only, so a
      // production server answers 404 (RouteMatrixIT checks it). It holds no data and no code.
      List.of("dev/style.xhtml");

  private static final String SAMPLES = "WEB-INF/classes/timetable/samples/";

  private static final Path WAR = Path.of(System.getProperty("test.war", "target/workbench.war"));
  private static final Path STANDIN_WAR =
      Path.of(System.getProperty("test.standinWar", "target/wecom-standin.war"));
  private static final Path DEMO = Path.of(System.getProperty("test.demoDir", "src/demo"));

  @Test
  void theProductionWarHoldsNoDevelopmentClassPageOrDemoFile() throws Exception {
    List<String> found = developmentEntries(WAR);
    assertThat(found).as("development-only entries in " + WAR).isEmpty();
  }

  @Test
  void theCheckFindsWhatItLooksFor() throws Exception {
    assertThat(developmentEntries(STANDIN_WAR))
        .as("the stand-in's own WAR")
        .anyMatch(
            e -> e.startsWith("WEB-INF/classes/cn/edu/ntvu/standin/wecom/StandInWeCom.class"));
    assertThat(
            check(
                Map.of(
                    "WEB-INF/classes/cn/edu/ntvu/workbench/identity/application/DemoCast.class",
                        new byte[] {1},
                    "WEB-INF/classes/cn/edu/ntvu/workbench/x/DevSignInView.class", new byte[] {2},
                    "dev/signin.xhtml", new byte[] {3},
                    "WEB-INF/classes/seed/people.csv",
                        Files.readAllBytes(DEMO.resolve("people.csv")),
                    "WEB-INF/classes/cn/edu/ntvu/workbench/platform/config/AppSettings.class",
                        new byte[] {4})))
        .containsExactlyInAnyOrder(
            "WEB-INF/classes/cn/edu/ntvu/workbench/identity/application/DemoCast.class (development class)",
            "WEB-INF/classes/cn/edu/ntvu/workbench/x/DevSignInView.class (development class)",
            "dev/signin.xhtml (development path)",
            "WEB-INF/classes/seed/people.csv (a demo file: people.csv)");
  }

  private static List<String> developmentEntries(Path war) throws IOException {
    assertThat(war).as("run mvn package first").isRegularFile();
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipFile zip = new ZipFile(war.toFile())) {
      for (ZipEntry e : zip.stream().filter(e -> !e.isDirectory()).toList()) {
        // Libraries are not ours; a demo file's bytes are compared for everything else.
        entries.put(
            e.getName(),
            e.getName().startsWith("WEB-INF/lib/")
                ? new byte[0]
                : zip.getInputStream(e).readAllBytes());
      }
    }
    assertThat(entries).as(war + " is a web application").containsKey("WEB-INF/web.xml");
    return check(entries);
  }

  private static List<String> check(Map<String, byte[]> entries) throws IOException {
    Map<String, String> demoFiles = new HashMap<>();
    try (Stream<Path> files = Files.list(DEMO)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        demoFiles.put(sha256(Files.readAllBytes(f)), f.getFileName().toString());
      }
    }
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      String name = e.getKey();
      if (DEV_CLASS.matcher("/" + name).matches()) {
        found.add(name + " (development class)");
      } else if (DEV_PATHS.stream().anyMatch(name::startsWith)
          && !DEV_PAGES_GUARDED.contains(name)) {
        found.add(name + " (development path)");
      } else if (e.getValue().length > 0
          && !name.startsWith(SAMPLES)
          && demoFiles.containsKey(sha256(e.getValue()))) {
        found.add(name + " (a demo file: " + demoFiles.get(sha256(e.getValue())) + ")");
      }
    }
    return found;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
