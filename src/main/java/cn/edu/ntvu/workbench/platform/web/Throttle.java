package cn.edu.ntvu.workbench.platform.web;

import cn.edu.ntvu.workbench.platform.config.InvalidSettingException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Brute-force brakes for the endpoints that take a secret from anybody: the sign-in callbacks
 * (WeCom OAuth {@code code}/{@code state}, CAS tickets) and the calendar feeds ({@code
 * /calendar/<token>.ics}). Each has its own {@link FailureLimiter} per client address ({@link
 * ClientAddress}), so stale calendar subscriptions polling from a school's shared address never
 * block its sign-ins. A refused request gets 429 with {@code Retry-After} and one sentence in
 * Chinese and English, before any work is done — a correct token from a blocked address waits too,
 * so a guesser cannot tell a hit from a refusal. Settings (README): {@value #TRUSTED_PROXIES},
 * {@value #BURST}, {@value #PER_MINUTE}.
 */
@ApplicationScoped
public class Throttle {
  public static final String TRUSTED_PROXIES = "security.trusted-proxies";
  public static final String BURST = "security.failure-burst";
  public static final String PER_MINUTE = "security.failures-per-minute";

  static final int DEFAULT_BURST = 30;
  static final int DEFAULT_PER_MINUTE = 30;

  /** About 100 bytes each: a megabyte or two at most, whatever a flood of addresses does. */
  static final int MAX_TRACKED = 20_000;

  private static final Logger LOG = Logger.getLogger(Throttle.class.getName());
  private static final long REPORT_EVERY = TimeUnit.MINUTES.toNanos(10);

  /** What is being guessed; each has its own buckets. */
  public enum Gate {
    SIGN_IN,
    CALENDAR
  }

  private ClientAddress clients;
  private final Map<Gate, FailureLimiter> limiters = new EnumMap<>(Gate.class);

  @PostConstruct
  void read() {
    configure(ConfigProvider.getConfig());
  }

  /** Validated at start-up, not at the first bad request. */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // observing is enough: the container creates the bean to deliver the event
  }

  void configure(Config config) {
    String proxies = text(config, TRUSTED_PROXIES).orElse("");
    try {
      clients = ClientAddress.trusting(proxies);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(
          TRUSTED_PROXIES,
          "IP addresses or CIDR networks of our reverse proxies, separated by commas (not '"
              + e.getMessage()
              + "')");
    }
    int burst = integer(config, BURST, DEFAULT_BURST, 1, 10_000);
    int perMinute = integer(config, PER_MINUTE, DEFAULT_PER_MINUTE, 1, 10_000);
    for (Gate g : Gate.values()) {
      limiters.put(
          g, new FailureLimiter(burst, perMinute, MAX_TRACKED, REPORT_EVERY, System::nanoTime));
    }
  }

  /** The address a request came from (the socket's peer, or our proxy's X-Forwarded-For). */
  public String client(HttpServletRequest req) {
    return clients.resolve(req.getRemoteAddr(), req.getHeader("X-Forwarded-For"));
  }

  /**
   * Before the work: true when this request's address has made too many failures at {@code gate}
   * lately, in which case the 429 has been written and the caller stops.
   */
  public boolean refused(Gate gate, HttpServletRequest req, HttpServletResponse res)
      throws IOException {
    String address = client(req);
    FailureLimiter.Decision d = limiters.get(gate).check(address);
    if (d.allowed()) {
      return false;
    }
    if (d.report() != null) {
      LOG.warning(
          () ->
              "Too many failed "
                  + gate.name().toLowerCase(Locale.ROOT).replace('_', '-')
                  + " attempts from "
                  + d.report().address()
                  + ": refusing them for a while"
                  + (d.report().refusedSinceLastReport() > 1
                      ? " ("
                          + d.report().refusedSinceLastReport()
                          + " refused since the last report)"
                      : ""));
    }
    tooMany(res, d.retryAfterSeconds());
    return true;
  }

  /** After the work: this request's address made a failure at {@code gate}. */
  public void failure(Gate gate, HttpServletRequest req) {
    limiters.get(gate).failure(client(req));
  }

  /**
   * 429, {@code Retry-After}, one sentence in both languages (a calendar app shows it to anyone).
   */
  static void tooMany(HttpServletResponse res, long retryAfterSeconds) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Locale l : List.of(RequestLocale.CHINESE, Locale.ENGLISH)) {
      text.append(
              BundleText.format(
                  "i18n.messages",
                  l,
                  "throttle.tooMany",
                  List.of(String.valueOf(retryAfterSeconds))))
          .append('\n');
    }
    byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
    res.setStatus(429);
    res.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
    res.setHeader("Cache-Control", "no-store");
    res.setContentType("text/plain;charset=UTF-8");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  private static Optional<String> text(Config config, String key) {
    return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
  }

  private static int integer(Config config, String key, int dflt, int min, int max) {
    Optional<String> value = text(config, key);
    if (value.isEmpty()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(value.get());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new InvalidSettingException(key, "a whole number from " + min + " to " + max);
  }
}
