package cn.edu.ntvu.workbench.composition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.testsupport.CasWebSession;
import cn.edu.ntvu.workbench.testsupport.PayaraMicro;
import cn.edu.ntvu.workbench.testsupport.ProductionDirectory;
import cn.edu.ntvu.workbench.testsupport.RawHttp;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.TestUsers.TestUser;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The route × role matrix, against the packaged WAR in production mode signing in through the real
 * CAS server:
 *
 * <ol>
 *   <li>every route the WAR serves — each Faces view in it, each servlet mapping, each JAX-RS
 *       resource, each filter that answers by itself — has a line in {@link Routes}, and every
 *       exact line names something served; a page added without a line fails here;
 *   <li>each line answers as it says, with GET and POST, for nobody and for a student, a teacher, a
 *       counsellor, a dean, student affairs and an admin: the page, 403, the sign-in redirect, 405,
 *       or 404 for development-only routes;
 *   <li>a POST by every role a line keeps out changes nothing in the database;
 *   <li>every admin and role-scoped route refuses at least ten non-canonical spellings of its path
 *       (400), sent byte for byte as {@code curl --path-as-is} does, with and without a sign-in.
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouteMatrixIT {
  /**
   * Who asks: nobody, or one of the people of {@link ProductionDirectory} with the roles written
   * there.
   */
  enum Who {
    ANONYMOUS(null, null),
    STUDENT(TestUsers.STUDENT, PersonKind.STUDENT, Role.STUDENT),
    TEACHER(TestUsers.TEACHER, PersonKind.STAFF, Role.TEACHER),
    COUNSELLOR(TestUsers.COUNSELLOR, PersonKind.STAFF, Role.TEACHER, Role.COUNSELLOR),
    DEAN(TestUsers.DEAN, PersonKind.STAFF, Role.DEAN),
    STUDENT_AFFAIRS(TestUsers.STUDENT_AFFAIRS, PersonKind.STAFF, Role.STUDENT_AFFAIRS),
    ADMIN(TestUsers.ADMIN, PersonKind.STAFF, Role.ADMIN);

    final TestUser user;
    final PersonKind kind;
    final Set<Role> roles;

    Who(TestUser user, PersonKind kind, Role... roles) {
      this.user = user;
      this.kind = kind;
      this.roles = Set.of(roles);
    }

    /** The person as the route table sees them (null for nobody). */
    SignedInUser asSeen() {
      return user == null ? null : user.asSignedIn(kind, roles);
    }
  }

  /**
   * Every filter of the WAR, with the path it answers by itself ("" for those that only pass
   * requests on or refuse them): a new filter must be listed here, so one that serves something
   * cannot slip past the table.
   */
  private static final Map<String, String> FILTERS =
      Map.ofEntries(
          Map.entry(
              "cn.edu.ntvu.workbench.wecom.interfaces.web.VerificationFileFilter",
              "/WW_verify_x.txt"),
          Map.entry("cn.edu.ntvu.workbench.identity.interfaces.web.CasCallbackGuard", ""),
          Map.entry("cn.edu.ntvu.workbench.portal.interfaces.web.TileAccessFilter", ""),
          Map.entry("cn.edu.ntvu.workbench.platform.web.CanonicalPathFilter", ""),
          Map.entry("cn.edu.ntvu.workbench.platform.web.UploadLimitFilter", ""),
          Map.entry("cn.edu.ntvu.workbench.platform.web.StaticCacheFilter", ""),
          Map.entry("cn.edu.ntvu.workbench.platform.web.EncodingFilter", ""),
          Map.entry("cn.edu.ntvu.workbench.platform.web.SecurityHeadersFilter", ""),
          Map.entry("cn.edu.ntvu.workbench.platform.web.InnerPageFilter", ""),
          // Answers by itself only when the request failed because the database is away (503 稍后再试).
          Map.entry("cn.edu.ntvu.workbench.platform.web.DatabaseUnavailableFilter", ""),
          Map.entry("cn.edu.ntvu.workbench.platform.web.PayaraEndpointsFilter", ""),
          Map.entry("cn.edu.ntvu.workbench.identity.interfaces.web.CasLogoutRequestFilter", ""),
          Map.entry("cn.edu.ntvu.workbench.composition.AdminGuardFilter", ""),
          Map.entry("cn.edu.ntvu.workbench.composition.RouteGuardFilter", ""),
          // 点名's GET written in one pass; the view's line covers it (its POST is Faces').
          Map.entry(
              "cn.edu.ntvu.workbench.attendance.interfaces.web.RollCallGetFilter",
              "/attendance/roll.xhtml"));

  /**
   * Lines served by no class of ours: pac4j's callback filter answers {@code /callback}, and {@code
   * /favicon.ico} is a line so that browsers asking for it get a plain 404 rather than a sign-in.
   */
  private static final Set<String> SERVED_ELSEWHERE = Set.of("/callback", "/favicon.ico");

  /** Families that may be covered by a prefix line; everything else needs an exact line. */
  private static final List<String> FAMILIES =
      List.of(
          "/resources/",
          "/jakarta.faces.resource/",
          "/calendar/",
          "/admin/timetable/sample/",
          "/go/",
          "/WW_verify_");

  private static PayaraMicro app;
  private static String base;
  private static final Map<Who, WebSession> sessions = new EnumMap<>(Who.class);

  /**
   * Starts the production-mode app and signs everyone in, on first use: the first test reads only
   * the packaged WAR and runs without a server.
   */
  static synchronized void signEveryoneIn() {
    if (app != null) {
      return;
    }
    app = TestServers.production();
    base = app.baseUrl();
    ProductionDirectory.ensure();
    sessions.put(Who.ANONYMOUS, new WebSession());
    for (Who who : Who.values()) {
      if (who.user != null) {
        sessions.put(who, CasWebSession.signedIn(base, who.user));
      }
    }
  }

  @Test
  @Order(1)
  void everyServedRouteHasALineAndEveryLineIsServed() throws IOException {
    Map<String, String> served = servedRoutes();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> e : served.entrySet()) {
      String path = e.getKey();
      var line = Routes.find(path);
      boolean inFamily = FAMILIES.stream().anyMatch(path::startsWith);
      if (line.isEmpty() || (line.get().isPrefix() && !inFamily)) {
        missing.add(path + " (" + e.getValue() + ")");
      }
    }
    assertThat(missing).as("served routes without a line in Routes.TABLE").isEmpty();

    List<String> stale = new ArrayList<>();
    for (Route r : Routes.TABLE) {
      if (!r.isPrefix()
          && !served.containsKey(r.pattern())
          && !SERVED_ELSEWHERE.contains(r.pattern())) {
        stale.add(r.pattern());
      }
    }
    assertThat(stale).as("lines in Routes.TABLE for routes the WAR does not serve").isEmpty();
    System.out.println(
        "[RouteMatrixIT] served routes: " + served.size() + ", lines: " + Routes.TABLE.size());
  }

  @Test
  @Order(2)
  void everyLineAnswersEveryoneAsItSays() {
    signEveryoneIn();
    List<String> wrong = new ArrayList<>();
    int asked = 0;
    for (Route r : Routes.TABLE) {
      for (Who who : Who.values()) {
        for (String method : List.of("GET", "POST")) {
          HttpResponse<String> answer =
              method.equals("GET")
                  ? sessions.get(who).get(base + r.sample())
                  : sessions
                      .get(who)
                      .post(base + r.sample(), Map.of("jakarta.faces.ViewState", "stateless"));
          asked++;
          String problem = judge(r, who, method, answer, method.equals("POST") && allowed(r, who));
          if (problem != null) {
            wrong.add(method + " " + r.sample() + " as " + who + ": " + problem);
          }
        }
      }
    }
    System.out.println(
        "[RouteMatrixIT] matrix: "
            + Routes.TABLE.size()
            + " routes × "
            + Who.values().length
            + " callers × 2 methods = "
            + asked
            + " requests");
    assertThat(wrong).as("answers that differ from Routes.TABLE").isEmpty();
  }

  @Test
  @Order(3)
  void aPostBySomeoneALineKeepsOutChangesNothing() throws Exception {
    signEveryoneIn();
    Map<String, String> before = checksums();
    int posts = 0;
    List<String> wrong = new ArrayList<>();
    for (Route r : Routes.TABLE) {
      if (!r.methods().contains("POST") || !r.access().needsSignIn()) {
        continue;
      }
      for (Who who : Who.values()) {
        if (allowed(r, who)) {
          continue;
        }
        List<String> actions = r.actions().isEmpty() ? List.of("") : r.actions();
        for (String action : actions) {
          Map<String, String> form = new LinkedHashMap<>();
          form.put("jakarta.faces.ViewState", "stateless");
          form.put("jakarta.faces.source", action);
          form.put(action, action);
          HttpResponse<String> answer = sessions.get(who).post(base + r.sample(), form);
          posts++;
          int expected = who == Who.ANONYMOUS ? 302 : 403;
          if (answer.statusCode() != expected) {
            wrong.add(
                "POST " + r.sample() + " [" + action + "] as " + who + ": " + answer.statusCode());
          }
        }
      }
    }
    Map<String, String> after = checksums();
    System.out.println(
        "[RouteMatrixIT] forged posts: " + posts + ", tables checked: " + before.size());
    assertThat(wrong).as("forged posts not refused").isEmpty();
    assertThat(after).as("table checksums after the forged posts").isEqualTo(before);
  }

  @Test
  @Order(4)
  void everyRoleScopedRouteRefusesNonCanonicalSpellings() {
    signEveryoneIn();
    int port = app.port();
    List<String> wrong = new ArrayList<>();
    int tried = 0;
    int routes = 0;
    String studentCookie = cookie(Who.STUDENT);
    for (Route r : Routes.TABLE) {
      if (r.isPrefix() || (r.access().roles().isEmpty() && r.access().kinds().isEmpty())) {
        continue;
      }
      routes++;
      List<String> spellings = spellings(r.pattern());
      assertThat(spellings).hasSizeGreaterThanOrEqualTo(10);
      for (String raw : spellings) {
        for (String c : new String[] {null, studentCookie}) {
          RawHttp.Answer a = RawHttp.send(port, "GET", raw, c);
          tried++;
          if (!refused(a, r.pattern())) {
            wrong.add(raw + (c == null ? "" : " (student)") + ": " + a.status());
          }
        }
      }
    }
    System.out.println(
        "[RouteMatrixIT] non-canonical spellings: "
            + tried
            + " requests over "
            + routes
            + " role-scoped routes");
    assertThat(wrong).as("non-canonical spellings not refused with 400").isEmpty();
  }

  @Test
  @Order(5)
  void theOutsidersRunFromTheIssueIsRefused() {
    signEveryoneIn();
    int port = app.port();
    for (String raw :
        List.of(
            "/resources/../admin/wecom/contacts-report.csv",
            "/login/../admin/audit.csv",
            "/resources/%2e%2e/admin/directory/people.xhtml",
            "/login/../admin/workbench/tiles.json",
            "/%61dmin/directory/import.xhtml")) {
      RawHttp.Answer a = RawHttp.send(port, "GET", raw, null);
      assertThat(a.status()).as(raw).isEqualTo(400);
      assertThat(a.body()).as(raw).contains("地址格式不正确").doesNotContain("Exception");
      assertThat(RawHttp.send(port, "GET", raw, cookie(Who.STUDENT)).status())
          .as(raw)
          .isEqualTo(400);
    }
    // The canonical spelling: a sign-in for nobody, 403 for a student, the file for an admin.
    assertThat(RawHttp.send(port, "GET", "/admin/audit.csv", null).status()).isEqualTo(302);
    assertThat(RawHttp.send(port, "GET", "/admin/audit.csv", cookie(Who.STUDENT)).status())
        .isEqualTo(403);
    assertThat(RawHttp.send(port, "GET", "/admin/audit.csv", cookie(Who.ADMIN)).status())
        .isEqualTo(200);
  }

  @Test
  @Order(6)
  void everyPageCarriesTheSecurityHeadersAndNoScriptWithoutItsNonce() {
    signEveryoneIn();
    List<String> wrong = new ArrayList<>();
    int pages = 0;
    for (Route r : Routes.TABLE) {
      if (r.isPrefix() || !r.access().needsSignIn() || !r.methods().contains("GET")) {
        continue;
      }
      Who who =
          java.util.Arrays.stream(Who.values())
              .filter(w -> w != Who.ANONYMOUS && allowed(r, w))
              .findFirst()
              .orElseThrow();
      HttpResponse<String> page = sessions.get(who).get(base + r.sample());
      if (page.statusCode() != 200) {
        continue;
      }
      pages++;
      String where = r.sample() + " as " + who;
      String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
      if (!csp.contains("default-src 'self'")
          || !csp.contains("frame-ancestors 'self'")
          || !csp.contains("object-src 'none'")
          || !csp.contains("script-src 'self'")) {
        wrong.add(where + ": Content-Security-Policy " + csp);
      }
      for (String h :
          List.of(
              "X-Content-Type-Options",
              "Referrer-Policy",
              "Permissions-Policy",
              "X-Frame-Options")) {
        if (page.headers().firstValue(h).isEmpty()) {
          wrong.add(where + ": no " + h);
        }
      }
      boolean html = page.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
      if (!html) {
        continue;
      }
      Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(csp);
      String n = nonce.find() ? nonce.group(1) : null;
      Matcher script = Pattern.compile("<script(?![^>]*\\bsrc=)([^>]*)>").matcher(page.body());
      while (script.find()) {
        if (n == null || !script.group(1).contains("nonce=\"" + n + "\"")) {
          wrong.add(where + ": inline script without the response's nonce");
        }
      }
      Matcher handler =
          Pattern.compile("<[a-zA-Z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE)
              .matcher(page.body());
      if (handler.find()) {
        wrong.add(where + ": inline event handler " + handler.group());
      }
      if (page.body().contains("javascript:")) {
        wrong.add(where + ": javascript: URL");
      }
    }
    System.out.println("[RouteMatrixIT] pages checked for headers and inline scripts: " + pages);
    assertThat(pages).isGreaterThanOrEqualTo(20);
    assertThat(wrong).isEmpty();
  }

  // — expectations —

  private static boolean allowed(Route r, Who who) {
    return r.access().kind() != Access.Kind.DEV_ONLY && r.access().allows(who.asSeen());
  }

  /**
   * What is wrong with {@code answer} for {@code who} asking {@code r}; null when it is as the line
   * says.
   */
  private static String judge(
      Route r, Who who, String method, HttpResponse<String> answer, boolean allowedPost) {
    int status = answer.statusCode();
    boolean toSignIn =
        status == 302
            && answer.headers().firstValue("Location").orElse("").contains("/login?target=");
    // 503 is the answer of a WeCom endpoint while WeCom is not configured or unreachable (as here).
    boolean weComDown =
        status == 503
            && (r.pattern().startsWith("/rest/wecom/") || r.pattern().equals("/wecom/callback"));
    if (status >= 500 && !weComDown) {
      return "server error " + status;
    }
    if (r.access().kind() == Access.Kind.DEV_ONLY) {
      return status == 404 ? null : "expected 404 (development only), got " + status;
    }
    if (!r.methods().contains(method)) {
      return status == 405 ? null : "expected 405, got " + status;
    }
    if (r.access().kind() == Access.Kind.PUBLIC) {
      return toSignIn ? "public route sent to sign-in" : null;
    }
    if (who == Who.ANONYMOUS) {
      return toSignIn ? null : "expected the sign-in redirect, got " + status;
    }
    if (!allowed(r, who)) {
      return status == 403 ? null : "expected 403, got " + status;
    }
    if (toSignIn || status == 401) {
      return "signed-in person sent to sign-in (" + status + ")";
    }
    // A page about one object (its service decides who sees it): keyed by an id, or by a meeting
    // occurrence (点名: term, meeting and date).
    boolean objectLevel =
        r.sample().contains("id=") || r.pattern().equals("/attendance/roll.xhtml");
    if (status == 403 && !objectLevel) {
      return "refused although the line allows it";
    }
    if (!allowedPost && r.pattern().endsWith(".xhtml") && !objectLevel && status != 200) {
      return "expected the page (200), got " + status;
    }
    return null;
  }

  // — non-canonical spellings —

  /**
   * At least ten spellings of {@code path} that the container would dispatch to it (or near it).
   */
  static List<String> spellings(String path) {
    String rest = path.substring(1);
    String first = rest.substring(0, 1);
    String encodedFirst = "%" + Integer.toHexString(first.charAt(0)).toUpperCase();
    int slash = path.indexOf('/', 1);
    List<String> out = new ArrayList<>();
    out.add("/resources/.." + path);
    out.add("/login/.." + path);
    out.add("/resources/%2e%2e" + path);
    out.add("/resources/%2E%2E" + path);
    out.add("/resources/.%2e" + path);
    out.add("/" + encodedFirst + rest.substring(1));
    out.add("/" + encodedFirst.toLowerCase() + rest.substring(1));
    out.add("/" + path);
    out.add("/." + path);
    out.add(
        path.replace(".xhtml", "%2Exhtml")
                .replace(".csv", "%2ecsv")
                .replace(".json", "%2ejson")
                .replace(".xlsx", "%2exlsx")
            + (path.contains(".") ? "" : "%2e"));
    if (slash > 0) {
      out.add(path.substring(0, slash) + "%2f" + path.substring(slash + 1));
      out.add(path.substring(0, slash) + "%5c" + path.substring(slash + 1));
      out.add(path.substring(0, slash) + "//" + path.substring(slash + 1));
      out.add(path.substring(0, slash) + "\\" + path.substring(slash + 1));
      out.add(path.substring(0, slash) + ";x=y/" + path.substring(slash + 1));
    }
    out.add("/resources/%252e%252e" + path);
    out.add("/resources/%c0%ae%c0%ae" + path);
    out.add(path + "%00");
    out.add(path + ";foo=bar");
    out.add(path + "%0d%0aX-Injected:%201");
    return out;
  }

  /**
   * Refused: 400 from the canonical-path filter, or — for a path parameter in the middle ({@code
   * /admin;x=y/…}), which the container resolves before any filter runs — the container's redirect
   * to the directory itself ({@code /admin/}), which serves nothing of the route.
   */
  private static boolean refused(RawHttp.Answer a, String path) {
    if (a.status() == 400) {
      return true;
    }
    Matcher location =
        Pattern.compile("(?im)^Location: https?://[^/]+(/[^\\s]*)").matcher(a.head());
    if ((a.status() == 301 || a.status() == 302) && location.find()) {
      String to = location.group(1);
      return to.endsWith("/") && path.startsWith(to) && !to.equals(path);
    }
    return false;
  }

  // — the WAR's own routes —

  /** Every route the packaged WAR serves, with what serves it. */
  static Map<String, String> servedRoutes() throws IOException {
    Map<String, String> out = new TreeMap<>();
    String restBase = null;
    List<Class<?>> resources = new ArrayList<>();
    try (ZipFile war = new ZipFile(System.getProperty("test.war"))) {
      for (ZipEntry e : java.util.Collections.list(war.entries())) {
        String name = e.getName();
        if (e.isDirectory()) {
          continue;
        }
        if (name.startsWith("WEB-INF/classes/")
            && name.endsWith(".class")
            && !name.contains("$")
            && !name.endsWith("package-info.class")) {
          String cls =
              name.substring("WEB-INF/classes/".length(), name.length() - 6).replace('/', '.');
          Class<?> c = load(cls);
          WebServlet servlet = c.getAnnotation(WebServlet.class);
          if (servlet != null) {
            for (String p : servlet.value().length > 0 ? servlet.value() : servlet.urlPatterns()) {
              out.put(pathOf(p), "servlet " + c.getSimpleName());
            }
          }
          assertThat(c.getAnnotation(WebFilter.class))
              .as(
                  cls
                      + ": filters are registered in composition.WebSetup, in order, not by annotation")
              .isNull();
          if (jakarta.servlet.Filter.class.isAssignableFrom(c)) {
            String serves = FILTERS.get(cls);
            assertThat(serves).as("filter " + cls + " must be listed in FILTERS").isNotNull();
            if (!serves.isEmpty()) {
              out.put(serves, "filter " + c.getSimpleName());
            }
          }
          ApplicationPath rest = c.getAnnotation(ApplicationPath.class);
          if (rest != null) {
            restBase = "/" + rest.value().replaceAll("^/|/$", "");
          }
          if (c.getAnnotation(Path.class) != null) {
            resources.add(c);
          }
        } else if (!name.startsWith("WEB-INF/") && !name.startsWith("META-INF/")) {
          out.put("/" + name, name.endsWith(".xhtml") ? "view" : "file");
        } else if (name.equals("WEB-INF/web.xml")) {
          String xml = new String(war.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
          Matcher m =
              Pattern.compile(
                      "<servlet-mapping>.*?<url-pattern>([^<]+)</url-pattern>", Pattern.DOTALL)
                  .matcher(xml);
          while (m.find()) {
            if (!m.group(1).equals("*.xhtml")) {
              out.put(pathOf(m.group(1)), "web.xml servlet");
            }
          }
        }
      }
    }
    assertThat(restBase).as("the JAX-RS application path").isNotNull();
    for (Class<?> c : resources) {
      String root = restBase + "/" + c.getAnnotation(Path.class).value().replaceAll("^/|/$", "");
      out.put(template(root), "REST " + c.getSimpleName());
      for (Method m : c.getDeclaredMethods()) {
        Path sub = m.getAnnotation(Path.class);
        if (sub != null) {
          out.put(
              template(root + "/" + sub.value().replaceAll("^/|/$", "")),
              "REST " + c.getSimpleName());
        }
      }
    }
    return out;
  }

  /**
   * A servlet URL pattern as a path: {@code ""} is the root, {@code /x/*} a sample path of the
   * family.
   */
  private static String pathOf(String pattern) {
    if (pattern.isEmpty()) {
      return "/";
    }
    return pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 1) + "x" : pattern;
  }

  /** A JAX-RS path with its templates replaced by a sample segment. */
  private static String template(String path) {
    return path.replaceAll("\\{[^}]*}", "x");
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, RouteMatrixIT.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new AssertionError("cannot load " + name + " from the test class path", e);
    }
  }

  // — database —

  /**
   * {@code CHECKSUM TABLE} of every table of the production schema but the background jobs' own
   * bookkeeping ({@code *_job}: when each job last ran), which the jobs change on their schedule
   * whatever anyone posts.
   */
  private static Map<String, String> checksums() throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = ProductionDirectory.db();
        Statement s = c.createStatement()) {
      Set<String> tables = new TreeSet<>();
      try (ResultSet rs = s.executeQuery("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          if (!rs.getString(1).endsWith("_job")) {
            tables.add(rs.getString(1));
          }
        }
      }
      try (ResultSet rs = s.executeQuery("CHECKSUM TABLE " + String.join(", ", tables))) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  private static String cookie(Who who) {
    return sessions.get(who).cookies().stream()
        .filter(c -> c.getName().equals("WBSESSION"))
        .map(c -> c.getName() + "=" + c.getValue())
        .findFirst()
        .orElseThrow(() -> new AssertionError(who + " has no session cookie"));
  }
}
