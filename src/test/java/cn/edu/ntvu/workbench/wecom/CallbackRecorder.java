package cn.edu.ntvu.workbench.wecom;

import cn.edu.ntvu.workbench.wecom.application.CallbackReply;
import cn.edu.ntvu.workbench.wecom.application.WeComCallbackMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A micro-app for the in-container tests only (added to their Arquillian deployment, never to
 * workbench.war): it records what the callback handed over, and can make the next deliveries fail
 * (the receipt must roll back, and WeCom's retry be handled) or answer the next one with a passive
 * reply.
 */
@ApplicationScoped
public class CallbackRecorder {
  private final List<WeComCallbackMessage> received = new ArrayList<>();
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicReference<String> replyNext = new AtomicReference<>();

  @Inject CallbackReply reply;

  void on(@Observes WeComCallbackMessage message) {
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("test: delivery failed on purpose");
    }
    String passive = replyNext.getAndSet(null);
    if (passive != null) {
      reply.set(passive);
    }
    synchronized (received) {
      received.add(message);
    }
  }

  /** What was handed over from {@code fromUser}, oldest first. */
  public List<WeComCallbackMessage> from(String fromUser) {
    synchronized (received) {
      return received.stream().filter(m -> fromUser.equals(m.fromUser())).toList();
    }
  }

  public void failNext(int times) {
    failNext.set(times);
  }

  /**
   * The next delivery answers WeCom with this passive reply (plaintext XML, encrypted by the
   * endpoint).
   */
  public void replyNext(String plainXml) {
    replyNext.set(plainXml);
  }
}
