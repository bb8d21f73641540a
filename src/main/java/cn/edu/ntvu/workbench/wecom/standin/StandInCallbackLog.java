package cn.edu.ntvu.workbench.wecom.standin;

import cn.edu.ntvu.workbench.wecom.application.CallbackReply;
import cn.edu.ntvu.workbench.wecom.application.WeComCallbackMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Development only: remembers the callbacks this server handed to the micro-apps (the last 200), so that tests and a
 * developer can see what arrived and that a retry or replay arrived once; can make the next deliveries fail, to show
 * that a failing handler rolls the receipt back and WeCom's retry is handled, or answer the next one with a passive
 * reply. Does nothing in production.
 */
@ApplicationScoped
public class StandInCallbackLog {
  static final int KEEP = 200;

  @Inject
  @ConfigProperty(name = "app.mode", defaultValue = "production")
  String appMode;

  private final Deque<WeComCallbackMessage> received = new ArrayDeque<>();
  private final AtomicInteger failNext = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicReference<String> replyNext =
      new java.util.concurrent.atomic.AtomicReference<>();

  @Inject CallbackReply reply;

  void on(@Observes WeComCallbackMessage message) {
    if (!"dev".equals(appMode)) {
      return;
    }
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("stand-in: delivery failed on purpose");
    }
    String passive = replyNext.getAndSet(null);
    if (passive != null) {
      reply.set(passive);
    }
    synchronized (received) {
      received.addLast(message);
      while (received.size() > KEEP) {
        received.removeFirst();
      }
    }
  }

  public List<WeComCallbackMessage> received() {
    synchronized (received) {
      return new ArrayList<>(received);
    }
  }

  public void reset() {
    synchronized (received) {
      received.clear();
    }
    failNext.set(0);
    replyNext.set(null);
  }

  /** The next delivery answers WeCom with this passive reply (plaintext XML, encrypted by the endpoint). */
  public void replyNext(String plainXml) {
    replyNext.set(plainXml);
  }

  /** The next {@code times} deliveries throw (their transactions roll back). */
  public void failNext(int times) {
    failNext.set(Math.max(0, times));
  }
}
