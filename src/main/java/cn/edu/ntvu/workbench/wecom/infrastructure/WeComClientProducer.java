package cn.edu.ntvu.workbench.wecom.infrastructure;

import cn.edu.ntvu.workbench.wecom.application.CredentialStore;
import cn.edu.ntvu.workbench.wecom.application.Sleeper;
import cn.edu.ntvu.workbench.wecom.application.WeComClient;
import cn.edu.ntvu.workbench.wecom.application.WeComHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Random;

/**
 * Wires the WeCom client from the settings. One client per application, so that its in-memory token
 * copy is shared by all requests. The client is {@code @ApplicationScoped} (a serializable proxy),
 * so session- and view-scoped beans of the sign-in flow can inject it.
 */
@ApplicationScoped
public class WeComClientProducer {

  @Inject WeComSettings settings;

  @Inject CredentialStore credentialStore;

  @Produces
  @Singleton
  WeComHttp weComHttp() {
    return new JerseyWeComHttp(
        settings.apiBaseUrl(), settings.connectTimeout(), settings.readTimeout());
  }

  void closeWeComHttp(@Disposes WeComHttp http) throws Exception {
    if (http instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  @Produces
  @ApplicationScoped
  WeComClient weComClient(WeComHttp http) {
    return new WeComClient(
        settings.corpId(),
        settings.workbenchAgent(),
        http,
        credentialStore,
        Clock.systemUTC(),
        Sleeper.REAL,
        new Random());
  }
}
