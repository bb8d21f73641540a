package cn.edu.ntvu.workbench.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@link Browser#waitFor}: an element replaced by an Ajax update is "not yet", anything else fails at once. */
class BrowserWaitTest {
  /** What Chromium 156 answered in CI when a wait read an element an Ajax update had just replaced. */
  private static final String REPLACED_NODE =
      "unknown error: unhandled inspector error: {\"code\":-32000,\"message\":\"Node with given id does not belong"
          + " to the document\"}";

  private final WebDriver driver =
      (WebDriver) Proxy.newProxyInstance(
          getClass().getClassLoader(),
          new Class<?>[] {WebDriver.class},
          (proxy, method, args) -> {
            throw new UnsupportedOperationException(method.getName());
          });

  private WebDriverWait quickWait() {
    WebDriverWait wait = Browser.waitFor(driver, Duration.ofSeconds(5));
    wait.pollingEvery(Duration.ofMillis(10));
    return wait;
  }

  @Test
  void aNodeThatLeftTheDocumentOrWentStaleMeansLookAgain() {
    AtomicInteger looks = new AtomicInteger();
    String found =
        quickWait()
            .until(
                d -> {
                  switch (looks.incrementAndGet()) {
                    case 1 -> throw new WebDriverException(REPLACED_NODE);
                    case 2 -> throw new StaleElementReferenceException("stale element reference");
                    case 3 -> {
                      return null;
                    }
                    default -> {
                      return "已提交";
                    }
                  }
                });
    assertThat(found).isEqualTo("已提交");
    assertThat(looks).hasValue(4);
  }

  @Test
  void anyOtherBrowserErrorFailsTheWaitAtOnce() {
    AtomicInteger looks = new AtomicInteger();
    assertThatThrownBy(
            () ->
                quickWait()
                    .until(
                        d -> {
                          looks.incrementAndGet();
                          throw new WebDriverException("chrome not reachable");
                        }))
        .isInstanceOf(WebDriverException.class)
        .hasMessageContaining("chrome not reachable");
    assertThat(looks).hasValue(1);
  }
}
