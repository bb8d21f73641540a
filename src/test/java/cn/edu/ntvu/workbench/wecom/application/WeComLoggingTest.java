package cn.edu.ntvu.workbench.wecom.application;

import static cn.edu.ntvu.workbench.wecom.application.WeComClient.GETTOKEN;
import static cn.edu.ntvu.workbench.wecom.application.WeComClient.GETUSERINFO;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.MutableClock;
import cn.edu.ntvu.workbench.wecom.domain.WeComUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Secrets, tokens and OAuth codes never reach the log or an exception message. */
class WeComLoggingTest {

  private final Logger wecomLogger = Logger.getLogger("cn.edu.ntvu.workbench.wecom");
  private final StringBuilder captured = new StringBuilder();
  private final Handler capture =
      new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public synchronized void publish(LogRecord record) {
          captured.append(formatter.format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level previousLevel;

  @BeforeEach
  void captureLog() {
    previousLevel = wecomLogger.getLevel();
    wecomLogger.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    wecomLogger.addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    wecomLogger.removeHandler(capture);
    wecomLogger.setLevel(previousLevel);
  }

  @Test
  void noSecretTokenOrCodeIsLoggedOnAnyPath() {
    FakeWeComHttp http = new FakeWeComHttp();
    WeComClient client =
        new WeComClient(
            WeComClientTest.CORP_ID,
            WeComClientTest.AGENT,
            http,
            new InMemoryCredentialStore(),
            new MutableClock(),
            d -> {},
            new Random(1));
    http.answerNext(GETTOKEN, "{\"errcode\":-1,\"errmsg\":\"system busy\"}")
        .answerNext(GETUSERINFO, "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}")
        .answerNext(GETUSERINFO, "{\"errcode\":-1,\"errmsg\":\"system busy\"}")
        .answerNext(GETUSERINFO, "{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"u1\"}")
        .answerNext(GETUSERINFO, "{\"errcode\":40029,\"errmsg\":\"invalid code\"}")
        .answerNext(GETUSERINFO, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}")
        .answerNext(GETUSERINFO, "{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}")
        .answerNext(GETTOKEN, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}")
        .failNext(GETUSERINFO, new WeComUnavailableException(GETUSERINFO, "read timeout"));
    List<String> codes = List.of("CODE-A1", "CODE-B2", "CODE-C3", "CODE-D4", "CODE-E5");
    List<String> failures = new ArrayList<>();
    for (String code : codes) {
      try {
        client.getUserInfo(code);
      } catch (RuntimeException e) {
        failures.add(e.toString());
      }
    }

    assertThat(captured).contains(GETTOKEN).contains(GETUSERINFO).contains("errcode=42001");
    assertThat(failures).hasSizeGreaterThanOrEqualTo(3);
    String everything = captured + String.join("\n", failures);
    assertThat(everything)
        .doesNotContain(WeComClientTest.AGENT.secret())
        .doesNotContain("TOKEN-")
        .doesNotContain("access_token=")
        .doesNotContain("corpsecret")
        .doesNotContain("CODE-");
  }
}
