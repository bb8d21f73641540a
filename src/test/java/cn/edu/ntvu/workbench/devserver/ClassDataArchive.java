package cn.edu.ntvu.workbench.devserver;

import cn.edu.ntvu.workbench.testsupport.ManagedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A class-data-sharing archive of the classes Payara and our libraries load while starting, kept in the data folder:
 * later starts map it instead of loading and verifying them again (≈2 s less start-up on 2 cores).
 *
 * <p>Written while the app runs, not when it stops: the first run's Payara starts with
 * {@code -XX:+RecordDynamicDumpInfo}, and once it is ready {@code jcmd <pid> VM.cds dynamic_dump} writes the archive
 * (a few seconds, in the background). With {@code -XX:ArchiveClassesAtExit} the JVM wrote ~100 MB as it exited, which
 * made the first Ctrl-C take 7–15 s and a stop by a deadline cut the file short. The archive is written under a
 * temporary name and renamed when complete. It is per JDK build; a stale or damaged one is ignored by the JVM
 * ({@code -Xshare:auto}), never fatal. {@code -Dworkbench.cds=false} (mvn -Prun -Drun.cds=false) turns it off.
 */
final class ClassDataArchive {
  private final Path archive;
  private final boolean enabled;

  private ClassDataArchive(Path archive, boolean enabled) {
    this.archive = archive;
    this.enabled = enabled;
  }

  static ClassDataArchive in(Path dataDir) {
    String jdk = Runtime.version().toString().replaceAll("[^A-Za-z0-9.+-]", "_");
    Path archive = dataDir.resolve("cds").resolve("payara-" + jdk + ".jsa");
    boolean enabled =
        Boolean.parseBoolean(System.getProperty("workbench.cds", "true")) && Files.isExecutable(jcmd());
    return new ClassDataArchive(archive, enabled);
  }

  /** {@code base} plus mapping the archive, or recording what is needed to write one. */
  List<String> jvmOptions(List<String> base) {
    List<String> options = new ArrayList<>(base);
    if (!enabled) {
      return options;
    }
    if (Files.isRegularFile(archive)) {
      options.add("-XX:SharedArchiveFile=" + archive);
    } else {
      System.out.println(
          "[dev] first run: once the app is ready, Payara writes a class-data archive (a few seconds; later starts"
              + " are faster)");
      options.add("-XX:+RecordDynamicDumpInfo");
    }
    // The JVM reports every class it cannot archive; nobody needs thousands of those lines.
    options.add("-Xlog:cds=off");
    options.add("-Xlog:cds+dynamic=off");
    return options;
  }

  /** On the first run, asks the running Payara to write the archive, on a daemon thread. */
  void writeInBackground(ManagedProcess payara, Path log) {
    if (!enabled || Files.isRegularFile(archive)) {
      return;
    }
    Thread writer = new Thread(() -> write(payara, log), "dev-cds-dump");
    writer.setDaemon(true);
    writer.start();
  }

  private void write(ManagedProcess payara, Path log) {
    Path partial = archive.resolveSibling(archive.getFileName() + ".part");
    try {
      Files.createDirectories(archive.getParent());
      Files.deleteIfExists(partial); // a dump cut short by an earlier Ctrl-C
      ManagedProcess dump =
          ManagedProcess.builder("cds-dump")
              .command(jcmd().toString(), String.valueOf(payara.pid()), "VM.cds", "dynamic_dump", partial.toString())
              .logFile(log)
              .start();
      if (dump.awaitExit(Duration.ofMinutes(2)) == 0 && Files.size(partial) > 0) {
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("[dev] class-data archive written: " + archive);
      } else {
        System.out.println("[dev] no class-data archive this time (see " + log + ")");
      }
    } catch (IOException | RuntimeException e) {
      // Stopping while it was written, or a JDK without the jcmd command: the next run tries again.
      System.out.println("[dev] no class-data archive this time: " + e.getMessage());
    }
  }

  private static Path jcmd() {
    return Path.of(System.getProperty("java.home"), "bin", "jcmd");
  }
}
