package cn.edu.ntvu.workbench.composition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.E2eDb;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.TestUsers.TestUser;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page-by-page check (issue 16): every page of the application, as every role that can open it,
 * in Chromium at 360×640 with WeCom's user agent (Chinese) and at 1366×768 as a desktop browser
 * signed in through CAS (English). On each: no horizontal scroll, no element wider than its
 * container, every button, input, checkbox, radio and link that acts as a button at least 44×44 px
 * at 360 (links inside running text excepted), no text under 12 px, no bundle key shown instead of
 * its text, and axe-core (served from the test classpath, injected by WebDriver so the page's CSP
 * is not involved) with no serious or critical violation. Screenshots of every page × role × width:
 * target/screenshots/pages/; every problem found: target/screenshots/pages/problems-*.txt.
 *
 * <p>{@link #PAGES} is the declared list: {@link #everyPageAndRouteIsDeclared()} fails when a page
 * is added to src/main/webapp, or a line to {@link Routes}, without being declared here as a page
 * to visit or as something that is not a page.
 */
class PageCheckIT {
  @RegisterExtension static Browser phone = Browser.weCom().windowSize(360, 640).language("zh-CN");

  @RegisterExtension
  static Browser desk =
      Browser.mobile()
          .userAgent(
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                  + " Chrome/126.0 Safari/537.36")
          .windowSize(1366, 768)
          .language("en");

  /** Who visits: nobody, or one of the demo people with the roles the route table sees. */
  enum Who {
    ANONYMOUS(null, null),
    STUDENT(TestUsers.STUDENT, PersonKind.STUDENT, Role.STUDENT),
    TEACHER(TestUsers.TEACHER, PersonKind.STAFF, Role.TEACHER),
    COUNSELLOR(TestUsers.COUNSELLOR, PersonKind.STAFF, Role.TEACHER, Role.COUNSELLOR),
    DEAN(TestUsers.DEAN, PersonKind.STAFF, Role.TEACHER, Role.DEAN),
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

    SignedInUser asSeen() {
      return user == null ? null : user.asSignedIn(kind, roles);
    }
  }

  /**
   * A page to visit: the route's pattern, the file it is made from (null: a servlet), the address
   * to open ({ID} replaced by {@link #ids}) and, for pages not meant for the signed-in roles of the
   * route table, who visits.
   */
  record Page(String route, String file, String visit, List<Who> only) {
    static Page of(String route, String file) {
      return new Page(route, file, route, null);
    }

    Page at(String address) {
      return new Page(route, file, address, only);
    }

    Page as(Who... who) {
      return new Page(route, file, visit, List.of(who));
    }

    List<Who> visitors() {
      if (only != null) {
        return only;
      }
      Route r = Routes.find(route).orElseThrow();
      return Stream.of(Who.values())
          .filter(w -> w != Who.ANONYMOUS && r.access().allows(w.asSeen()))
          .toList();
    }
  }

  /** Every page of the application. */
  static final List<Page> PAGES =
      List.of(
          Page.of("/", null),
          Page.of("/index.xhtml", null).at("/"),
          Page.of("/search", null).at("/search?q=qj"),
          Page.of("/account/index.xhtml", "account/index.xhtml"),
          Page.of("/timetable/index.xhtml", "timetable/index.xhtml"),
          Page.of("/timetable/week.xhtml", "timetable/week.xhtml"),
          Page.of("/timetable/course.xhtml", "timetable/course.xhtml")
              .at("/timetable/course.xhtml?{course}"),
          Page.of("/timetable/calendar.xhtml", "timetable/calendar.xhtml"),
          Page.of("/attendance/roll.xhtml", "attendance/roll.xhtml")
              .at("/attendance/roll.xhtml?{roll}"),
          Page.of("/attendance/stats.xhtml", "attendance/stats.xhtml"),
          Page.of("/attendance/mine.xhtml", "attendance/mine.xhtml"),
          Page.of("/leave/index.xhtml", "leave/index.xhtml"),
          Page.of("/leave/apply.xhtml", "leave/apply.xhtml"),
          Page.of("/leave/request.xhtml", "leave/request.xhtml")
              .at("/leave/request.xhtml?id={leave}"),
          // an approved leave not started yet: 撤销 for its student, 取消请假 for her counsellor
          Page.of("/leave/request.xhtml", "leave/request.xhtml")
              .at("/leave/request.xhtml?id={leaveApproved}")
              .as(Who.STUDENT, Who.COUNSELLOR),
          // 转审 / 加签 of a pending leave of 田芬 by her counsellor, the 加签 form (the longer one)
          // ... and the request page where her 转审 / 加签 buttons are
          // (WEB-INF/leave/request-handover.xhtml)
          Page.of("/leave/request.xhtml", "leave/request.xhtml")
              .at("/leave/request.xhtml?id={leavePending}")
              .as(Who.COUNSELLOR),
          Page.of("/leave/handover.xhtml", "leave/handover.xhtml")
              .at("/leave/handover.xhtml?id={leavePending}&mode=add")
              .as(Who.COUNSELLOR),
          Page.of("/leave/approvals.xhtml", "leave/approvals.xhtml"),
          Page.of("/leave/decided.xhtml", "leave/decided.xhtml"),
          Page.of("/leave/classes.xhtml", "leave/classes.xhtml"),
          Page.of("/leave/admin.xhtml", "leave/admin.xhtml"),
          // 抄送我的 (issue 18 item 4)
          Page.of("/leave/cc.xhtml", "leave/cc.xhtml"),
          // issue 18, items 6–7: 审批设置 (deputy, quick phrases; admins: everyone's)
          Page.of("/leave/approver.xhtml", "leave/approver.xhtml").as(Who.COUNSELLOR, Who.ADMIN),
          Page.of("/forms/index.xhtml", "forms/index.xhtml"),
          Page.of("/forms/fill.xhtml", "forms/fill.xhtml").at("/forms/fill.xhtml?id={form}"),
          Page.of("/forms/edit.xhtml", "forms/edit.xhtml").at("/forms/edit.xhtml?id={form}"),
          Page.of("/forms/results.xhtml", "forms/results.xhtml")
              .at("/forms/results.xhtml?id={form}"),
          Page.of("/notices/index.xhtml", "notices/index.xhtml"),
          Page.of("/notices/view.xhtml", "notices/view.xhtml")
              .at("/notices/view.xhtml?id={notice}"),
          Page.of("/notices/edit.xhtml", "notices/edit.xhtml"),
          Page.of("/notices/results.xhtml", "notices/results.xhtml")
              .at("/notices/results.xhtml?id={notice}"),
          Page.of("/admin/directory/people.xhtml", "admin/directory/people.xhtml"),
          Page.of("/admin/directory/import.xhtml", "admin/directory/import.xhtml"),
          Page.of("/admin/timetable/import.xhtml", "admin/timetable/import.xhtml"),
          Page.of("/admin/workbench/tiles.xhtml", "admin/workbench/tiles.xhtml"),
          Page.of("/admin/workbench/preview.xhtml", "admin/workbench/preview.xhtml"),
          Page.of("/admin/workbench/favourites.xhtml", "admin/workbench/favourites.xhtml"),
          Page.of("/admin/workbench/transfer.xhtml", "admin/workbench/transfer.xhtml"),
          Page.of("/admin/workbench/banners.xhtml", "admin/workbench/banners.xhtml"),
          Page.of("/admin/workbench/launches.xhtml", "admin/workbench/launches.xhtml"),
          Page.of("/admin/workbench/native.xhtml", "admin/workbench/native.xhtml"),
          Page.of("/admin/audit.xhtml", "admin/audit.xhtml"),
          Page.of("/admin/attendance.xhtml", "admin/attendance.xhtml"),
          Page.of("/admin/wecom/contacts.xhtml", "admin/wecom/contacts.xhtml"),
          Page.of("/admin/wecom/contacts-report.xhtml", "admin/wecom/contacts-report.xhtml"),
          Page.of("/admin/wecom/outbox.xhtml", "admin/wecom/outbox.xhtml"),
          Page.of("/admin/wecom/setup.xhtml", "admin/wecom/setup.xhtml"),
          Page.of("/dev/style.xhtml", "dev/style.xhtml").as(Who.ANONYMOUS),
          Page.of("/logout", "WEB-INF/views/signout.xhtml").as(Who.STUDENT),
          Page.of("/signed-out.xhtml", "signed-out.xhtml").as(Who.ANONYMOUS),
          Page.of("/error.xhtml", "error.xhtml").as(Who.ANONYMOUS),
          // The error pages, reached the way people reach them.
          new Page(
              null, "WEB-INF/errorpages/404.xhtml", "/no-such-page.xhtml", List.of(Who.STUDENT)),
          new Page(
              null, "WEB-INF/errorpages/403.xhtml", "/admin/audit.xhtml", List.of(Who.STUDENT)));

  /**
   * Lines of the route table that are not pages, and page files visited by other tests (each with
   * why).
   */
  static final Map<String, String> NOT_PAGES =
      Map.ofEntries(
          Map.entry("/login", "redirect to a sign-in"),
          Map.entry("/login/cas", "redirect to CAS"),
          Map.entry("/login/wecom", "redirect to WeCom"),
          Map.entry("/login/wecom/callback", "redirect after sign-in"),
          Map.entry("/callback", "redirect after CAS"),
          Map.entry("/resources/*", "assets"),
          Map.entry("/jakarta.faces.resource/*", "assets"),
          Map.entry("/favicon.ico", "nothing"),
          Map.entry("/health/ready", "plain text"),
          Map.entry("/WW_verify_*", "plain text"),
          Map.entry("/wecom/callback", "XML for WeCom"),
          Map.entry("/calendar/*", "iCalendar"),
          Map.entry("/rest/wecom/jssdk/signature", "JSON"),
          Map.entry("/portal/favourites", "JSON, POST only (FavouritesIT)"),
          Map.entry("/leave/attachment", "a file"),
          Map.entry("/leave/export.xlsx", "a file"),
          Map.entry("/attendance/stats.xlsx", "a file"),
          Map.entry("/forms/export.xlsx", "a file"),
          Map.entry("/forms/export.csv", "a file"),
          Map.entry("/forms/file", "a file"),
          Map.entry("/forms/export-link", "JSON"),
          Map.entry("/forms/signed.xlsx", "a file; its one-sentence refusals: FormExportInWeComIT"),
          Map.entry("/forms/signed.csv", "a file; its one-sentence refusals: FormExportInWeComIT"),
          Map.entry("/notices/export.xlsx", "a file"),
          Map.entry(
              "/notices/file",
              "a notice's image or attachment; its 403 for outsiders: NoticeAttachmentsIT"),
          Map.entry("/notices/export.csv", "a file"),
          Map.entry("/admin/timetable/sample/*", "a file"),
          Map.entry("/admin/workbench/tiles.json", "a file"),
          Map.entry("/admin/workbench/launches.csv", "a file"),
          Map.entry("/go/*", "a redirect to a tile; its maintenance page: TileStatesIT"),
          Map.entry("/admin/audit.csv", "a file"),
          Map.entry("/admin/wecom/contacts-report.csv", "a file"),
          Map.entry("/ArquillianServletRunner*", "the in-container tests' runner"),
          Map.entry("WEB-INF/errorpages/400.xhtml", "ErrorPagesIT (a malformed request)"),
          Map.entry("WEB-INF/errorpages/401.xhtml", "ErrorPagesIT"),
          Map.entry("WEB-INF/errorpages/500.xhtml", "ErrorPagesIT (a failure)"),
          Map.entry("WEB-INF/errorpages/expired.xhtml", "ErrorPagesIT (an expired view)"),
          Map.entry("WEB-INF/errorpages/signin-problem.xhtml", "ErrorPagesIT, CasSignInIT"),
          // issue 18 (chain): parts of pages checked above, each included with one line
          Map.entry(
              "WEB-INF/leave/request-chain.xhtml",
              "part of /leave/request.xhtml (审批进度 of a 会签 step: LeaveChainIT at 360×640)"),
          Map.entry("WEB-INF/leave/admin-chain.xhtml", "part of /leave/admin.xhtml"),
          Map.entry("WEB-INF/leave/rule-modes-chain.xhtml", "part of /leave/admin.xhtml"),
          Map.entry(
              "WEB-INF/leave/request-deputy.xhtml",
              "the comment box of /leave/request.xhtml, checked with it; LeaveDeputyIT"),
          Map.entry(
              "WEB-INF/leave/request-deputy-reject.xhtml",
              "the 驳回 reason's quick phrases on /leave/request.xhtml; LeaveDeputyIT"));

  private static final Path SHOTS = Path.of("target", "screenshots", "pages").toAbsolutePath();
  private static final Map<String, String> ids = new LinkedHashMap<>();
  private static String app;
  private static String checks;
  private static String axe;
  private static List<String> keys;

  @BeforeAll
  static void setUp() throws Exception {
    app = TestServers.appUrl();
    Files.createDirectories(SHOTS);
    checks = resource("/pagecheck/checks.js");
    axe = resource("/axe/axe-4.14.1.min.js");
    keys = bundleKeys();
    String course =
        E2eDb.query(
            "SELECT CONCAT('term=', t.code, '&src=', c.source, '&no=', c.meeting_no)"
                + " FROM course_meeting_class c JOIN term t ON t.id = c.term_id"
                + " WHERE c.class_code = '2401000' ORDER BY t.id DESC, c.meeting_no LIMIT 1");
    ids.put("course", course == null ? "id=1" : course);
    ids.put(
        "leave",
        orOne(
            E2eDb.query(
                "SELECT MAX(id) FROM leave_request WHERE student_account = ?",
                TestUsers.STUDENT.account())));
    // 形势与政策 (袁洋), Monday 1–2 for 2401000: the Monday of the school clock's week
    String roll =
        E2eDb.query(
            "SELECT CONCAT('term=', t.code, '&src=', m.source, '&no=', m.meeting_no,"
                + " '&date=2026-11-23') FROM course_meeting m JOIN term t ON t.id = m.term_id"
                + " WHERE m.course_code = 'K00002' AND m.weekday = 1 ORDER BY t.id DESC LIMIT 1");
    ids.put("roll", roll == null ? "term=x&src=ZF&no=1&date=2026-11-23" : roll);
    ids.put("leaveApproved", orOne(approvedFutureLeave()));
    ids.put("leavePending", orOne(pendingLeaveForHandOver()));
    ids.put("notice", orOne(E2eDb.query("SELECT MAX(id) FROM notice WHERE status = 'SENT'")));
    ids.put("form", orOne(E2eDb.query("SELECT MAX(id) FROM form WHERE status = 'PUBLISHED'")));
  }

  @Test
  void everyPageAndRouteIsDeclared() throws IOException {
    Set<String> declared = new TreeSet<>(NOT_PAGES.keySet());
    for (Page p : PAGES) {
      if (p.route() != null) {
        declared.add(p.route());
      }
      if (p.file() != null) {
        declared.add(p.file());
      }
    }
    Set<String> missing = new TreeSet<>();
    for (Route r : Routes.TABLE) {
      if (!declared.contains(r.pattern())) {
        missing.add(r.pattern());
      }
    }
    Path webapp = Path.of("src", "main", "webapp");
    try (Stream<Path> files = Files.walk(webapp)) {
      files
          .map(f -> webapp.relativize(f).toString().replace('\\', '/'))
          .filter(f -> f.endsWith(".xhtml"))
          .filter(
              f ->
                  !f.startsWith("resources/")
                      && !f.startsWith("WEB-INF/templates/")
                      && !f.startsWith("WEB-INF/includes/")
                      // issue 18: parts of the leave pages (one fragment per item), checked as part
                      // of the page that includes them
                      && !f.startsWith("WEB-INF/leave/"))
          .filter(f -> !declared.contains(f))
          .forEach(missing::add);
    }
    assertThat(missing).as("pages and routes the page-by-page check does not know").isEmpty();
  }

  @Test
  void everyPageAtThePhoneWidthInWeCom() throws IOException {
    visitAll(phone, "360", true);
  }

  @Test
  void everyPageAtADesk() throws IOException {
    visitAll(desk, "1366", false);
  }

  private static void visitAll(Browser browser, String width, boolean phoneWidth)
      throws IOException {
    ChromeDriver d = browser.driver();
    // -Dpagecheck.only=/admin/audit.xhtml,/ : only these pages (a quick look while fixing one).
    String only = System.getProperty("pagecheck.only", "");
    Set<String> chosen = only.isBlank() ? Set.of() : Set.of(only.split(","));
    Map<Who, List<Page>> byWho = new LinkedHashMap<>();
    for (Who w : Who.values()) {
      for (Page p : PAGES) {
        if (!chosen.isEmpty()
            && !chosen.contains(p.visit())
            && (p.route() == null || !chosen.contains(p.route()))) {
          continue;
        }
        if (p.visitors().contains(w)) {
          byWho.computeIfAbsent(w, k -> new ArrayList<>()).add(p);
        }
      }
    }
    List<String> problems = new ArrayList<>();
    int visits = 0;
    for (Map.Entry<Who, List<Page>> e : byWho.entrySet()) {
      Who who = e.getKey();
      signIn(d, who, phoneWidth);
      for (Page p : e.getValue()) {
        String address = p.visit();
        for (Map.Entry<String, String> id : ids.entrySet()) {
          address = address.replace("{" + id.getKey() + "}", id.getValue());
        }
        d.get(app + address);
        Browser.waitFor(d, Duration.ofSeconds(30))
            .until(x -> "complete".equals(d.executeScript("return document.readyState")));
        String name = (address + "-" + who + "-" + width).replaceAll("[^\\w.-]+", "_");
        shoot(d, name);
        for (String problem : check(d, phoneWidth)) {
          problems.add(address + " as " + who + " at " + width + ": " + problem);
        }
        visits++;
      }
    }
    Files.write(
        SHOTS.resolve("problems-" + width + ".txt"),
        (visits + " visits\n" + String.join("\n", problems) + "\n")
            .getBytes(StandardCharsets.UTF_8));
    assertThat(problems).as(visits + " visits at " + width + " px").isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static List<String> check(ChromeDriver d, boolean phoneWidth) {
    List<String> problems =
        new ArrayList<>((List<String>) d.executeScript(checks, phoneWidth, keys));
    d.executeScript(axe + "\n;window.__axe = axe;");
    Object result =
        d.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "window.__axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) {"
                + "    return v.impact === 'serious' || v.impact === 'critical'; })"
                + "  .map(function (v) { return 'axe ' + v.impact + ': ' + v.id + ': '"
                + "    + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(', ');"
                + "  }));"
                + "}, function (err) { done(['axe failed: ' + err]); });");
    problems.addAll((List<String>) result);
    return problems;
  }

  /** Signs in as {@code who} the way that width does: WeCom's OAuth at the phone, CAS at a desk. */
  private static void signIn(ChromeDriver d, Who who, boolean phoneWidth) {
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(60));
    if (!phoneWidth) {
      d.get(TestServers.cas().prefixUrl() + "/logout");
      d.manage().deleteAllCookies();
    }
    d.get(app + "/");
    d.manage().deleteAllCookies();
    if (who == Who.ANONYMOUS) {
      return;
    }
    d.get(app + "/");
    if (phoneWidth) {
      wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
      d.findElement(By.id("account")).sendKeys(who.user.account());
      d.findElement(By.id("continue")).click();
    } else {
      wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
      d.findElement(By.name("username")).sendKeys(who.user.account());
      var password = d.findElement(By.name("password"));
      password.sendKeys(who.user.password());
      password.submit();
    }
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hello")));
  }

  /** The whole page (up to 6,000 px tall) as PNG. */
  private static void shoot(ChromeDriver d, String name) {
    Number height =
        (Number)
            d.executeScript(
                "return Math.min(6000, Math.max(document.documentElement.scrollHeight,"
                    + " document.body.scrollHeight));");
    Number width = (Number) d.executeScript("return document.documentElement.clientWidth;");
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
    Map<String, Object> shot =
        d.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    try {
      Files.write(
          SHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An approved leave of 田芬 that has not started by the school clock (2026-11-25 10:20): made
   * through the form and 毛敏's 同意 when there is none yet.
   */
  private static String approvedFutureLeave() throws Exception {
    String sql =
        "SELECT MAX(id) FROM leave_request WHERE student_account = ? AND status = 'APPROVED'"
            + " AND returned_at IS NULL AND starts_at > '2026-11-25 10:20:00'";
    String id = E2eDb.query(sql, TestUsers.STUDENT.account());
    if (id != null) {
      return id;
    }
    Pattern viewState = Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
    WebSession web =
        WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", TestUsers.STUDENT.account());
    HttpResponse<String> page = web.get(app + "/leave/apply.xhtml");
    Matcher vs = viewState.matcher(page.body());
    if (!vs.find()) {
      return null;
    }
    Map<String, String> f = new LinkedHashMap<>();
    f.put("apply", "apply");
    f.put("type", "PERSONAL");
    f.put("start", "2026-12-14T08:00");
    f.put("end", "2026-12-14T17:00");
    f.put("reason", "参加技能比赛");
    f.put("submit", "提交申请");
    f.put("jakarta.faces.ViewState", vs.group(1).replace("&#58;", ":").replace("&amp;", "&"));
    HttpResponse<String> sent = web.postMultipart(app + "/leave/apply.xhtml", f);
    Matcher m = Pattern.compile("id=(\\d+)").matcher(String.valueOf(WebSession.location(sent)));
    if (sent.statusCode() != 302 || !m.find()) {
      return null;
    }
    String url = app + "/leave/request.xhtml?id=" + m.group(1);
    WebSession c = WeComStandInScreen.signedIn(url, TestUsers.COUNSELLOR.account());
    Matcher cs = viewState.matcher(c.get(url).body());
    if (cs.find()) {
      Map<String, String> a = new LinkedHashMap<>();
      a.put("detail", "detail");
      a.put("approve", "approve");
      a.put("jakarta.faces.ViewState", cs.group(1).replace("&#58;", ":").replace("&amp;", "&"));
      c.post(url, a);
    }
    return E2eDb.query(sql, TestUsers.STUDENT.account());
  }

  /**
   * A pending leave of 田芬 whose first step is open for 毛敏 (转审 / 加签): made through the form when
   * there is none yet.
   */
  private static String pendingLeaveForHandOver() throws Exception {
    String sql =
        "SELECT MAX(r.id) FROM leave_request r JOIN leave_step s ON s.request_id = r.id"
            + " AND s.status = 'OPEN' JOIN leave_step_approver a ON a.step_id = s.id"
            + " AND a.account = ? AND a.state = 'PENDING' WHERE r.student_account = ? AND r.status = 'PENDING'";
    String id = E2eDb.query(sql, TestUsers.COUNSELLOR.account(), TestUsers.STUDENT.account());
    if (id != null) {
      return id;
    }
    Pattern viewState = Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
    WebSession web =
        WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", TestUsers.STUDENT.account());
    Matcher vs = viewState.matcher(web.get(app + "/leave/apply.xhtml").body());
    if (!vs.find()) {
      return null;
    }
    Map<String, String> f = new LinkedHashMap<>();
    f.put("apply", "apply");
    f.put("type", "PERSONAL");
    f.put("start", "2026-12-16T08:00");
    f.put("end", "2026-12-16T17:00");
    f.put("reason", "参加省赛集训");
    f.put("submit", "提交申请");
    f.put("jakarta.faces.ViewState", vs.group(1).replace("&#58;", ":").replace("&amp;", "&"));
    web.postMultipart(app + "/leave/apply.xhtml", f);
    return E2eDb.query(sql, TestUsers.COUNSELLOR.account(), TestUsers.STUDENT.account());
  }

  private static String orOne(String id) {
    return id == null ? "1" : id;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = PageCheckIT.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Every key of the application's bundles. */
  private static List<String> bundleKeys() throws IOException {
    Set<String> all = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "i18n"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          p.load(in);
        }
        p.stringPropertyNames().stream().filter(k -> k.contains(".")).forEach(all::add);
      }
    }
    return all.stream().collect(Collectors.toList());
  }
}
