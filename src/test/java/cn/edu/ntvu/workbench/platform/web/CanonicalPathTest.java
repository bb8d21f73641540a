package cn.edu.ntvu.workbench.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalPathTest {
  @Test
  void plainPathsAreCanonical() {
    for (String p :
        List.of(
            "",
            "/",
            "/leave/",
            "/leave/apply.xhtml",
            "/resources/workbench/theme.css",
            "/calendar/Ab0_-xyz.ics",
            "/a%20b",
            "/files/%E5%BC%A0%E4%B8%89.pdf",
            "/files/%e5%bc%a0",
            "/leave/apply.xhtml;jsessionid=ABC123.node1")) {
      assertThat(CanonicalPath.problem(p)).as(p).isEmpty();
    }
  }

  @Test
  void everyOtherSpellingIsRefused() {
    List<String> refused =
        List.of(
            "/resources/../admin/audit.csv",
            "/login/../admin/audit.csv",
            "/resources/%2e%2e/admin/directory/people.xhtml",
            "/resources/%2E%2E/admin/directory/people.xhtml",
            "/resources/.%2e/admin/audit.csv",
            "/%61dmin/directory/import.xhtml",
            "/adm%69n/audit.csv",
            "/admin/audit%2Ecsv",
            "//admin/audit.csv",
            "/admin//audit.csv",
            "/./admin/audit.csv",
            "/admin/.",
            "/admin/..",
            "/resources%2fadmin/audit.csv",
            "/resources%2Fadmin/audit.csv",
            "/resources%5cadmin",
            "/resources\\..\\admin\\audit.csv",
            "/resources/%252e%252e/admin/audit.csv",
            "/resources/%25%32%65%25%32%65/admin",
            "/admin/audit.csv%00.css",
            "/admin/audit.csv%0a",
            "/admin/%c0%ae%c0%ae/audit.csv",
            "/resources/%C0%AF..%C0%AFadmin",
            "/%e0%80%ae%e0%80%ae/admin",
            "/resources/%ef%bc%8f..%ef%bc%8fadmin",
            "/resources/%E2%88%95admin",
            "/%ED%A0%80",
            "/%C2%85admin",
            "/admin;foo=bar/audit.csv",
            "/admin/audit.csv;x=y",
            "/resources/;/../admin/audit.csv",
            "/a%2",
            "/a%zz",
            "/admin/audit.csv\u0000",
            "/admin/\taudit.csv",
            "/r\u00e9sum\u00e9",
            "admin/audit.csv",
            "/" + "a".repeat(3000));
    for (String p : refused) {
      assertThat(CanonicalPath.problem(p)).as(p).isPresent();
    }
    assertThat(refused).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void decodingIsUtf8() {
    assertThat(CanonicalPath.decode("/files/%E5%BC%A0%E4%B8%89.pdf")).isEqualTo("/files/张三.pdf");
    assertThat(CanonicalPath.decode("/a%20b")).isEqualTo("/a b");
  }
}
