package cn.edu.ntvu.workbench.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WeCom stand-in's authorize screen ({@value #AUTHORIZE_PATH}, in the stand-in beside the app),
 * driven over HTTP: what a person taps in WeCom, without a browser.
 */
public final class WeComStandInScreen {
  /** Where the app's development default of {@code wecom.authorize-url} points. */
  public static final String AUTHORIZE_PATH =
      PayaraMicro.STANDIN_PATH + "/connect/oauth2/authorize";

  private WeComStandInScreen() {}

  /**
   * Opens {@code url} (an app page), is sent to the authorize screen, continues as {@code account};
   * returns the app's callback URL with {@code code} and {@code state}, not yet visited.
   */
  public static String authorize(WebSession web, String url, String account) {
    List<HttpResponse<String>> hops = web.follow(url);
    HttpResponse<String> screen = hops.get(hops.size() - 1);
    assertThat(screen.uri().getPath()).isEqualTo(AUTHORIZE_PATH);
    assertThat(screen.statusCode()).as(screen.body()).isEqualTo(200);
    Map<String, String> form = new LinkedHashMap<>(query(screen.uri()));
    form.put("account", account);
    form.put("continue", "continue");
    HttpResponse<String> answer = web.post(screen.uri().resolve(AUTHORIZE_PATH).toString(), form);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    return WebSession.location(answer);
  }

  /** A new WeCom browser session signed in as {@code account}, landed on {@code url}. */
  public static WebSession signedIn(String url, String account) {
    WebSession web = new WebSession().userAgent(Browser.WECOM_UA);
    web.follow(authorize(web, url, account));
    return web;
  }

  /** The decoded query parameters of {@code uri}. */
  public static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return out;
  }
}
