package cn.edu.ntvu.workbench.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests: one per test class, because starting it costs seconds.
 *
 * <pre>{@code
 * @RegisterExtension static final Browser browser = Browser.weCom().language("zh-CN");
 *
 * @Test void home() {
 *   browser.open(TestServers.appUrl() + "/");
 *   browser.screenshot("home");
 * }
 * }</pre>
 *
 * Chromium starts on the first {@link #driver()} call and quits after the class (and, failing that,
 * at JVM exit).
 */
public final class Browser implements AfterEachCallback, AfterAllCallback, AutoCloseable {

  /** The user agent of WeCom's in-app browser on an iPhone: the app's main audience. */
  public static final String WECOM_UA =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15"
          + " (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.22 MicroMessenger/7.0.1"
          + " Language/zh ColorScheme/Light";

  private static final AtomicInteger PROFILES = new AtomicInteger();

  private String userAgent;
  private String language = "zh-CN";
  private int width = 390;
  private int height = 844;
  private ChromeDriver driver;
  private Thread quitAtExit;

  private Browser() {}

  /** A phone-sized Chromium with its own user agent. */
  public static Browser mobile() {
    return new Browser();
  }

  /** A phone-sized Chromium that says it is WeCom's in-app browser. */
  public static Browser weCom() {
    return new Browser().userAgent(WECOM_UA);
  }

  public Browser userAgent(String ua) {
    this.userAgent = ua;
    return this;
  }

  /** Accept-Language of the browser, e.g. "zh-CN" or "en". */
  public Browser language(String lang) {
    this.language = lang;
    return this;
  }

  public Browser windowSize(int w, int h) {
    this.width = w;
    this.height = h;
    return this;
  }

  /** The WebDriver, starting Chromium on first use. */
  public synchronized ChromeDriver driver() {
    if (driver == null) {
      driver = start();
      ChromeDriver started = driver;
      quitAtExit = new Thread(() -> quietQuit(started), "quit-chromium");
      Runtime.getRuntime().addShutdownHook(quitAtExit);
    }
    return driver;
  }

  /**
   * The one way tests wait for a page: a {@link WebDriverWait} for which an element that an Ajax
   * update replaced while the condition looked at it means "not yet", and it looks again. Selenium
   * reports that as {@link StaleElementReferenceException}; Chromium 156 sometimes as a plain
   * {@link WebDriverException} "unknown error: unhandled inspector error:
   * {"code":-32000,"message":"Node with given id does not belong to the document"}". Every other
   * error still fails the wait at once.
   */
  public static WebDriverWait waitFor(WebDriver driver, Duration timeout) {
    return new WebDriverWait(driver, timeout) {
      @Override
      public <V> V until(Function<? super WebDriver, ? extends V> isTrue) {
        return super.<V>until(new LookAgain<V>(isTrue));
      }
    };
  }

  /**
   * A condition that answers "not yet" for a replaced element; says what it waits for as the
   * condition does.
   */
  private record LookAgain<V>(Function<? super WebDriver, ? extends V> isTrue)
      implements Function<WebDriver, V> {
    @Override
    public V apply(WebDriver d) {
      try {
        return isTrue.apply(d);
      } catch (StaleElementReferenceException e) {
        return null;
      } catch (WebDriverException e) {
        if (isReplacedNode(e)) {
          return null;
        }
        throw e;
      }
    }

    @Override
    public String toString() {
      return isTrue.toString();
    }
  }

  /** {@link #waitFor(WebDriver, Duration)} for {@code seconds}. */
  public static WebDriverWait waitFor(WebDriver driver, long seconds) {
    return waitFor(driver, Duration.ofSeconds(seconds));
  }

  /**
   * Chromium's way of saying that a node it was asked about left the document (an Ajax update
   * replaced it).
   */
  static boolean isReplacedNode(WebDriverException e) {
    String message = e.getMessage();
    return message != null && message.contains("does not belong to the document");
  }

  /** Opens {@code url} and returns the driver for chaining. */
  public ChromeDriver open(String url) {
    ChromeDriver d = driver();
    d.get(url);
    return d;
  }

  /**
   * Signs {@code account} in through the WeCom stand-in's OAuth page, as WeCom does when a tile is
   * tapped: clears the cookies, opens {@code url}, picks the account on the stand-in's page and
   * waits until the browser is back on {@code url}'s path (not on the OAuth callback).
   */
  public ChromeDriver signInThroughWeCom(String url, String account) {
    ChromeDriver d = driver();
    d.manage().deleteAllCookies();
    d.get(url);
    WebDriverWait wait = waitFor(d, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    d.findElement(By.id("account")).sendKeys(account);
    d.findElement(By.id("continue")).click();
    String path = URI.create(url).getPath();
    wait.until(
        x -> {
          URI now = URI.create(x.getCurrentUrl());
          String query = now.getRawQuery() == null ? "" : now.getRawQuery();
          boolean back =
              path.endsWith("/") ? now.getPath().startsWith(path) : now.getPath().equals(path);
          return back && !query.contains("code=") && !now.getPath().contains("/wecom-standin/");
        });
    return d;
  }

  /**
   * Clicks the element with this id once it is there, scrolled to the middle of the viewport first
   * (a sticky bar at the bottom would take the click otherwise).
   */
  public static void click(ChromeDriver d, String id) {
    waitFor(d, Duration.ofSeconds(30))
        .ignoring(NoSuchElementException.class)
        .until(
            x -> {
              WebElement e = d.findElement(By.id(id));
              d.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
              e.click();
              return true;
            });
  }

  /** Sets an input's value by script (date and time inputs do not take typed text alike). */
  public static void setValue(ChromeDriver d, String id, String value) {
    d.executeScript("arguments[0].value = arguments[1];", d.findElement(By.id(id)), value);
  }

  /** Saves a PNG of the viewport under target/screenshots/NAME.png and returns its path. */
  public Path screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots").toAbsolutePath();
      Files.createDirectories(dir);
      Path file = dir.resolve(name.replaceAll("[^\\w.-]", "_") + ".png");
      Path tmp = driver().getScreenshotAs(OutputType.FILE).toPath();
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page as PNG bytes, for tests that inspect it instead of saving it. */
  public byte[] screenshotBytes() {
    return ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES);
  }

  private ChromeDriver start() {
    Path profile =
        Path.of(
                "target",
                "chromium-profiles",
                ProcessHandle.current().pid() + "-" + PROFILES.incrementAndGet())
            .toAbsolutePath();
    ChromeOptions options = new ChromeOptions();
    // Selenium Manager cannot download anything here: use Debian's chromium (STACK.md trap 16).
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height,
        "--lang=" + language);
    // --lang sets the UI language; Accept-Language comes from this preference.
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    if (userAgent != null) {
      options.addArguments("--user-agent=" + userAgent);
    }
    // The console, so that every test can fail on a script the Content-Security-Policy refused.
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver d = new ChromeDriver(service, options);
    d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    // Headless --window-size is the outer size; set the viewport explicitly as well.
    d.manage().window().setSize(new Dimension(width, height));
    return d;
  }

  /**
   * Fails the test when the page refused one of its own scripts, styles or handlers under the
   * Content-Security-Policy: a page whose buttons silently do nothing must not pass.
   */
  @Override
  public void afterEach(ExtensionContext context) {
    if (driver == null) {
      return;
    }
    java.util.List<String> refused = new java.util.ArrayList<>();
    try {
      for (org.openqa.selenium.logging.LogEntry e :
          driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
        if (e.getMessage().contains("Content Security Policy")) {
          refused.add(e.getMessage());
        }
      }
    } catch (RuntimeException e) {
      return; // the browser is gone; the test has reported that already
    }
    if (!refused.isEmpty() && context.getExecutionException().isEmpty()) {
      throw new AssertionError("the page broke its Content-Security-Policy: " + refused);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public synchronized void close() {
    if (driver != null) {
      quietQuit(driver);
      driver = null;
      try {
        Runtime.getRuntime().removeShutdownHook(quitAtExit);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook is running or ran.
      }
    }
  }

  private static void quietQuit(ChromeDriver d) {
    try {
      d.quit();
    } catch (RuntimeException e) {
      System.err.println("[Browser] quit failed: " + e);
    }
  }
}
