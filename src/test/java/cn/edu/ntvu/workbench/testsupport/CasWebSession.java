package cn.edu.ntvu.workbench.testsupport;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link WebSession} signed in to an app through the real CAS server, as a browser outside WeCom
 * would be.
 */
public final class CasWebSession {
  private static final Pattern EXECUTION =
      Pattern.compile("name=\"execution\"\\s+value=\"([^\"]+)\"");

  private CasWebSession() {}

  /**
   * Opens {@code app + "/"}, signs in at CAS as {@code user} and follows the way back; fails if
   * that did not work.
   */
  public static WebSession signedIn(String app, TestUsers.TestUser user) {
    WebSession web = new WebSession();
    List<HttpResponse<String>> toCas = web.follow(app + "/");
    HttpResponse<String> form = toCas.get(toCas.size() - 1);
    Matcher m = EXECUTION.matcher(form.body());
    if (!m.find()) {
      throw new AssertionError(
          "no CAS login form at " + form.uri() + " (" + form.statusCode() + ")");
    }
    HttpResponse<String> posted =
        web.post(
            form.uri().toString().replaceAll("\\?.*", ""),
            Map.of(
                "username", user.account(),
                "password", user.password(),
                "execution", m.group(1),
                "_eventId", "submit"));
    if (posted.statusCode() != 302) {
      throw new AssertionError("CAS refused " + user.account() + ": " + posted.statusCode());
    }
    List<HttpResponse<String>> back = web.follow(WebSession.location(posted));
    HttpResponse<String> last = back.get(back.size() - 1);
    if (last.statusCode() != 200 || !last.uri().toString().startsWith(app)) {
      throw new AssertionError(
          "sign-in of "
              + user.account()
              + " ended at "
              + last.uri()
              + " ("
              + last.statusCode()
              + ")");
    }
    return web;
  }
}
