package cn.edu.ntvu.workbench.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileKind;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TileTransferTest {
  private static final OffsetDateTime WHEN = OffsetDateTime.parse("2026-11-25T10:20:00+08:00");

  private static Tile tile(Scene scene, String name, String target, Visibility v) {
    return new Tile(
            7,
            scene,
            3,
            name,
            "说明",
            "calendar",
            target.startsWith("/") ? TileKind.INTERNAL : TileKind.EXTERNAL,
            target,
            true,
            null,
            v,
            4,
            "10857",
            null)
        .checked();
  }

  private static final List<Tile> TILES =
      List.of(
          tile(Scene.TEACHING, "查课表", "/timetable/", Visibility.EVERYONE),
          tile(
              Scene.OFFICE,
              "工作台管理",
              "/admin/workbench/tiles.xhtml",
              Visibility.ofRoles(Role.ADMIN)),
          tile(
              Scene.LIFE,
              "图书馆",
              "https://lib.ntvu.edu.cn/",
              new Visibility(
                  false,
                  Set.of(Role.TEACHER),
                  Set.of(PersonKind.STUDENT),
                  Set.of("01"),
                  Set.of("2401000"),
                  Set.of("20240100001"))));

  private static TileTransfer.Read read(String json) {
    return TileTransfer.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anExportReadsBackAsTheSameTiles() {
    byte[] file = TileTransfer.write(TILES, java.util.Map.of(), WHEN);
    assertThat(new String(file, StandardCharsets.UTF_8))
        .contains("\"format\"")
        .contains("查课表")
        .doesNotContain("10857");
    TileTransfer.Read back = TileTransfer.read(file);
    assertThat(back.problems()).isEmpty();
    assertThat(back.tiles()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(TileAdmin.fields(back.tiles().get(i))).isEqualTo(TileAdmin.fields(TILES.get(i)));
    }
    TileTransfer.Changes same = TileTransfer.changes(TILES, back.tiles());
    assertThat(same.added()).isEmpty();
    assertThat(same.changed()).isEmpty();
    assertThat(same.removed()).isEmpty();
    assertThat(same.unchanged()).isEqualTo(3);
  }

  @Test
  void keywordsTravelInTheFileAndTheirChangeIsAChange() {
    Tile leave =
        tile(Scene.OFFICE, "学生请假", "/leave/", Visibility.EVERYONE)
            .withTexts(
                new cn.edu.ntvu.workbench.portal.domain.TileTexts(null, null, null, null, "病假 事假"));
    byte[] file = TileTransfer.write(List.of(leave), java.util.Map.of(), WHEN);
    assertThat(new String(file, StandardCharsets.UTF_8)).contains("\"keywords\"").contains("病假 事假");
    TileTransfer.Read back = TileTransfer.read(file);
    assertThat(back.problems()).isEmpty();
    assertThat(back.tiles().get(0).texts().keywords()).isEqualTo("病假 事假");
    Tile without = leave.withTexts(leave.texts().withKeywords(null));
    assertThat(TileTransfer.changes(List.of(without), back.tiles()).changed()).hasSize(1);
  }

  @Test
  void changesAreListedByName() {
    List<Tile> incoming =
        List.of(
            tile(Scene.TEACHING, "查课表", "/timetable/week.xhtml", Visibility.EVERYONE),
            tile(Scene.TEACHING, "请假", "/leave/", Visibility.EVERYONE));
    TileTransfer.Changes c = TileTransfer.changes(TILES, incoming);
    assertThat(c.added()).containsExactly("请假");
    assertThat(c.changed()).containsExactly("查课表");
    assertThat(c.removed()).containsExactlyInAnyOrder("工作台管理", "图书馆");
  }

  @Test
  void aFileThatIsNotOursIsRefusedWithAReason() {
    assertThat(read("not json").problems())
        .extracting(TileTransfer.Problem::key)
        .containsExactly("workbench.transfer.notJson");
    assertThat(read("[1,2]").problems())
        .extracting(TileTransfer.Problem::key)
        .containsExactly("workbench.transfer.notOurs");
    assertThat(read("{\"format\":\"other\",\"formatVersion\":1,\"tiles\":[]}").problems())
        .extracting(TileTransfer.Problem::key)
        .containsExactly("workbench.transfer.notOurs");
    assertThat(
            read("{\"format\":\"ntvu-workbench-tiles\",\"formatVersion\":9,\"tiles\":[]}")
                .problems())
        .extracting(TileTransfer.Problem::key)
        .containsExactly("workbench.transfer.version");
    assertThat(TileTransfer.read(new byte[TileTransfer.MAX_BYTES + 1]).problems())
        .extracting(TileTransfer.Problem::key)
        .containsExactly("workbench.transfer.tooBig");
  }

  @Test
  void everyBadTileIsListedAndNothingIsKept() {
    String json =
        "{\"format\":\"ntvu-workbench-tiles\",\"formatVersion\":1,\"tiles\":["
            + "{\"scene\":\"TEACHING\",\"name\":\"好\",\"icon\":\"calendar\",\"kind\":\"INTERNAL\",\"target\":\"/ok/\","
            + "\"visibility\":{\"everyone\":true}},"
            + "{\"scene\":\"TEACHING\",\"name\":\"坏链接\",\"icon\":\"link\",\"kind\":\"EXTERNAL\","
            + "\"target\":\"javascript:alert(1)\",\"visibility\":{\"everyone\":true}},"
            + "{\"scene\":\"SPORT\",\"name\":\"无场景\",\"icon\":\"link\",\"kind\":\"INTERNAL\",\"target\":\"/x/\","
            + "\"visibility\":{\"everyone\":true}},"
            + "{\"scene\":\"LIFE\",\"name\":\"坏角色\",\"icon\":\"link\",\"kind\":\"INTERNAL\",\"target\":\"/y/\","
            + "\"visibility\":{\"roles\":[\"KING\"]}},"
            + "{\"scene\":\"LIFE\",\"name\":\"坏图标\",\"icon\":\"<svg>\",\"kind\":\"INTERNAL\",\"target\":\"/z/\","
            + "\"visibility\":{\"everyone\":true}},"
            + "{\"scene\":\"TEACHING\",\"name\":\"好\",\"icon\":\"calendar\",\"kind\":\"INTERNAL\",\"target\":\"/ok2/\","
            + "\"visibility\":{\"everyone\":true}},"
            + "42]}";
    TileTransfer.Read r = read(json);
    assertThat(r.ok()).isFalse();
    assertThat(r.tiles()).isEmpty();
    assertThat(r.problems())
        .extracting(TileTransfer.Problem::tile, TileTransfer.Problem::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "workbench.error.scriptUrl"),
            org.assertj.core.groups.Tuple.tuple(3, "workbench.transfer.scene"),
            org.assertj.core.groups.Tuple.tuple(4, "workbench.transfer.role"),
            org.assertj.core.groups.Tuple.tuple(5, "workbench.error.icon"),
            org.assertj.core.groups.Tuple.tuple(6, "workbench.transfer.duplicate"),
            org.assertj.core.groups.Tuple.tuple(7, "workbench.transfer.tileNotObject"));
  }

  @Test
  void aByteOrderMarkIsAccepted() {
    byte[] file = TileTransfer.write(TILES, java.util.Map.of(), WHEN);
    byte[] withBom = new byte[file.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(file, 0, withBom, 3, file.length);
    assertThat(TileTransfer.read(withBom).tiles()).hasSize(3);
  }

  @Test
  void uploadedIconsTravelInTheFileAndAMissingOneIsAProblem() throws Exception {
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", out);
    IconImage.Icon icon = IconImage.normalize(out.toByteArray());
    Tile withIcon =
        new Tile(
                0,
                Scene.LIFE,
                0,
                "食堂",
                null,
                icon.name(),
                TileKind.INTERNAL,
                "/canteen/",
                true,
                null,
                Visibility.EVERYONE,
                0,
                null,
                null)
            .checked();
    byte[] file =
        TileTransfer.write(List.of(withIcon), java.util.Map.of(icon.name(), icon.png()), WHEN);
    TileTransfer.Read back = TileTransfer.read(file);
    assertThat(back.problems()).isEmpty();
    String name = back.tiles().get(0).icon();
    assertThat(back.icons()).containsKey(name);
    assertThat(
            javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(back.icons().get(name)))
                .getWidth())
        .isEqualTo(IconImage.SIDE);

    byte[] without = TileTransfer.write(List.of(withIcon), java.util.Map.of(), WHEN);
    assertThat(TileTransfer.read(without).problems())
        .extracting(TileTransfer.Problem::key)
        .containsExactly("workbench.transfer.iconMissing");
    String html =
        new String(file, StandardCharsets.UTF_8)
            .replaceFirst(
                "\"" + icon.name() + "\"\\s*:\\s*\"[^\"]+\"",
                "\""
                    + icon.name()
                    + "\":\""
                    + java.util.Base64.getEncoder()
                        .encodeToString("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))
                    + "\"");
    assertThat(TileTransfer.read(html.getBytes(StandardCharsets.UTF_8)).problems())
        .extracting(TileTransfer.Problem::key)
        .contains("workbench.icon.type");
  }
}
