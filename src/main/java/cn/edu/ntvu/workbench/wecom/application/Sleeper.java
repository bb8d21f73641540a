package cn.edu.ntvu.workbench.wecom.application;

import java.time.Duration;

/** Waits between retries; injected so that tests do not sleep. */
@FunctionalInterface
public interface Sleeper {

  Sleeper REAL =
      duration -> {
        try {
          Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while backing off from WeCom", e);
        }
      };

  void sleep(Duration duration);
}
