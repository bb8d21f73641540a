package cn.edu.ntvu.workbench.forms.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.db;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who a 收集表 may ask (issue 14), over HTTP on the packaged WAR: a teacher of 机械工程学院 (dept 01)
 * reaches their own department, its classes and people, and nothing else — not another department,
 * the whole school or a role — until an admin gives them "收集表全校发布" (forms.publish-any) on the
 * people page; the grant is read when they publish, so taking it back counts at once. Co-owners are
 * staff. One person publishes at most forms.publish-per-hour (10) forms an hour. A refusal says why
 * beside the field, and stores nothing: no audience line, no recipient, no outbox row.
 */
class FormsPublishScopeIT {
  /** 刘敏秀: teacher of dept 01, no class, no grant. */
  private static final String TEACHER = "10004";

  /** 余刚: teacher of dept 01, used only by the publishing limit's test. */
  private static final String BUSY_TEACHER = "10005";

  private static final String ADMIN = TestUsers.ADMIN.account();
  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
  private static String app;

  @BeforeAll
  static void servers() throws SQLException {
    app = TestServers.appUrl();
    exec(
        "DELETE g FROM permission_grant g JOIN person p ON p.id = g.person_id WHERE p.account IN (?, ?)",
        TEACHER,
        BUSY_TEACHER);
  }

  @Test
  void aTeacherAddsTheirOwnDepartmentAndClassesButNotAnotherDepartmentTheSchoolOrARole()
      throws Exception {
    long id = draft(TEACHER, "范围测试");
    WebSession t = WeComStandInScreen.signedIn(app + "/forms/", TEACHER);
    String edit = app + "/forms/edit.xhtml?id=" + id;

    HttpResponse<String> other = addAudience(t, edit, "DEPARTMENT", "02");
    assertThat(besideAudience(other)).contains("院系“02”不在你的范围内").contains("收集表全校发布");
    assertThat(besideAudience(addAudience(t, edit, "DEPARTMENT", "000")))
        .contains("院系“000”不在你的范围内");
    assertThat(besideAudience(addAudience(t, edit, "CLASS", "2402003")))
        .contains("班级“2402003”不在你的范围内");
    assertThat(besideAudience(addAudience(t, edit, "PERSON", "20240200121")))
        .contains("“20240200121”不在你的院系");
    assertThat(besideAudience(addAudience(t, edit, "ROLE", "STUDENT"))).contains("按角色发送");
    assertThat(count("SELECT COUNT(*) FROM form_audience WHERE form_id = ?", id))
        .as("nothing stored")
        .isZero();

    // Their own: the department, a class of it, a student of it.
    for (String[] line :
        new String[][] {{"DEPARTMENT", "01"}, {"CLASS", "2501001"}, {"PERSON", "20250100042"}}) {
      HttpResponse<String> ok = addAudience(t, edit, line[0], line[1]);
      assertThat(ok.body()).as(line[1]).doesNotContain("id=\"audience-problems\"");
    }
    assertThat(count("SELECT COUNT(*) FROM form_audience WHERE form_id = ?", id)).isEqualTo(3);
  }

  @Test
  void publishingBeyondTheScopeStoresNothingUntilAnAdminGrantsItAndARevocationCountsAtOnce()
      throws Exception {
    // A line outside the teacher's reach (copied from a colleague's form, or added while they held
    // the grant).
    long id = draft(TEACHER, "全校问卷");
    exec("INSERT INTO form_audience (form_id, kind, value) VALUES (?, 'DEPARTMENT', '02')", id);
    WebSession t = WeComStandInScreen.signedIn(app + "/forms/", TEACHER);
    String edit = app + "/forms/edit.xhtml?id=" + id;

    HttpResponse<String> refused = postButton(t, t.get(edit), "publish", Map.of());
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(beside(refused, "publish-problems")).contains("超出了你现在可以发布的范围").contains("电子信息工程学院");
    assertNothingPublished(id);

    // The admin gives the grant on the people page; it is audited.
    WebSession admin = WeComStandInScreen.signedIn(app + "/admin/directory/people.xhtml", ADMIN);
    String people = app + "/admin/directory/people.xhtml";
    HttpResponse<String> student =
        postForm(
            admin,
            admin.get(people),
            "grants",
            "grant-add",
            Map.of("grant-account", TestUsers.STUDENT.account()));
    assertThat(student.body()).contains("id=\"grant-problem\"").contains("此权限只授予教职工");
    HttpResponse<String> granted =
        postForm(admin, admin.get(people), "grants", "grant-add", Map.of("grant-account", TEACHER));
    assertThat(granted.body())
        .contains("已授予 " + TEACHER)
        .contains("data-account=\"" + TEACHER + "\"");
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'PERMISSION_GRANT' AND object_id = ?",
                TEACHER))
        .isEqualTo(1);

    HttpResponse<String> published = postButton(t, t.get(edit), "publish", Map.of());
    assertThat(published.uri().getPath()).isEqualTo("/forms/results.xhtml");
    assertThat(query("SELECT status FROM form WHERE id = ?", id)).isEqualTo("PUBLISHED");
    assertThat(count("SELECT COUNT(*) FROM form_recipient WHERE form_id = ?", id)).isPositive();
    assertThat(count("SELECT COUNT(*) FROM wecom_outbox WHERE topic = ?", "forms:" + id))
        .isEqualTo(1);

    // Taken back: the next line outside the teacher's reach is refused again, without signing in
    // anew.
    HttpResponse<String> page = admin.get(people);
    String revokeButton = button(page, "grant-revoke", TEACHER);
    HttpResponse<String> revoked = postForm(admin, page, "grants", revokeButton, Map.of());
    assertThat(revoked.body())
        .contains("已撤销 " + TEACHER)
        .doesNotContain("data-account=\"" + TEACHER + "\"");
    long next = draft(TEACHER, "再试一次");
    assertThat(
            besideAudience(
                addAudience(t, app + "/forms/edit.xhtml?id=" + next, "DEPARTMENT", "03")))
        .contains("院系“03”不在你的范围内");
    assertThat(count("SELECT COUNT(*) FROM form_audience WHERE form_id = ?", next)).isZero();
  }

  @Test
  void aStudentCannotBeACoOwner() throws Exception {
    long id = draft(TEACHER, "共同负责人");
    WebSession t = WeComStandInScreen.signedIn(app + "/forms/", TEACHER);
    String edit = app + "/forms/edit.xhtml?id=" + id;
    HttpResponse<String> refused =
        postButton(
            t,
            t.get(edit),
            "save-co-owners",
            Map.of("co-owners", "10002 " + TestUsers.STUDENT.account()));
    assertThat(beside(refused, "co-owner-problems"))
        .contains("共同负责人须为教职工")
        .contains(TestUsers.STUDENT.account());
    assertThat(count("SELECT COUNT(*) FROM form_co_owner WHERE form_id = ?", id)).isZero();
    // Put in behind the page's back (an old form): publishing refuses it too.
    exec(
        "INSERT INTO form_co_owner (form_id, account) VALUES (?, ?)",
        id,
        TestUsers.STUDENT.account());
    exec(
        "INSERT INTO form_audience (form_id, kind, value) VALUES (?, 'PERSON', '20250100043')", id);
    assertThat(beside(postButton(t, t.get(edit), "publish", Map.of()), "publish-problems"))
        .contains("共同负责人须为教职工");
    assertNothingPublished(id);
    exec("DELETE FROM form_co_owner WHERE form_id = ?", id);
    assertThat(postButton(t, t.get(edit), "save-co-owners", Map.of("co-owners", "10002")).body())
        .doesNotContain("id=\"co-owner-problems\"");
    assertThat(query("SELECT account FROM form_co_owner WHERE form_id = ?", id)).isEqualTo("10002");
  }

  @Test
  void theEleventhPublishWithinAnHourIsRefused() throws Exception {
    WebSession t = WeComStandInScreen.signedIn(app + "/forms/", BUSY_TEACHER);
    long first = draft(BUSY_TEACHER, "第一张");
    exec(
        "INSERT INTO form_audience (form_id, kind, value) VALUES (?, 'PERSON', '20250100044')",
        first);
    HttpResponse<String> ok =
        postButton(t, t.get(app + "/forms/edit.xhtml?id=" + first), "publish", Map.of());
    assertThat(ok.uri().getPath()).isEqualTo("/forms/results.xhtml");
    // Nine more in the same hour, as earlier publishes would have left them (school time of the
    // first).
    String at =
        query(
            "SELECT published_at FROM form_publish WHERE account = ? AND form_id = ?",
            BUSY_TEACHER,
            first);
    assertThat(at).isNotNull();
    for (int i = 1; i <= 9; i++) {
      exec(
          "INSERT INTO form_publish (account, published_at, form_id)"
              + " VALUES (?, DATE_SUB(?, INTERVAL ? SECOND), ?)",
          BUSY_TEACHER,
          at,
          i,
          first);
    }

    long eleventh = draft(BUSY_TEACHER, "第十一张");
    exec(
        "INSERT INTO form_audience (form_id, kind, value) VALUES (?, 'PERSON', '20250100044')",
        eleventh);
    HttpResponse<String> refused =
        postButton(t, t.get(app + "/forms/edit.xhtml?id=" + eleventh), "publish", Map.of());
    assertThat(beside(refused, "publish-problems")).contains("每人每小时最多发布 10 张收集表");
    assertNothingPublished(eleventh);
    // Somebody else is not held back by it.
    long others = draft(TEACHER, "别人的");
    exec(
        "INSERT INTO form_audience (form_id, kind, value) VALUES (?, 'PERSON', '20250100044')",
        others);
    WebSession colleague = WeComStandInScreen.signedIn(app + "/forms/", TEACHER);
    assertThat(
            postButton(
                    colleague,
                    colleague.get(app + "/forms/edit.xhtml?id=" + others),
                    "publish",
                    Map.of())
                .uri()
                .getPath())
        .isEqualTo("/forms/results.xhtml");
  }

  // ---- helpers

  private static void assertNothingPublished(long id) throws SQLException {
    assertThat(query("SELECT status FROM form WHERE id = ?", id)).isEqualTo("DRAFT");
    assertThat(count("SELECT COUNT(*) FROM form_recipient WHERE form_id = ?", id)).isZero();
    assertThat(count("SELECT COUNT(*) FROM wecom_outbox WHERE topic = ?", "forms:" + id)).isZero();
    assertThat(count("SELECT COUNT(*) FROM form_publish WHERE form_id = ?", id)).isZero();
  }

  /** A draft of {@code owner} with one optional text question, made in the database. */
  private static long draft(String owner, String title) throws SQLException {
    try (Connection c = db()) {
      long id;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO form (title, status, owner_account, owner_name,"
                  + " created_at) SELECT ?, 'DRAFT', account, name, NOW(3) FROM person WHERE account = ?",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, title);
        ps.setString(2, owner);
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO form_question (form_id, position, type, title)"
                  + " VALUES (?, 1, 'TEXT', '备注')")) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
      return id;
    }
  }

  private static HttpResponse<String> addAudience(
      WebSession web, String edit, String kind, String value) {
    return postButton(
        web, web.get(edit), "add-audience", Map.of("audience-kind", kind, "audience-value", value));
  }

  private static String besideAudience(HttpResponse<String> page) {
    return beside(page, "audience-problems");
  }

  /** The text of the problem list {@code id} (beside its field); fails when the page has none. */
  private static String beside(HttpResponse<String> page, String id) {
    Matcher m =
        Pattern.compile("<ul class=\"wb-error\" id=\"" + id + "\"[^>]*>(.*?)</ul>", Pattern.DOTALL)
            .matcher(page.body());
    assertThat(m.find()).as("problems beside the field (" + id + ") in " + page.uri()).isTrue();
    assertThat(page.body()).doesNotContain("id=\"problems\"");
    return m.group(1);
  }

  private static HttpResponse<String> postButton(
      WebSession web, HttpResponse<String> page, String button, Map<String, String> extra) {
    return postForm(web, page, "edit", button, extra);
  }

  /** Posts form {@code form}'s button {@code button} from {@code page}, following a redirect. */
  private static HttpResponse<String> postForm(
      WebSession web,
      HttpResponse<String> page,
      String form,
      String button,
      Map<String, String> extra) {
    assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(200);
    Map<String, String> f = new LinkedHashMap<>();
    f.put(form, form);
    f.put(button, button);
    f.putAll(extra);
    Matcher vs = VIEW_STATE.matcher(page.body());
    assertThat(vs.find()).as("view state in " + page.uri()).isTrue();
    f.put("jakarta.faces.ViewState", vs.group(1).replace("&#58;", ":").replace("&amp;", "&"));
    HttpResponse<String> r = web.post(page.uri().toString(), f);
    return WebSession.isRedirect(r) ? web.get(WebSession.location(r)) : r;
  }

  /** The name of the button with class {@code cssClass} in the list item of {@code account}. */
  private static String button(HttpResponse<String> page, String cssClass, String account) {
    Matcher m =
        Pattern.compile(
                "data-account=\""
                    + account
                    + "\".*?<input[^>]*name=\"([^\"]+)\"[^>]*class=\"[^\"]*"
                    + cssClass,
                Pattern.DOTALL)
            .matcher(page.body());
    assertThat(m.find()).as(cssClass + " of " + account).isTrue();
    return m.group(1);
  }
}
