package cn.edu.ntvu.workbench.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load of N connections, each a browser: it owns some signed-in sessions, sends each one's cookies
 * and keeps what every response sets (Payara's JSESSIONIDVERSION changes with each request; wrk cannot follow it, and
 * a stale version makes Payara reload the session from its store, which no browser causes).
 */
final class LoadRun {
  private LoadRun() {}

  static String run(String url, List<String> sessions, int connections, Duration duration)
      throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    List<long[]> latencies = new ArrayList<>();
    AtomicLong failures = new AtomicLong();
    CountDownLatch done = new CountDownLatch(connections);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < connections; w++) {
      long[] samples = new long[2_000_000];
      latencies.add(samples);
      int worker = w;
      Thread t =
          new Thread(
              () -> {
                HttpClient http =
                    HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
                List<Integer> mine = new ArrayList<>();
                for (int i = worker % sessions.size(); i < sessions.size(); i += connections) {
                  mine.add(i);
                }
                if (mine.isEmpty()) {
                  mine.add(worker % sessions.size());
                }
                int n = 0;
                try {
                  for (int k = 0; System.nanoTime() < end && n < samples.length; k++) {
                    int s = mine.get(k % mine.size());
                    String cookie;
                    synchronized (sessions) {
                      cookie = sessions.get(s);
                    }
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r =
                        http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                .header("Cookie", cookie)
                                .header("Accept-Encoding", "gzip")
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    samples[n++] = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                      failures.incrementAndGet();
                    }
                    String updated = TimetableBench.cookies(r, cookie);
                    synchronized (sessions) {
                      sessions.set(s, updated);
                    }
                  }
                } catch (IOException e) {
                  failures.incrementAndGet();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  latencies.set(worker, Arrays.copyOf(samples, n));
                  done.countDown();
                }
              },
              "load-" + w);
      threads.add(t);
    }
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    if (all.length == 0) {
      return "no requests completed";
    }
    return String.format(
        "%.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, non-200 %d (%d requests)",
        all.length / seconds,
        pct(all, 50),
        pct(all, 99),
        all[all.length - 1] / 1e6,
        failures.get(),
        all.length);
  }

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
