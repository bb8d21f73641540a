package cn.edu.ntvu.workbench.wecom.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The {@link CredentialStore} contract. Runs here against the in-memory store; the in-container
 * test of the JDBC store can extend this class and override {@link #store()}.
 */
class WeComCredentialStoreContractTest {

  static final String KEY = "access_token:ww-test:1000002";
  static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

  CredentialStore store() {
    return new InMemoryCredentialStore();
  }

  @Test
  void refreshStoresWhatItFetched() {
    CredentialStore store = store();

    Credential fresh = store.refresh(KEY, c -> true, () -> new Credential("A", LATER));

    assertThat(fresh.value()).isEqualTo("A");
    assertThat(store.read(KEY)).contains(new Credential("A", LATER));
  }

  @Test
  void refreshReturnsTheStoredCredentialWhenItIsStillUsableAfterLocking() {
    CredentialStore store = store();
    store.refresh(KEY, c -> true, () -> new Credential("A", LATER));
    AtomicInteger fetches = new AtomicInteger();

    Credential result =
        store.refresh(
            KEY,
            c -> true,
            () -> {
              fetches.incrementAndGet();
              return new Credential("B", LATER);
            });

    assertThat(result.value()).isEqualTo("A");
    assertThat(fetches).hasValue(0);
  }

  @Test
  void refreshReplacesACredentialThatIsNoLongerUsable() {
    CredentialStore store = store();
    store.refresh(KEY, c -> true, () -> new Credential("A", LATER));

    Credential result = store.refresh(KEY, c -> false, () -> new Credential("B", LATER));

    assertThat(result.value()).isEqualTo("B");
    assertThat(store.read(KEY)).map(Credential::value).contains("B");
  }

  @Test
  void failedFetchStoresNothing() {
    CredentialStore store = store();

    assertThatThrownBy(
            () ->
                store.refresh(
                    KEY,
                    c -> true,
                    () -> {
                      throw new IllegalStateException("gettoken failed");
                    }))
        .hasMessage("gettoken failed");
    assertThat(store.read(KEY)).isEmpty();
  }

  @Test
  void invalidateRemovesOnlyTheValueThatFailed() {
    CredentialStore store = store();
    store.refresh(KEY, c -> true, () -> new Credential("NEW", LATER));

    assertThat(store.invalidate(KEY, "OLD")).isFalse();
    assertThat(store.read(KEY)).map(Credential::value).contains("NEW");

    assertThat(store.invalidate(KEY, "NEW")).isTrue();
    assertThat(store.read(KEY)).isEmpty();
    assertThat(store.invalidate(KEY, "NEW")).isFalse();
  }

  @Test
  void afterInvalidationRefreshFetchesAgain() {
    CredentialStore store = store();
    store.refresh(KEY, c -> true, () -> new Credential("A", LATER));
    store.invalidate(KEY, "A");

    assertThat(store.refresh(KEY, c -> true, () -> new Credential("B", LATER)).value())
        .isEqualTo("B");
  }

  @Test
  void unknownKeyReadsEmptyAndCannotBeInvalidated() {
    CredentialStore store = store();

    assertThat(store.read("nothing")).isEmpty();
    assertThat(store.invalidate("nothing", "A")).isFalse();
  }
}
