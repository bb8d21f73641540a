package cn.edu.ntvu.workbench.platform.export;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * CSV and XLSX cells that stay text (CSV/formula injection). Anything a person typed — a leave
 * destination, a form answer, a file or tile name — may reach an export, and Excel, WPS and
 * LibreOffice start a formula not only with {@code = + - @} in the first place but also after
 * leading blanks, after a tab or a line break, and with the full-width forms a Chinese input method
 * types ({@code ＝＋－＠}); {@code =HYPERLINK(...)} or a DDE call would then run on the reader's
 * machine. One rule ({@link #formulaLike}) for every export: in CSV such a cell gets a leading
 * apostrophe, in XLSX a quote-prefixed text style (the value itself unchanged). The audit, contacts
 * report, 收集表 and leave exports all use it.
 */
public final class SpreadsheetCells {
  private SpreadsheetCells() {}

  /** Whether a spreadsheet could take {@code value} for a formula (see the class comment). */
  public static boolean formulaLike(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '\t' || c == '\r' || c == '\n') {
        return true; // a cell starting with a control character: some readers drop it and go on
      }
      if (!blank(c)) {
        break;
      }
      i++;
    }
    if (i == value.length()) {
      return false;
    }
    char first = value.charAt(i);
    return "=+-@＝＋－＠﹦﹢﹣﹫".indexOf(first) >= 0;
  }

  /**
   * Blanks that readers skip before looking for a formula: spaces, no-break and full-width spaces,
   * a BOM.
   */
  private static boolean blank(char c) {
    return c == ' '
        || c == '\u00A0'
        || c == '\u3000'
        || c == '\uFEFF'
        || c == '\u2007'
        || c == '\u202F'
        || Character.isWhitespace(c);
  }

  /** One CSV cell (RFC 4180 quoting), with an apostrophe before a formula-like value. */
  public static String csv(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String v = formulaLike(value) ? "'" + value : value;
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  /** One CSV line (CRLF) of such cells. */
  public static String csvRow(List<String> cells) {
    return cells.stream().map(SpreadsheetCells::csv).collect(Collectors.joining(",")) + "\r\n";
  }

  /**
   * The style for formula-like text cells of {@code book}: create it once per workbook (styles are
   * limited).
   */
  public static CellStyle textStyle(Workbook book) {
    CellStyle asText = book.createCellStyle();
    asText.setQuotePrefixed(true);
    return asText;
  }

  /**
   * Sets {@code value} as a text cell (never a formula), quote-prefixed with {@code asText} ({@link
   * #textStyle}) when it is formula-like, so that editing it in Excel does not turn it into one
   * either.
   */
  public static void text(Cell cell, String value, CellStyle asText) {
    String v = value == null ? "" : value;
    cell.setCellValue(v);
    if (formulaLike(v)) {
      cell.setCellStyle(asText);
    }
  }
}
