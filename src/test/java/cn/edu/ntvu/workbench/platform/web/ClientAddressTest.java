package cn.edu.ntvu.workbench.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    ClientAddress direct = ClientAddress.direct();
    assertThat(direct.resolve("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
    assertThat(ClientAddress.trusting("").resolve("203.0.113.7", "198.51.100.1"))
        .isEqualTo("203.0.113.7");
  }

  @Test
  void throughOurProxyTheClientIsTheLastAddressThatIsNotOurs() {
    ClientAddress a = ClientAddress.trusting("10.0.0.0/8, 192.168.1.5");
    assertThat(a.resolve("10.1.2.3", "198.51.100.1")).isEqualTo("198.51.100.1");
    // A client that sends its own X-Forwarded-For gets it extended by our proxy: the forged part is
    // ignored.
    assertThat(a.resolve("10.1.2.3", "1.2.3.4, 198.51.100.1")).isEqualTo("198.51.100.1");
    // Two of our proxies in a row.
    assertThat(a.resolve("192.168.1.5", "198.51.100.1, 10.9.9.9")).isEqualTo("198.51.100.1");
    // All hops ours (a health check from inside): the first.
    assertThat(a.resolve("10.1.2.3", "10.0.0.9")).isEqualTo("10.0.0.9");
    // Missing or garbage header: the proxy itself, or the last hop that made sense.
    assertThat(a.resolve("10.1.2.3", null)).isEqualTo("10.1.2.3");
    assertThat(a.resolve("10.1.2.3", "evil.example")).isEqualTo("10.1.2.3");
    assertThat(a.resolve("10.1.2.3", "evil.example, 10.0.0.7")).isEqualTo("10.0.0.7");
    // A request that did not come through our proxy: its header counts for nothing.
    assertThat(a.resolve("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
    assertThat(a.resolve("192.168.1.6", "198.51.100.1")).isEqualTo("192.168.1.6");
  }

  @Test
  void ipv6NetworksWork() {
    ClientAddress a = ClientAddress.trusting("fd00::/8 ::1");
    assertThat(a.resolve("fd12::1", "2001:db8::5")).isEqualTo("2001:db8::5");
    assertThat(a.resolve("0:0:0:0:0:0:0:1", "2001:db8::5")).isEqualTo("2001:db8::5");
    assertThat(a.resolve("fe80::1", "2001:db8::5")).isEqualTo("fe80::1");
  }

  @Test
  void aSettingThatIsNoAddressIsRefusedByName() {
    assertThatThrownBy(() -> ClientAddress.trusting("10.0.0.1, proxy.example"))
        .hasMessage("proxy.example");
    assertThatThrownBy(() -> ClientAddress.trusting("10.0.0.0/33")).hasMessage("10.0.0.0/33");
    assertThatThrownBy(() -> ClientAddress.trusting("300.0.0.1")).hasMessage("300.0.0.1");
    assertThatThrownBy(() -> ClientAddress.trusting("10.0.0.0/x")).hasMessage("10.0.0.0/x");
  }
}
