package cn.edu.ntvu.workbench.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditCsvTest {
  @Test
  void cellsThatASpreadsheetWouldRunAsFormulasStayText() {
    assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    assertThat(AuditCsv.cell("+86 139")).isEqualTo("'+86 139");
    assertThat(AuditCsv.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(AuditCsv.cell("\t=1")).isEqualTo("'\t=1");
    assertThat(AuditCsv.cell("a=b")).isEqualTo("a=b");
  }

  @Test
  void commasQuotesAndLineBreaksAreQuoted() {
    assertThat(AuditCsv.cell("张三,李四")).isEqualTo("\"张三,李四\"");
    assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(AuditCsv.cell("")).isEmpty();
    assertThat(AuditCsv.cell(null)).isEmpty();
  }

  @Test
  void theFileStartsWithABomAndHasOneCrlfRowPerEntry() {
    AuditEntry entry =
        new AuditEntry(
            LocalDateTime.of(2026, 11, 25, 10, 20, 1),
            new AuditActor("10857", "王管理", "WECOM"),
            "DIRECTORY_IMPORT",
            AuditObject.of("import_batch", 42, "=cmd|' /C calc'!A0.csv"),
            AuditDiff.between(Map.of("status", "PREVIEWED"), Map.of("status", "APPLIED")));

    byte[] file = AuditCsv.write(List.of("时间", "账号"), List.of(entry));

    assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
    assertThat(text.split("\r\n", -1))
        .containsExactly(
            "时间,账号",
            "2026-11-25 10:20:01,10857,王管理,WECOM,DIRECTORY_IMPORT,import_batch,42,'=cmd|' /C calc'!A0.csv,"
                + "status: PREVIEWED → APPLIED",
            "");
  }
}
