package cn.edu.ntvu.workbench.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface. */
public final class Ports {
  private Ports() {}

  /**
   * Below Linux's ephemeral range (32768–60999), so no outgoing connection can take the port before
   * we bind it.
   */
  static final int FIRST = 20_000;

  static final int LAST = 32_000;

  private static final java.util.Set<Integer> HANDED_OUT =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * A port that is free now, chosen outside the ephemeral range: a port from {@code new
   * ServerSocket(0)} can be taken as the local port of any outgoing connection (JDBC, Chromium,
   * CAS) before the server binds it — seen once as a Payara Micro that said "ready" but listened
   * nowhere. Never the same port twice in one test run.
   */
  public static int free() {
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = random.nextInt(FIRST, LAST);
      if (HANDED_OUT.add(port)) {
        if (isFree(port)) {
          return port;
        }
      }
    }
    throw new UncheckedIOException(
        new IOException("no free port between " + FIRST + " and " + LAST));
  }

  /** Whether nothing listens on {@code port} (any interface, as Payara binds 0.0.0.0). */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
