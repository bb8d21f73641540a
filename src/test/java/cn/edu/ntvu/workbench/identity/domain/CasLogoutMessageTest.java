package cn.edu.ntvu.workbench.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CasLogoutMessageTest {
  /** What Apereo CAS 6.6 posts (cas-notes.md). */
  static String request(String sessionIndex) {
    return "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
        + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"LR-1-abc\" Version=\"2.0\""
        + " IssueInstant=\"2026-11-25T10:20:00Z\"><saml:NameID>alice</saml:NameID>"
        + "<samlp:SessionIndex>"
        + sessionIndex
        + "</samlp:SessionIndex></samlp:LogoutRequest>";
  }

  @Test
  void readsTheTicketOfCasRequest() {
    assertThat(CasLogoutMessage.sessionIndex(request("ST-12-aBc_9.xyz-cas01")))
        .contains("ST-12-aBc_9.xyz-cas01");
    assertThat(CasLogoutMessage.sessionIndex(request(" ST-1-x \n"))).contains("ST-1-x");
  }

  @Test
  void aDoctypeOrAnEntityIsRefusedAndNothingIsFetched() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY t SYSTEM \"file:///etc/hostname\">]>"
            + request("&t;");
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"ST-1-aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + request("&b;");
    String external = "<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/evil.dtd\">" + request("ST-1-x");
    assertThat(CasLogoutMessage.sessionIndex(xxe)).isEmpty();
    assertThat(CasLogoutMessage.sessionIndex(laughs)).isEmpty();
    assertThat(CasLogoutMessage.sessionIndex(external)).isEmpty();
  }

  @Test
  void anythingElseIsNoLogoutRequest() {
    assertThat(CasLogoutMessage.sessionIndex(null)).isEmpty();
    assertThat(CasLogoutMessage.sessionIndex("")).isEmpty();
    assertThat(CasLogoutMessage.sessionIndex("ST-1-x")).isEmpty();
    assertThat(CasLogoutMessage.sessionIndex("<LogoutRequest><SessionIndex>ST-1-x</SessionIndex>"))
        .isEmpty();
    assertThat(CasLogoutMessage.sessionIndex("<Other><SessionIndex>ST-1-x</SessionIndex></Other>"))
        .isEmpty();
    assertThat(
            CasLogoutMessage.sessionIndex(
                request("ST-1-x</samlp:SessionIndex><samlp:SessionIndex>ST-2-y")))
        .as("two indexes")
        .isEmpty();
    assertThat(CasLogoutMessage.sessionIndex(request(""))).isEmpty();
    assertThat(CasLogoutMessage.sessionIndex(request("TGT-1-x")))
        .as("not a service ticket")
        .isEmpty();
    assertThat(CasLogoutMessage.sessionIndex(request("ST-1-x y"))).isEmpty();
    assertThat(CasLogoutMessage.sessionIndex(request("ST-" + "x".repeat(300)))).isEmpty();
    assertThat(
            CasLogoutMessage.sessionIndex(
                request("ST-1-x") + " ".repeat(CasLogoutMessage.MAX_LENGTH)))
        .isEmpty();
  }
}
