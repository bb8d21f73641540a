package cn.edu.ntvu.workbench.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TileTargetTest {
  private static void refused(TileKind kind, String target, String key) {
    assertThatThrownBy(() -> TileTarget.check(kind, target))
        .isInstanceOf(TileInputException.class)
        .extracting(e -> ((TileInputException) e).key())
        .isEqualTo(key);
  }

  @Test
  void externalAcceptsHttpAndHttps() {
    assertThat(TileTarget.check(TileKind.EXTERNAL, " https://portal.ntvu.edu.cn/ "))
        .isEqualTo("https://portal.ntvu.edu.cn/");
    assertThat(TileTarget.check(TileKind.EXTERNAL, "http://lib.ntvu.edu.cn/x?a=1"))
        .isEqualTo("http://lib.ntvu.edu.cn/x?a=1");
  }

  @Test
  void externalRefusesScriptAndDataAndOtherSchemes() {
    refused(TileKind.EXTERNAL, "javascript:alert(1)", "workbench.error.scriptUrl");
    refused(TileKind.EXTERNAL, "JavaScript:alert(1)", "workbench.error.scriptUrl");
    refused(
        TileKind.EXTERNAL, "data:text/html,<script>alert(1)</script>", "workbench.error.scriptUrl");
    refused(TileKind.EXTERNAL, "ftp://x.cn/", "workbench.error.externalUrl");
    refused(TileKind.EXTERNAL, "//evil.example/", "workbench.error.externalUrl");
    refused(TileKind.EXTERNAL, "https:///nohost", "workbench.error.externalUrl");
    refused(TileKind.EXTERNAL, "java\tscript:alert(1)", "workbench.error.targetSpaces");
    refused(TileKind.EXTERNAL, "", "workbench.error.targetMissing");
  }

  @Test
  void internalNeedsAPathOfThisServer() {
    assertThat(TileTarget.check(TileKind.INTERNAL, "/timetable/")).isEqualTo("/timetable/");
    refused(TileKind.INTERNAL, "timetable/", "workbench.error.internalPath");
    refused(TileKind.INTERNAL, "//evil.example/", "workbench.error.internalPath");
    refused(TileKind.INTERNAL, "/a//b", "workbench.error.internalPath");
    refused(TileKind.INTERNAL, "/a/../admin/", "workbench.error.internalPath");
    refused(TileKind.INTERNAL, "javascript:alert(1)", "workbench.error.internalPath");
    refused(TileKind.INTERNAL, "https://x.cn/", "workbench.error.internalPath");
  }

  @Test
  void internalTileCoversItsPages() {
    assertThat(TileTarget.covers("/timetable/", "/timetable/")).isTrue();
    assertThat(TileTarget.covers("/timetable/", "/timetable/week.xhtml")).isTrue();
    assertThat(TileTarget.covers("/timetable/", "/timetable")).isTrue();
    assertThat(TileTarget.covers("/timetable/", "/timetables/x")).isFalse();
    assertThat(TileTarget.covers("/timetable", "/timetable/week.xhtml")).isTrue();
    assertThat(TileTarget.covers("/timetable", "/timetablex")).isFalse();
    assertThat(TileTarget.covers("/timetable/calendar.xhtml", "/timetable/calendar.xhtml"))
        .isTrue();
    assertThat(TileTarget.covers("/timetable/calendar.xhtml", "/timetable/week.xhtml")).isFalse();
  }

  @Test
  void tileCheckNeedsNameAndKnownIcon() {
    Tile t =
        new Tile(
            0,
            Scene.LIFE,
            0,
            " ",
            null,
            "calendar",
            TileKind.INTERNAL,
            "/x/",
            true,
            null,
            Visibility.EVERYONE,
            0,
            null,
            Instant.EPOCH);
    assertThatThrownBy(t::checked).hasMessageContaining("workbench.error.nameMissing");
    Tile badIcon =
        new Tile(
            0,
            Scene.LIFE,
            0,
            "门户",
            null,
            "../../etc",
            TileKind.INTERNAL,
            "/x/",
            true,
            null,
            Visibility.EVERYONE,
            0,
            null,
            Instant.EPOCH);
    assertThatThrownBy(badIcon::checked).hasMessageContaining("workbench.error.icon");
    Tile ok =
        new Tile(
                0,
                Scene.LIFE,
                0,
                " 门户 ",
                " ",
                "link",
                TileKind.EXTERNAL,
                "https://p.cn/",
                true,
                " ",
                Visibility.EVERYONE,
                0,
                null,
                Instant.EPOCH)
            .checked();
    assertThat(ok.name()).isEqualTo("门户");
    assertThat(ok.description()).isNull();
    assertThat(ok.badgeKey()).isNull();
  }
}
