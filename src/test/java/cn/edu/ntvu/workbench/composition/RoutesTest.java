package cn.edu.ntvu.workbench.composition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The table itself; RouteMatrixIT checks it against the packaged WAR and as every role. */
class RoutesTest {
  @Test
  void theMostSpecificLineWins() {
    assertThat(Routes.find("/leave/apply.xhtml").orElseThrow().access()).isEqualTo(Access.STUDENTS);
    assertThat(Routes.find("/resources/workbench/theme.css").orElseThrow().pattern())
        .isEqualTo("/resources/*");
    assertThat(Routes.find("/admin/timetable/sample/x.csv").orElseThrow().access())
        .isEqualTo(Access.ADMIN);
    assertThat(Routes.find("/").orElseThrow().access()).isEqualTo(Access.SIGNED_IN);
  }

  @Test
  void aPathWithoutALineHasNoPolicy() {
    assertThat(Routes.find("/admin/secret.xhtml")).isEmpty();
    assertThat(Routes.find("/leave")).isEmpty();
    assertThat(Routes.find("/admin/")).isEmpty();
    assertThat(Routes.find("/resources")).isEmpty();
  }

  @Test
  void everyAdminPathNeedsTheAdminRole() {
    for (Route r : Routes.TABLE) {
      if (r.pattern().startsWith("/admin/")) {
        assertThat(r.access().roles()).as(r.pattern()).containsExactly(Role.ADMIN);
      }
    }
  }

  @Test
  void everySampleIsItsOwnRoute() {
    for (Route r : Routes.TABLE) {
      String path =
          r.sample().contains("?") ? r.sample().substring(0, r.sample().indexOf('?')) : r.sample();
      assertThat(Routes.find(path)).as(r.pattern()).contains(r);
    }
  }

  @Test
  void onlyAFewFamiliesArePrefixes() {
    // A broad prefix would cover every page anyone adds later: families are listed here on purpose.
    assertThat(Routes.TABLE.stream().filter(Route::isPrefix).map(Route::pattern))
        .containsExactlyInAnyOrder(
            "/resources/*",
            "/jakarta.faces.resource/*",
            "/WW_verify_*",
            "/calendar/*",
            "/admin/timetable/sample/*",
            "/go/*",
            "/ArquillianServletRunner*");
  }

  @Test
  void everyFacesViewInTheSourceTreeHasALine() throws IOException {
    Path webapp = Path.of("src/main/webapp");
    List<String> views;
    try (Stream<Path> files = Files.walk(webapp)) {
      views =
          files
              .filter(f -> f.toString().endsWith(".xhtml"))
              .map(f -> "/" + webapp.relativize(f).toString().replace('\\', '/'))
              .filter(v -> !v.startsWith("/WEB-INF/") && !v.startsWith("/resources/"))
              .toList();
    }
    assertThat(views).isNotEmpty();
    for (String v : views) {
      assertThat(Routes.find(v)).as(v).isPresent();
    }
  }
}
