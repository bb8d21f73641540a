package cn.edu.ntvu.workbench.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One browser-like HTTP session (a cookie jar) that does not follow redirects by itself, so tests
 * can look at every hop of a sign-in: the app, the CAS server, the callback.
 */
public final class WebSession {
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client =
      HttpClient.newBuilder()
          // As a phone's browser: plain http is HTTP/1.1 (browsers never offer an h2c upgrade).
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private String userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36";

  private final Map<String, String> headers = new java.util.LinkedHashMap<>();

  /**
   * The CSP nonce of the last page fetched at each path: a Faces post carries it back as {@code
   * primefaces.nonce} (the browser's wb.js does the same), without which PrimeFaces refuses the
   * post.
   */
  private final Map<String, String> nonces = new java.util.concurrent.ConcurrentHashMap<>();

  private static final java.util.regex.Pattern NONCE =
      java.util.regex.Pattern.compile("'nonce-([^']+)'");

  /** The nonce in a response's Content-Security-Policy; null when it has none. */
  public static String nonceOf(HttpResponse<?> r) {
    java.util.regex.Matcher m =
        NONCE.matcher(r.headers().firstValue("Content-Security-Policy").orElse(""));
    return m.find() ? m.group(1) : null;
  }

  /** {@code form} with the page's nonce added when it is a Faces post that lacks one. */
  private Map<String, String> withNonce(String url, Map<String, String> form) {
    String nonce = nonces.get(URI.create(url).getPath());
    if (nonce == null
        || !form.containsKey("jakarta.faces.ViewState")
        || form.containsKey("primefaces.nonce")) {
      return form;
    }
    Map<String, String> out = new java.util.LinkedHashMap<>(form);
    out.put("primefaces.nonce", nonce);
    return out;
  }

  public WebSession userAgent(String ua) {
    this.userAgent = ua;
    return this;
  }

  /** A header sent with every request, e.g. {@code Accept-Language}. */
  public WebSession header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /**
   * GETs {@code url}; a fragment (such as WeCom's {@code #wechat_redirect}) stays in the browser,
   * as it would.
   */
  public HttpResponse<String> get(String url) {
    int hash = url.indexOf('#');
    return send(HttpRequest.newBuilder(URI.create(hash < 0 ? url : url.substring(0, hash))).GET());
  }

  /** GETs {@code url} and keeps the body as bytes (a download: XLSX, an image). */
  public HttpResponse<byte[]> getBytes(String url) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).GET();
    headers.forEach(builder::header);
    try {
      return client.send(
          builder.header("User-Agent", userAgent).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> post(String url, Map<String, String> given) {
    Map<String, String> form = withNonce(url, given);
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Like {@link #post(String, Map)}, with {@code repeated} name/value pairs (a multiple select).
   */
  public HttpResponse<String> post(
      String url, Map<String, String> given, List<Map.Entry<String, String>> repeated) {
    Map<String, String> form = withNonce(url, given);
    String body =
        java.util.stream.Stream.concat(form.entrySet().stream(), repeated.stream())
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * POSTs {@code form} as {@code multipart/form-data}, as a browser sends a form with a file input
   * (no file chosen): Faces reads such a form's file inputs only from a multipart request.
   */
  public HttpResponse<String> postMultipart(String url, Map<String, String> given) {
    return postMultipart(url, given, List.of());
  }

  /** As {@link #postMultipart(String, Map)}, with fields that repeat (a picker's chips). */
  public HttpResponse<String> postMultipart(
      String url, Map<String, String> given, List<Map.Entry<String, String>> repeated) {
    Map<String, String> form = withNonce(url, given);
    String boundary = "----wbtest" + Long.toHexString(System.nanoTime());
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    repeated.forEach(
        e ->
            body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(e.getKey())
                .append("\"\r\n\r\n")
                .append(e.getValue())
                .append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  /** Follows redirects from {@code url} (at most 12 hops) and returns every response in order. */
  public List<HttpResponse<String>> follow(String url) {
    List<HttpResponse<String>> hops = new ArrayList<>();
    HttpResponse<String> r = get(url);
    hops.add(r);
    while (isRedirect(r)) {
      if (hops.size() > 12) {
        throw new AssertionError(
            "redirect loop: " + hops.stream().map(h -> h.uri().toString()).toList());
      }
      r = get(location(r));
      hops.add(r);
    }
    return hops;
  }

  public static boolean isRedirect(HttpResponse<?> r) {
    return r.statusCode() / 100 == 3;
  }

  /** The absolute Location of a redirect, resolved against the request URI. */
  public static String location(HttpResponse<?> r) {
    String loc =
        r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
    return r.uri().resolve(loc).toString();
  }

  public List<HttpCookie> cookies() {
    return cookies.getCookieStore().getCookies();
  }

  public void forgetCookie(String name) {
    cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .toList()
        .forEach(
            c ->
                cookies
                    .getCookieStore()
                    .getURIs()
                    .forEach(u -> cookies.getCookieStore().remove(u, c)));
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    headers.forEach(builder::header);
    try {
      HttpResponse<String> r =
          client.send(
              builder.header("User-Agent", userAgent).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String nonce = nonceOf(r);
      if (nonce != null) {
        nonces.put(r.uri().getPath(), nonce);
      }
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The value of the hidden input {@code name} in {@code html} (as a page writes it: name before
   * value).
   */
  public static String hiddenField(String html, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "name=\"" + java.util.regex.Pattern.quote(name) + "\" value=\"([^\"]*)\"")
            .matcher(html);
    if (!m.find()) {
      throw new AssertionError("no hidden field " + name);
    }
    return m.group(1).replace("&quot;", "\"").replace("&amp;", "&");
  }

  /**
   * Signs out the way the button does: a POST with the session's token, read from {@code home} —
   * or, inside WeCom, where the home page has no 退出登录 (WeCom closes the window), from the page
   * {@code GET /logout} shows.
   */
  public HttpResponse<String> signOut(String appUrl, HttpResponse<String> home) {
    String page = home.body();
    if (!page.contains("name=\"logoutToken\"")) {
      page = get(appUrl + "/logout").body();
    }
    return post(appUrl + "/logout", Map.of("logoutToken", hiddenField(page, "logoutToken")));
  }

  /** This session's sign-out token, from the page {@code GET /logout} shows. */
  public String logoutToken(String appUrl) {
    return hiddenField(get(appUrl + "/logout").body(), "logoutToken");
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
