package cn.edu.ntvu.workbench.portal.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import cn.edu.ntvu.workbench.portal.interfaces.web.WorkbenchHome.SceneView;
import cn.edu.ntvu.workbench.portal.interfaces.web.WorkbenchHome.TileView;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HomePageTest {
  private static SignedInUser person(String name, String unit, Set<Role> roles) {
    return new SignedInUser(
        1,
        "20240100001",
        name,
        PersonKind.STUDENT,
        unit,
        "2401000",
        "0101",
        roles,
        SignInPath.WECOM,
        Instant.EPOCH);
  }

  private static final List<SceneView> SCENES =
      List.of(
          new SceneView(
              Scene.TEACHING,
              List.of(new TileView(7, "我的课表", "本周课程", "/wb/i.svg", "/wb/timetable/", false, 2))));

  @Test
  void aStudentSeesTheGreetingTilesRolesAndSignOutWithEveryTextEscaped() {
    String html =
        HomePage.render(
            new HomePage.Model(
                person("田<b>芬</b>", "机械&制造241班", Set.of(Role.STUDENT)),
                SCENES,
                "/wb",
                "1.0",
                false,
                false,
                "tok\"en"),
            Locale.SIMPLIFIED_CHINESE);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"zh-CN\"")
        .contains("<title>工作台</title>")
        .contains("href=\"/wb/resources/workbench/theme.css?v=1.0\"")
        .contains("<p class=\"wb-hello\" id=\"hello\">你好，田&lt;b&gt;芬&lt;/b&gt;</p>")
        .contains("<p class=\"wb-sub\">机械&amp;制造241班</p>")
        .contains("id=\"tile-7\"")
        .contains("<span class=\"wb-tile-badge\" aria-label=\"待办数量\">2</span>")
        .contains("<li class=\"wb-badge wb-badge-student\">学生</li>")
        .contains("登录方式：企业微信 · 20240100001")
        .contains("<form method=\"post\" action=\"/wb/logout\"")
        .contains("id=\"logout\">退出登录</button>")
        // Sign-out posts the session's token, escaped like every other value.
        .contains("<input type=\"hidden\" name=\"logoutToken\" value=\"tok&quot;en\"/>")
        .endsWith("</html>")
        .doesNotContain(
            "<b>", "wb-devbanner", "expired-notice", "id=\"no-tiles\"", "admin-h", "???");
  }

  @Test
  void anAdminInEnglishSeesTheAdminLinksAndTheNoticesAskedFor() {
    String html =
        HomePage.render(
            new HomePage.Model(
                person("Tian Fen", "Office", Set.of(Role.ADMIN, Role.TEACHER)),
                List.of(),
                "",
                "dev",
                true,
                true,
                "t"),
            Locale.ENGLISH);
    assertThat(html)
        .contains("<html lang=\"en\"")
        .contains("<title>Workbench</title>")
        .contains("Hello, Tian Fen")
        .contains("class=\"wb-devbanner\"")
        .contains("id=\"expired-notice\"")
        .contains("id=\"no-tiles\"")
        .contains(
            "<a class=\"wb-list-item\" href=\"/admin/workbench/tiles.xhtml\" id=\"admin-tiles\">Workbench apps</a>")
        .contains("Signed in via WeCom")
        .contains(">Sign out</button>");
    // A missing text would show as its key: none of the page's keys is missing in either language.
    for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
      String page =
          HomePage.render(
              new HomePage.Model(
                  person("x", "y", Set.of(Role.values())), List.of(), "", "1", true, true, "t"),
              locale);
      assertThat(page)
          .as(locale.toString())
          .doesNotContainPattern(
              "(home|app|error|role|path|workbench|timetable"
                  + "|audit|outbox|wecom|contacts)\\.(?!xhtml\\b)[a-zA-Z]+");
    }
    // Roles in their fixed order, as everywhere else.
    assertThat(html.indexOf("wb-badge-teacher")).isLessThan(html.indexOf("wb-badge-admin"));
  }

  @Test
  void pinnedItemsStandAboveTheTilesEscaped() {
    String html =
        HomePage.render(
            new HomePage.Model(
                person("田芬", "机械制造241班", Set.of(Role.STUDENT)),
                SCENES,
                "/wb",
                "1.0",
                false,
                false,
                "t",
                List.of(
                    new cn.edu.ntvu.workbench.portal.application.PinnedItems.Pinned(
                        "重要通知", "停<b>课</b>", "/notices/view.xhtml?id=4")),
                false),
            Locale.SIMPLIFIED_CHINESE);
    assertThat(html)
        .contains(
            "<a class=\"wb-list-item pinned-item\" href=\"/wb/notices/view.xhtml?id=4\"><b>重要通知</b>"
                + "：停&lt;b&gt;课&lt;/b&gt;</a>");
    assertThat(html.indexOf("id=\"pinned\"")).isLessThan(html.indexOf("id=\"tile-7\""));
  }
}
