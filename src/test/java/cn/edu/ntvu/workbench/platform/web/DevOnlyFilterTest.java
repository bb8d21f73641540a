package cn.edu.ntvu.workbench.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DevOnlyFilterTest {
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicReference<Boolean> passed = new AtomicReference<>(false);

  private void run(boolean devMode) throws Exception {
    HttpServletRequest req =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> m.getName().equals("getParameter") ? "dev" : null);
    HttpServletResponse res =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (p, m, a) -> {
                  if (m.getName().equals("sendError")) {
                    status.set((Integer) a[0]);
                  }
                  return null;
                });
    FilterChain chain = (rq, rs) -> passed.set(true);
    new DevOnlyFilter(devMode).doFilter(req, res, chain);
  }

  @Test
  void inProductionTheStandInsDoNotExistWhateverTheRequestSays() throws Exception {
    run(false);
    assertThat(status.get()).isEqualTo(404);
    assertThat(passed.get()).isFalse();
  }

  @Test
  void inDevelopmentTheyAnswer() throws Exception {
    run(true);
    assertThat(passed.get()).isTrue();
  }
}
