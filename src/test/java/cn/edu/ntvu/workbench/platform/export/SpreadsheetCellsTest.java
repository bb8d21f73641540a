package cn.edu.ntvu.workbench.platform.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {
  @Test
  void theAsciiFormulaStartersAreFormulaLike() {
    for (String v :
        List.of("=1+1", "+86 139", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://evil\",\"x\")")) {
      assertThat(SpreadsheetCells.formulaLike(v)).as(v).isTrue();
    }
  }

  @Test
  void soAreTheyAfterLeadingSpacesAndTabsAndLineBreaks() {
    for (String v :
        List.of(
            " =1+1",
            "   +1",
            "\t=1",
            "\r=1",
            "\n=1",
            "\r\n@x",
            "\tplain",
            "\u00A0=1",
            " \u3000-1",
            "\uFEFF=1")) {
      assertThat(SpreadsheetCells.formulaLike(v))
          .as(v.codePoints().boxed().toList().toString())
          .isTrue();
    }
  }

  @Test
  void soAreTheFullWidthFormsAChineseInputMethodTypes() {
    for (String v : List.of("＝1+1", "＋1", "－1", "＠SUM", "　＝HYPERLINK()", "  ＋1", "﹦1")) {
      assertThat(SpreadsheetCells.formulaLike(v)).as(v).isTrue();
    }
  }

  @Test
  void ordinaryTextIsLeftAlone() {
    for (String v : List.of("a=b", "张三", "1+1", "  hello", "   ", "2026-11-25", "13800000000")) {
      assertThat(SpreadsheetCells.formulaLike(v)).as(v).isFalse();
    }
    assertThat(SpreadsheetCells.formulaLike("")).isFalse();
    assertThat(SpreadsheetCells.formulaLike(null)).isFalse();
  }

  @Test
  void csvCellsGetAnApostropheAndAreQuotedWhereNeeded() {
    assertThat(SpreadsheetCells.csv(" =1+1")).isEqualTo("' =1+1");
    assertThat(SpreadsheetCells.csv("＝1+1")).isEqualTo("'＝1+1");
    assertThat(SpreadsheetCells.csv("\t=1")).isEqualTo("'\t=1");
    assertThat(SpreadsheetCells.csv("\r\n=1,2")).isEqualTo("\"'\r\n=1,2\"");
    assertThat(SpreadsheetCells.csv("=A1,\"x\"")).isEqualTo("\"'=A1,\"\"x\"\"\"");
    assertThat(SpreadsheetCells.csv("张三,李四")).isEqualTo("\"张三,李四\"");
    assertThat(SpreadsheetCells.csv(null)).isEmpty();
    assertThat(SpreadsheetCells.csvRow(List.of("a", "＋1", ""))).isEqualTo("a,'＋1,\r\n");
  }

  @Test
  void xlsxCellsAreTextAndQuotePrefixedWhenFormulaLike() throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      CellStyle asText = SpreadsheetCells.textStyle(book);
      Row row = book.createSheet().createRow(0);
      List<String> values = List.of(" =1+1", "　＝2", "\t@x", "plain", "-5");
      for (int i = 0; i < values.size(); i++) {
        SpreadsheetCells.text(row.createCell(i), values.get(i), asText);
      }
      for (int i = 0; i < values.size(); i++) {
        Cell c = row.getCell(i);
        assertThat(c.getCellType()).isEqualTo(CellType.STRING);
        assertThat(c.getStringCellValue()).isEqualTo(values.get(i));
        assertThat(c.getCellStyle().getQuotePrefixed())
            .as(values.get(i))
            .isEqualTo(!values.get(i).equals("plain"));
      }
    }
  }
}
