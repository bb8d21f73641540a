package cn.edu.ntvu.workbench.notices.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The home page's 通知 badge and important notices come from one statement, and the person's own read
 * shows at once.
 */
class UnreadNoticesTest {
  private final AtomicInteger reads = new AtomicInteger();
  private volatile NoticeStore.Unread answer = new NoticeStore.Unread(4, List.of());

  private final NoticeStore store =
      (NoticeStore)
          Proxy.newProxyInstance(
              NoticeStore.class.getClassLoader(),
              new Class<?>[] {NoticeStore.class},
              (proxy, method, args) -> {
                if (method.getName().equals("unread")) {
                  reads.incrementAndGet();
                  assertThat(args[1]).isEqualTo(UnreadNotices.IMPORTANT_SHOWN);
                  return answer;
                }
                throw new AssertionError("the home page asks only for the unread: " + method);
              });

  @Test
  void theBadgeAndThePinnedItemsOfOnePageShareOneRead() {
    UnreadNotices unread = new UnreadNotices(store);
    assertThat(unread.of("s1").count()).isEqualTo(4);
    assertThat(unread.of("s1").important()).isEmpty();
    assertThat(reads).hasValue(1);
    unread.of("s2");
    assertThat(reads).hasValue(2);
  }

  @Test
  void theirOwnReadIsSeenAtOnce() {
    UnreadNotices unread = new UnreadNotices(store);
    assertThat(unread.of("s1").count()).isEqualTo(4);
    answer = new NoticeStore.Unread(3, List.of());
    unread.forget("s1");
    assertThat(unread.of("s1").count()).isEqualTo(3);
    assertThat(reads).hasValue(2);
  }

  @Test
  void keptForASecondAtMost() throws InterruptedException {
    UnreadNotices unread = new UnreadNotices(store);
    unread.of("s1");
    answer = new NoticeStore.Unread(7, List.of());
    Thread.sleep(UnreadNotices.KEEP_NANOS / 1_000_000 + 50);
    assertThat(unread.of("s1").count()).isEqualTo(7);
  }
}
