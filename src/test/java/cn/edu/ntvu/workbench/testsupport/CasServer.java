package cn.edu.ntvu.workbench.testsupport;

import cn.edu.ntvu.workbench.testsupport.TestUsers.TestUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Apereo CAS 6.6 server on loopback (see shared/cas-notes.md), with static users and a
 * service registry that accepts any http://localhost or http://127.0.0.1 service.
 */
public final class CasServer implements AutoCloseable {

  private final int port;
  private final ManagedProcess process;
  private final Duration readyTime;

  private CasServer(int port, ManagedProcess process, Duration readyTime) {
    this.port = port;
    this.process = process;
    this.readyTime = readyTime;
  }

  /**
   * Unpacks {@code casWar} into {@code workDir/webapp} once, writes the configuration for {@code
   * users}, starts CAS on {@code port} (0 = free port) and waits until /cas/login answers 200.
   */
  public static CasServer start(Path casWar, Path workDir, int port, List<TestUser> users) {
    int actualPort = port > 0 ? port : Ports.free();
    Path work = workDir.toAbsolutePath().normalize();
    Path webapp = unpackOnce(casWar, work.resolve("webapp"));
    Path run = work.resolve("run-" + actualPort);
    Path etc = run.resolve("etc");
    Path services = run.resolve("services");
    writeConfig(etc, services, run, actualPort, users);
    ManagedProcess process =
        ManagedProcess.builder("cas")
            .command(
                ManagedProcess.javaExecutable(),
                // Measured: -Xmx256m + SerialGC + C1 only is ready in 20–30 s at ~450 MB RSS on 2
                // cores; the defaults take ~45 s and 1.4 GB.
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dcas.standalone.configuration-directory=" + etc,
                "-DbaseDir=" + run.resolve("logs"),
                "-cp",
                webapp.resolve("WEB-INF/classes") + ":" + webapp.resolve("WEB-INF/lib") + "/*",
                "org.apereo.cas.web.CasWebApplication")
            .workDir(run)
            .logFile(run.resolve("cas.log"))
            .start();
    try {
      String login = "http://127.0.0.1:" + actualPort + "/cas/login";
      // A busy shared machine can need longer: -Dtest.cas.readySeconds=600.
      Duration waited =
          process.awaitHttp(
              login, 200, Duration.ofSeconds(Long.getLong("test.cas.readySeconds", 420)));
      return new CasServer(actualPort, process, waited);
    } catch (RuntimeException e) {
      process.stop();
      throw e;
    }
  }

  /** Prefix as the app's CAS_URL wants it, e.g. http://127.0.0.1:38443/cas. */
  public String prefixUrl() {
    return "http://127.0.0.1:" + port + "/cas";
  }

  public String loginUrl() {
    return prefixUrl() + "/login";
  }

  public int port() {
    return port;
  }

  /** From process start until /cas/login answered 200. */
  public Duration readyTime() {
    return readyTime;
  }

  public ManagedProcess process() {
    return process;
  }

  public void stop() {
    process.stop();
  }

  /**
   * Signs {@code user} in for {@code service} the way a browser would (GET the form, POST it back)
   * and returns the Location CAS redirects to, e.g. {@code service?ticket=ST-…}. Null when CAS
   * answers without a redirect (wrong password: 401 and the form again).
   */
  public String signIn(TestUser user, String service) {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    try {
      String form =
          client
              .send(
                  HttpRequest.newBuilder(URI.create(loginUrl() + "?service=" + encode(service)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher execution = EXECUTION.matcher(form);
      if (!execution.find()) {
        throw new IllegalStateException("no execution field in the CAS login form:\n" + form);
      }
      String body =
          "username="
              + encode(user.account())
              + "&password="
              + encode(user.password())
              + "&execution="
              + encode(execution.group(1))
              + "&_eventId=submit";
      HttpResponse<String> answer =
          client.send(
              HttpRequest.newBuilder(URI.create(loginUrl()))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 302
          ? answer.headers().firstValue("Location").orElse(null)
          : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final Pattern EXECUTION =
      Pattern.compile("name=\"execution\"\\s+value=\"([^\"]+)\"");

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    stop();
  }

  private static Path unpackOnce(Path war, Path webapp) {
    Path done = webapp.resolve(".unpacked");
    if (Files.exists(done)) {
      return webapp;
    }
    if (!Files.isRegularFile(war)) {
      throw new IllegalStateException(
          "CAS war not found at " + war + " (the pom copies it in pre-integration-test)");
    }
    try (InputStream in = Files.newInputStream(war);
        ZipInputStream zip = new ZipInputStream(in)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        Path target = webapp.resolve(entry.getName()).normalize();
        if (!target.startsWith(webapp)) {
          throw new IOException("zip entry outside target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      // Written last, so an interrupted unpack is redone next time.
      Files.writeString(done, war.toString());
      return webapp;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + war, e);
    }
  }

  private static void writeConfig(
      Path etc, Path services, Path run, int port, List<TestUser> users) {
    String accepted = users.stream().map(TestUser::casCredential).collect(Collectors.joining(","));
    String properties =
        String.join(
            "\n",
            "server.address=127.0.0.1",
            "server.port=" + port,
            "server.ssl.enabled=false",
            "server.tomcat.basedir=" + run.resolve("tomcat"),
            "cas.server.name=http://127.0.0.1:" + port,
            "cas.server.prefix=${cas.server.name}/cas",
            "cas.tgc.secure=false",
            "cas.authn.accept.enabled=true",
            "cas.authn.accept.users=" + accepted,
            "cas.authn.accept.name=Static Credentials",
            "cas.authn.attribute-repository.json[0].location=file:"
                + etc.resolve("attributes.json"),
            "cas.authn.attribute-repository.json[0].id=jsonAttrs",
            "cas.service-registry.core.init-from-json=true",
            "cas.service-registry.json.location=file:" + services,
            "cas.service-registry.schedule.start-delay=PT10S",
            "cas.service-registry.schedule.repeat-interval=PT10S",
            "cas.view.cas2.v3-forward-compatible=true",
            "cas.slo.disabled=false",
            "cas.slo.asynchronous=false",
            "cas.http-client.allow-local-urls=true",
            "cas.logout.follow-service-redirects=true",
            "cas.authn.authentication-attribute-release.enabled=true",
            // No SSO cookie over plain http in Chromium otherwise (cas-notes.md, last point).
            "cas.tgc.same-site-policy=Lax",
            "");
    String service =
        "{\n"
            + "  \"@class\": \"org.apereo.cas.services.CasRegisteredService\",\n"
            + "  \"serviceId\": \"^http://(localhost|127\\\\.0\\\\.0\\\\.1)(:\\\\d+)?/.*\",\n"
            + "  \"name\": \"LocalHttp\",\n"
            + "  \"id\": 1001,\n"
            + "  \"logoutType\": \"BACK_CHANNEL\",\n"
            + "  \"attributeReleasePolicy\": {\n"
            + "    \"@class\": \"org.apereo.cas.services.ReturnAllAttributeReleasePolicy\"\n"
            + "  }\n"
            + "}\n";
    try {
      Files.createDirectories(etc);
      Files.createDirectories(services);
      Files.writeString(etc.resolve("cas.properties"), properties, StandardCharsets.UTF_8);
      Files.writeString(etc.resolve("attributes.json"), attributesJson(users));
      Files.writeString(services.resolve("LocalHttp-1001.json"), service);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {"account":{"attr":["value"]}}; written by hand because the test classpath has no JSON lib. */
  static String attributesJson(List<TestUser> users) {
    return users.stream()
        .map(
            u ->
                json(u.account())
                    + ":{"
                    + u.attrs().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> json(e.getKey()) + ":[" + json(e.getValue()) + "]")
                        .collect(Collectors.joining(","))
                    + "}")
        .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
  }

  private static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
