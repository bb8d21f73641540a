package cn.edu.ntvu.workbench.identity.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pac4j.cas.client.CasClient;
import org.pac4j.cas.config.CasConfiguration;
import org.pac4j.core.client.Clients;
import org.pac4j.core.config.Config;

class CasSignInTest {

  @Test
  void theCasClientIsReadyBeforeTheFirstRequestSoConcurrentFirstSignInsFindItWhole() {
    CasClient client = new CasClient(new CasConfiguration("https://cas.example/cas/login"));
    client.setName(CasSignIn.CLIENT_NAME);
    client.setCallbackUrl("https://workbench.example/callback");
    Config config = new Config(new Clients(client));
    assertThat(client.isInitialized()).isFalse();
    assertThat(client.getAjaxRequestResolver()).isNull();

    CasSignIn.initialized(config);

    assertThat(config.getClients().isInitialized()).isTrue();
    assertThat(client.isInitialized()).isTrue();
    assertThat(client.getAjaxRequestResolver()).isNotNull();
    assertThat(client.getCallbackUrlResolver()).isNotNull();
  }
}
