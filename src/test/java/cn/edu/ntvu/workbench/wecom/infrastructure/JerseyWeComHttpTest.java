package cn.edu.ntvu.workbench.wecom.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.wecom.domain.WeComUnavailableException;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transport's pure parts: URL query, JSON parsing and failure translation. */
class JerseyWeComHttpTest {

  static final String URL_WITH_SECRET =
      "https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww1&corpsecret=S3CRET";

  @Test
  void readTimeoutIsTypedAndDoesNotLeakTheUrl() {
    ProcessingException failure =
        new ProcessingException(
            URL_WITH_SECRET, new SocketTimeoutException("Read timed out " + URL_WITH_SECRET));

    WeComUnavailableException typed = JerseyWeComHttp.unavailable("/cgi-bin/gettoken", failure);

    assertThat(typed.getMessage()).contains("/cgi-bin/gettoken", "read timeout");
    assertThat(typed.getMessage()).doesNotContain("S3CRET").doesNotContain("corpsecret");
    assertThat(typed.getCause()).isNull();
    assertThat(typed.path()).isEqualTo("/cgi-bin/gettoken");
  }

  @Test
  void connectTimeoutIsTyped() {
    ProcessingException failure =
        new ProcessingException(new SocketTimeoutException("connect timed out"));

    assertThat(JerseyWeComHttp.unavailable("/cgi-bin/gettoken", failure))
        .hasMessageContaining("connect timeout");
  }

  @Test
  void refusedConnectionIsTyped() {
    ProcessingException failure =
        new ProcessingException(new ConnectException("Connection refused"));

    assertThat(JerseyWeComHttp.unavailable("/cgi-bin/gettoken", failure))
        .hasMessageContaining("connection refused");
  }

  @Test
  void otherFailuresAreNamedByTypeOnly() {
    ProcessingException failure = new ProcessingException(URL_WITH_SECRET);

    assertThat(JerseyWeComHttp.unavailable("/cgi-bin/gettoken", failure).getMessage())
        .contains("ProcessingException")
        .doesNotContain("S3CRET");
  }

  @Test
  void bodyThatIsNotAJsonObjectIsUnavailable() {
    assertThatThrownBy(() -> JerseyWeComHttp.parse("/cgi-bin/gettoken", "<html>502</html>"))
        .isInstanceOf(WeComUnavailableException.class);
    assertThatThrownBy(() -> JerseyWeComHttp.parse("/cgi-bin/gettoken", "[1]"))
        .isInstanceOf(WeComUnavailableException.class);
    assertThatThrownBy(() -> JerseyWeComHttp.parse("/cgi-bin/gettoken", ""))
        .isInstanceOf(WeComUnavailableException.class);
  }

  @Test
  void jsonBodyIsParsed() {
    assertThat(
            JerseyWeComHttp.parse("/cgi-bin/gettoken", "{\"errcode\":0,\"errmsg\":\"ok\"}")
                .getInt("errcode"))
        .isZero();
  }

  @Test
  void queryIsEncodedInOrder() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("access_token", "a+b/c");
    query.put("code", "x y{z}");

    assertThat(JerseyWeComHttp.queryString(query))
        .isEqualTo("?access_token=a%2Bb%2Fc&code=x+y%7Bz%7D");
    assertThat(JerseyWeComHttp.queryString(Map.of())).isEmpty();
  }
}
