package cn.edu.ntvu.workbench.portal.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TileAccessFilterTest {
  @Test
  void adminSignInErrorAndResourcePathsAreNeverGuarded() {
    for (String path :
        new String[] {
          "/",
          "/index.xhtml",
          "/admin/workbench/tiles.xhtml",
          "/login",
          "/login/cas",
          "/callback",
          "/logout",
          "/error.xhtml",
          "/signed-out.xhtml",
          "/resources/workbench/theme.css",
          "/jakarta.faces.resource/x.js",
          "/health/ready",
          "/calendar/abc.ics"
        }) {
      assertThat(TileAccessFilter.guarded(path)).as(path).isFalse();
    }
  }

  @Test
  void microAppPagesAreGuarded() {
    assertThat(TileAccessFilter.guarded("/timetable/")).isTrue();
    assertThat(TileAccessFilter.guarded("/timetable/week.xhtml")).isTrue();
    assertThat(TileAccessFilter.guarded("/leave/")).isTrue();
  }
}
