package cn.edu.ntvu.workbench.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A child process (usually a JVM) whose output goes to a log file, that can wait until it answers
 * HTTP, and that is always stopped: by {@link #stop()}, or by a JVM shutdown hook if the test run or
 * the dev server ends any other way (Ctrl-C, failure, System.exit).
 *
 * <p>Stopping everything is one ordered pass at a time: the servers first, in parallel, then the processes they
 * depend on ({@link Builder#stopAfterOthers()}, the database), so Payara never loses MariaDB while it still
 * finishes requests. Once the JVM is going down no new process starts, so a start that races with Ctrl-C cannot
 * leave an orphan behind.
 */
public final class ManagedProcess implements AutoCloseable {

  /** Every process started and not yet stopped; the shutdown hook stops what is left. */
  private static final Set<ManagedProcess> LIVE = ConcurrentHashMap.newKeySet();

  /** Held while a process starts and while everything is stopped, so the two never interleave. */
  private static final Object STARTS = new Object();

  /** Set once the JVM is exiting: from then on {@link Builder#start()} refuses. Guarded by {@link #STARTS}. */
  private static boolean exiting;

  static {
    try {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(ManagedProcess::stopAllAtExit, "managed-process-reaper"));
    } catch (IllegalStateException shutdownInProgress) {
      // First used from another shutdown hook (e.g. Ctrl-C during the dev run's start): nothing to reap yet.
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          // HTTP/1.1 as a load balancer's probe: the JDK's default HTTP/2 offers an h2c upgrade on plain http, and a
          // Payara node that took it was seen to leave every later readiness request unanswered (curl got 200).
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final String name;
  private final Process process;
  private final Path logFile;
  private final Thread pump;
  private final Duration stopTimeout;
  private final Map<String, Long> markersSeen;
  private final boolean stopsLast;

  private ManagedProcess(
      String name,
      Process process,
      Path logFile,
      Thread pump,
      Duration stopTimeout,
      Map<String, Long> markersSeen,
      boolean stopsLast) {
    this.name = name;
    this.stopsLast = stopsLast;
    this.markersSeen = markersSeen;
    this.process = process;
    this.logFile = logFile;
    this.pump = pump;
    this.stopTimeout = stopTimeout;
  }

  /** Starts describing a process; {@code name} appears in log lines and thread names. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The command to start a child JVM with the same Java that runs this one. */
  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path logFile() {
    return logFile;
  }

  /**
   * Polls {@code url} until it answers {@code expectedStatus}. Fails at once (with the log tail) if
   * the process dies, and after {@code timeout} otherwise.
   *
   * @return how long the wait took
   */
  public Duration awaitHttp(String url, int expectedStatus, Duration timeout) {
    return awaitHttp(url, expectedStatus, timeout, null, null);
  }

  /**
   * Like {@link #awaitHttp(String, int, Duration)}, but also gives up {@code grace} after a log
   * line containing {@code marker} (one of {@link Builder#watchFor}) appeared. Payara logs "ready"
   * even when the app failed to deploy; this turns a 4-minute wait into a short one.
   */
  public Duration awaitHttp(
      String url, int expectedStatus, Duration timeout, String marker, Duration grace) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    String last = "no answer yet";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with code "
                + process.exitValue()
                + " before "
                + url
                + " answered "
                + expectedStatus
                + "\n"
                + tail(60));
      }
      try {
        int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == expectedStatus) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
        last = "HTTP " + status;
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + url, e);
      }
      Long markerAt = marker == null ? null : markersSeen.get(marker);
      if (markerAt != null && System.nanoTime() > markerAt + grace.toNanos()) {
        throw new IllegalStateException(
            name
                + ": "
                + url
                + " still answers "
                + last
                + ", "
                + grace.toSeconds()
                + " s after the log said '"
                + marker
                + "' (did the app fail to deploy?)\n"
                + tail(60));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            name
                + ": "
                + url
                + " did not answer "
                + expectedStatus
                + " within "
                + timeout
                + " (last: "
                + last
                + ")\n"
                + tail(60));
      }
      sleep(500);
    }
  }

  /**
   * Waits for a process that ends by itself (an installer) and returns its exit code; stops it and fails after
   * {@code timeout}.
   */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        stop();
        throw new IllegalStateException(name + " did not finish within " + timeout + "\n" + tail(40));
      }
      awaitPump(); // the last lines, for the caller's message
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    }
    LIVE.remove(this);
    return process.exitValue();
  }

  /** The last {@code lines} lines of the log, for failure messages. */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return "--- last lines of "
          + logFile
          + " ---\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | RuntimeException e) {
      return "(log " + logFile + " unreadable: " + e + ")";
    }
  }

  /**
   * Sends TERM to the process, waits for a graceful stop (Payara and CAS both need a few seconds),
   * then KILLs it and any descendants it left behind. Safe to call twice.
   */
  public void stop() {
    LIVE.remove(this);
    // Collect descendants first: once the parent is gone they are re-parented and lost to us.
    List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
          System.err.println("[" + name + "] did not stop within " + stopTimeout + "; killing");
          process.destroyForcibly();
          process.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    for (ProcessHandle child : descendants) {
      child.destroyForcibly();
    }
    try {
      awaitPump();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitPump() throws InterruptedException {
    if (pump != null) {
      pump.join(2_000);
    }
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Stops every live process now and lets none start any more: for a shutdown hook (the dev server's prints what it
   * does around it). Returns when all have stopped; a second caller waits for the first one's pass.
   */
  public static void stopAllAtExit() {
    synchronized (STARTS) {
      exiting = true;
      stopAllLive();
    }
  }

  /**
   * Stops every live process: the others in parallel (CAS alone may take 20 s to stop), then those marked {@link
   * Builder#stopAfterOthers()}.
   */
  static void stopAllLive() {
    synchronized (STARTS) {
      List<ManagedProcess> live = List.copyOf(LIVE);
      stopInParallel(live.stream().filter(p -> !p.stopsLast).toList());
      stopInParallel(live.stream().filter(p -> p.stopsLast).toList());
    }
  }

  private static void stopInParallel(List<ManagedProcess> processes) {
    List<Thread> stoppers = new ArrayList<>();
    for (ManagedProcess p : processes) {
      Thread t = new Thread(p::stop, "stop-" + p.name);
      t.start();
      stoppers.add(t);
    }
    for (Thread t : stoppers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Describes a process to start. */
  public static final class Builder {
    private final String name;
    private final List<String> command = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Set<String> removedEnv = ConcurrentHashMap.newKeySet();
    private Path workDir;
    private Path logFile;
    private PrintStream echo;
    private Duration stopTimeout = Duration.ofSeconds(20);
    private final List<String> markers = new ArrayList<>();
    private boolean stopsLast;

    private Builder(String name) {
      this.name = name;
    }

    public Builder command(String... parts) {
      command.addAll(List.of(parts));
      return this;
    }

    public Builder command(List<String> parts) {
      command.addAll(parts);
      return this;
    }

    public Builder env(String key, String value) {
      env.put(key, value);
      removedEnv.remove(key);
      return this;
    }

    public Builder env(Map<String, String> values) {
      values.forEach(this::env);
      return this;
    }

    /** Keeps a variable of this JVM's environment away from the child (e.g. a stray DB_URL). */
    public Builder unsetEnv(String key) {
      env.remove(key);
      removedEnv.add(key);
      return this;
    }

    public Builder workDir(Path dir) {
      this.workDir = dir;
      return this;
    }

    /** Where stdout and stderr go (required). */
    public Builder logFile(Path file) {
      this.logFile = file;
      return this;
    }

    /** Also copies every output line to {@code out}, prefixed with the name (the dev server). */
    public Builder echoTo(PrintStream out) {
      this.echo = out;
      return this;
    }

    /** Records when a line containing {@code marker} first appears in the output. */
    public Builder watchFor(String marker) {
      markers.add(marker);
      return this;
    }

    public Builder stopTimeout(Duration timeout) {
      this.stopTimeout = timeout;
      return this;
    }

    /** Stopped after every other process when all are stopped: a database the servers still use while stopping. */
    public Builder stopAfterOthers() {
      this.stopsLast = true;
      return this;
    }

    public ManagedProcess start() {
      if (logFile == null) {
        throw new IllegalStateException("logFile is required");
      }
      try {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
          Files.createDirectories(workDir);
          pb.directory(workDir.toFile());
        }
        removedEnv.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        // Started and registered under one lock: a stop-everything pass sees it, or it does not start at all.
        synchronized (STARTS) {
          if (exiting) {
            throw new IllegalStateException("not starting " + name + ": this JVM is stopping");
          }
          Map<String, Long> seen = new ConcurrentHashMap<>();
          List<String> watched = List.copyOf(markers);
          // Straight into the file, followed from there for markers and echo: a thread reading the pipe loses what
          // a process writes as it exits (the JDK closes the pipe under a blocked reader: "Stream closed"), e.g.
          // MariaDB's "Shutdown complete" or the dev server's last words.
          Process process = pb.redirectOutput(logFile.toFile()).start();
          Thread pump = null;
          if (echo != null || !watched.isEmpty()) {
            pump = new Thread(() -> follow(process, logFile, echo, name, watched, seen), "log-" + name);
            pump.setDaemon(true);
            pump.start();
          }
          ManagedProcess managed =
              new ManagedProcess(name, process, logFile, pump, stopTimeout, seen, stopsLast);
          LIVE.add(managed);
          return managed;
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot start " + name + ": " + command, e);
      }
    }

    /**
     * Follows the log file as the process writes it: each complete line is checked for the markers and echoed.
     * Reads until the process has exited and the file holds nothing more.
     */
    private static void follow(
        Process process,
        Path logFile,
        PrintStream echo,
        String name,
        List<String> markers,
        Map<String, Long> seen) {
      try (InputStream in = Files.newInputStream(logFile)) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
          int n = in.read(buffer);
          if (n > 0) {
            for (int i = 0; i < n; i++) {
              if (buffer[i] == '\n') {
                seeLine(line.toString(StandardCharsets.UTF_8), echo, name, markers, seen);
                line.reset();
              } else {
                line.write(buffer[i]);
              }
            }
          } else if (!process.isAlive()) {
            if (in.available() == 0) { // written before it exited and not read yet: go round once more
              if (line.size() > 0) {
                seeLine(line.toString(StandardCharsets.UTF_8), echo, name, markers, seen);
              }
              return;
            }
          } else {
            Thread.sleep(50);
          }
        }
      } catch (IOException e) {
        // The file went away (a test removed its folder); nothing more to follow.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static void seeLine(
        String line, PrintStream echo, String name, List<String> markers, Map<String, Long> seen) {
      for (String marker : markers) {
        if (line.contains(marker)) {
          seen.putIfAbsent(marker, System.nanoTime());
        }
      }
      if (echo != null) {
        echo.println("[" + name + "] " + line);
      }
    }
  }
}
