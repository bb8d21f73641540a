package cn.edu.ntvu.workbench.wecom;

import cn.edu.ntvu.workbench.identity.IdentityInContainer;
import cn.edu.ntvu.workbench.wecom.application.Credential;
import cn.edu.ntvu.workbench.wecom.domain.WeComIdentity;
import cn.edu.ntvu.workbench.wecom.domain.WeComInvalidCodeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The WeCom client in the container: the cluster-wide token store, sign-in through the stand-in over HTTP.
 *
 * <p>An abstract part of {@code platform.persistence.InContainerIT}: the parts are stacked into that one
 * class so that Arquillian starts Payara Micro once for all of them (each deployment is a new Payara Micro).
 */
public abstract class WeComInContainer extends IdentityInContainer {
  @Test
  void theTokenStoreLetsOneServerRefreshAtATimeAndDeletesOnlyTheFailedToken() throws Exception {
    String key = "it:" + System.nanoTime();
    AtomicInteger fetches = new AtomicInteger();
    Callable<Credential> refresh =
        () ->
            credentials.refresh(
                key,
                c -> c.usableAt(Instant.now()),
                () -> {
                  fetches.incrementAndGet();
                  sleep(300);
                  return new Credential("token-" + fetches.get(), Instant.now().plusSeconds(3600));
                });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Credential>> all = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        all.add(pool.submit(refresh));
      }
      for (Future<Credential> f : all) {
        assertThat(f.get().value()).isEqualTo("token-1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fetches).hasValue(1);

    assertThat(credentials.invalidate(key, "token-old")).isFalse();
    assertThat(credentials.read(key)).get().extracting(Credential::value).isEqualTo("token-1");
    assertThat(credentials.invalidate(key, "token-1")).isTrue();
    assertThat(credentials.read(key).map(Credential::value).orElse(null)).isNull();
  }

  @Test
  void theWeComClientSignsInThroughTheStandInAndCodesAreSingleUse() {
    String code = standIn.issueCode("20240100001");
    WeComIdentity identity = wecom.getUserInfo(code);
    assertThat(identity).isEqualTo(new WeComIdentity.Member("20240100001", java.util.Optional.empty()));
    assertThatThrownBy(() -> wecom.getUserInfo(code)).isInstanceOf(WeComInvalidCodeException.class);
    assertThat(wecom.getUserInfo(standIn.issueCode(null))).isInstanceOf(WeComIdentity.NonMember.class);
  }
}
