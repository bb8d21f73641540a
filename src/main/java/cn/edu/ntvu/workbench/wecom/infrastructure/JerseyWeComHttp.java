package cn.edu.ntvu.workbench.wecom.infrastructure;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.wecom.application.WeComHttp;
import cn.edu.ntvu.workbench.wecom.domain.WeComUnavailableException;
import jakarta.enterprise.inject.Vetoed;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link WeComHttp} on the Jakarta REST client (Jersey in Payara). One {@link Client} is shared and
 * closed with the application. The URL is built here rather than with {@code queryParam}, whose
 * values are URI templates, and it never leaves this class: every failure becomes a {@link
 * WeComUnavailableException} naming only the path. Built by the producer, never discovered as a
 * bean ({@code @Vetoed}).
 */
@Vetoed
public class JerseyWeComHttp implements WeComHttp, AutoCloseable {

  private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

  private final String apiBaseUrl;
  private final Client client;

  public JerseyWeComHttp(String apiBaseUrl, Duration connectTimeout, Duration readTimeout) {
    this.apiBaseUrl = apiBaseUrl;
    this.client =
        ClientBuilder.newBuilder()
            .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .build();
  }

  @Override
  public JsonObject get(String path, Map<String, String> query) {
    return exchange(path, query, Invocation.Builder::get);
  }

  @Override
  public JsonObject post(String path, Map<String, String> query, JsonObject body) {
    return exchange(
        path, query, request -> request.post(Entity.entity(body.toString(), JSON_UTF8)));
  }

  @Override
  public JsonObject upload(
      String path, Map<String, String> query, String filename, byte[] content) {
    String boundary = "----workbench" + java.util.UUID.randomUUID().toString().replace("-", "");
    String safeName = filename.replaceAll("[\"\\r\\n]", "_");
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(content.length + 256);
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\""
                + safeName
                + "\"; filelength="
                + content.length
                + "\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    MediaType multipart = new MediaType("multipart", "form-data", Map.of("boundary", boundary));
    return exchange(
        path, query, request -> request.post(Entity.entity(body.toByteArray(), multipart)));
  }

  @Override
  public void close() {
    client.close();
  }

  private JsonObject exchange(
      String path, Map<String, String> query, Function<Invocation.Builder, Response> method) {
    URI uri = URI.create(apiBaseUrl + path + queryString(query));
    try (Response response = method.apply(client.target(uri).request(MediaType.APPLICATION_JSON))) {
      if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
        throw new WeComUnavailableException(path, "HTTP " + response.getStatus());
      }
      return parse(path, response.readEntity(String.class));
    } catch (ProcessingException e) {
      throw unavailable(path, e);
    }
  }

  static String queryString(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    return query.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&", "?", ""));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** WeCom answers every call, errors included, with a JSON object (docs/wecom-api.md §1.2). */
  static JsonObject parse(String path, String body) {
    try (JsonReader reader = Jsons.createReader(new StringReader(body == null ? "" : body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new WeComUnavailableException(path, "answer is not a JSON object");
    }
  }

  /**
   * Names the failure by its type only: a transport exception's message may contain the URL, and
   * with it the access_token or the secret.
   */
  static WeComUnavailableException unavailable(String path, Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException timeout) {
        String message = String.valueOf(timeout.getMessage()).toLowerCase(Locale.ROOT);
        return new WeComUnavailableException(
            path, message.contains("connect") ? "connect timeout" : "read timeout");
      }
      if (cause instanceof HttpTimeoutException) {
        return new WeComUnavailableException(path, "timeout");
      }
      if (cause instanceof ConnectException) {
        return new WeComUnavailableException(path, "connection refused");
      }
      if (cause instanceof UnknownHostException) {
        return new WeComUnavailableException(path, "unknown host");
      }
    }
    return new WeComUnavailableException(path, failure.getClass().getSimpleName());
  }
}
