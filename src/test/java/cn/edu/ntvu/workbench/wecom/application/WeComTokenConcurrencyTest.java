package cn.edu.ntvu.workbench.wecom.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One refresh at a time across servers (docs/wecom-api.md §2.1, §7.7). */
class WeComTokenConcurrencyTest {

  @Test
  void twentyThreadsOnFourServersAskingAtOnceCauseExactlyOneGettoken() throws Exception {
    FakeWeComHttp http = new FakeWeComHttp();
    http.gettokenDelay = Duration.ofMillis(100);
    InMemoryCredentialStore sharedTable = new InMemoryCredentialStore();
    MutableClock clock = new MutableClock();
    List<WeComClient> servers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      servers.add(
          new WeComClient(
              WeComClientTest.CORP_ID,
              WeComClientTest.AGENT,
              http,
              sharedTable,
              clock,
              d -> {},
              new Random(i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> tokens = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        WeComClient server = servers.get(i % servers.size());
        tokens.add(
            pool.submit(
                () -> {
                  start.await();
                  return server.accessToken(WeComClientTest.AGENT).value();
                }));
      }
      start.countDown();
      for (Future<String> token : tokens) {
        assertThat(token.get(10, TimeUnit.SECONDS)).isEqualTo("TOKEN-1");
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(http.count(WeComClient.GETTOKEN)).isEqualTo(1);
  }
}
