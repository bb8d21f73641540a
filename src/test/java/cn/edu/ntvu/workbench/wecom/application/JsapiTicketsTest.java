package cn.edu.ntvu.workbench.wecom.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.MutableClock;
import cn.edu.ntvu.workbench.wecom.domain.Agent;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * JS-SDK tickets are cached and shared between servers like the access_token (docs/wecom-api.md
 * §2.2).
 */
class JsapiTicketsTest {
  static final String CORP_ID = "ww0123456789abcdef";
  static final Agent AGENT = new Agent("1000002", "agent-secret");

  final FakeWeComHttp http = new FakeWeComHttp();
  final InMemoryCredentialStore sharedStore = new InMemoryCredentialStore();
  final MutableClock clock = new MutableClock();

  JsapiTickets server() {
    WeComClient client =
        new WeComClient(CORP_ID, AGENT, http, sharedStore, clock, d -> {}, new Random(1));
    return new JsapiTickets(client, sharedStore, clock, CORP_ID);
  }

  void scriptTickets() {
    http.answerNext(
        JsapiTickets.CORP_TICKET,
        "{\"errcode\":0,\"errmsg\":\"ok\",\"ticket\":\"CORP-1\",\"expires_in\":7200}",
        "{\"errcode\":0,\"errmsg\":\"ok\",\"ticket\":\"CORP-2\",\"expires_in\":7200}");
    http.answerNext(
        JsapiTickets.AGENT_TICKET,
        "{\"errcode\":0,\"errmsg\":\"ok\",\"ticket\":\"AGENT-1\",\"expires_in\":7200}",
        "{\"errcode\":0,\"errmsg\":\"ok\",\"ticket\":\"AGENT-2\",\"expires_in\":7200}");
  }

  @Test
  void twoServersFetchEachTicketOnceAndTheAgentTicketWithTheAgentsToken() {
    scriptTickets();
    JsapiTickets one = server();
    JsapiTickets two = server();

    assertThat(one.corpTicket(AGENT)).isEqualTo("CORP-1");
    assertThat(one.agentTicket(AGENT)).isEqualTo("AGENT-1");
    assertThat(two.corpTicket(AGENT)).isEqualTo("CORP-1");
    assertThat(two.agentTicket(AGENT)).isEqualTo("AGENT-1");
    assertThat(one.corpTicket(AGENT)).isEqualTo("CORP-1");

    assertThat(http.count(JsapiTickets.CORP_TICKET)).isEqualTo(1);
    assertThat(http.count(JsapiTickets.AGENT_TICKET)).isEqualTo(1);
    assertThat(http.calls(JsapiTickets.AGENT_TICKET).get(0).query())
        .containsEntry("type", "agent_config")
        .containsEntry("access_token", "TOKEN-1");
    assertThat(http.calls(JsapiTickets.CORP_TICKET).get(0).query()).containsKey("access_token");
  }

  @Test
  void aTicketIsRefreshedFiveMinutesBeforeItExpires() {
    scriptTickets();
    JsapiTickets tickets = server();
    assertThat(tickets.corpTicket(AGENT)).isEqualTo("CORP-1");
    clock.advance(Duration.ofSeconds(7200 - 300 - 1));
    assertThat(tickets.corpTicket(AGENT)).isEqualTo("CORP-1");
    clock.advance(Duration.ofSeconds(2));
    assertThat(tickets.corpTicket(AGENT)).isEqualTo("CORP-2");
    assertThat(http.count(JsapiTickets.CORP_TICKET)).isEqualTo(2);
  }
}
