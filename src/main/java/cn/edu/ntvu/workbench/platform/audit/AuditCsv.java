package cn.edu.ntvu.workbench.platform.audit;

import cn.edu.ntvu.workbench.platform.export.SpreadsheetCells;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The audit log as a CSV file for Excel: UTF-8 with a byte-order mark (without it Excel reads
 * Chinese as GBK and shows garbage), CRLF line ends, RFC 4180 quoting, and every cell that a
 * spreadsheet could take for a formula prefixed with an apostrophe ({@link SpreadsheetCells}, the
 * rule of every export), so that a file name or tile title like {@code =HYPERLINK(...)} stays text
 * (CSV injection).
 */
public final class AuditCsv {
  /** The UTF-8 byte-order mark that makes Excel read the file as UTF-8. */
  public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private AuditCsv() {}

  /** One cell, neutralised ({@link SpreadsheetCells#csv}) and quoted as needed. */
  public static String cell(String value) {
    return SpreadsheetCells.csv(value);
  }

  /** One CSV line (CRLF) of neutralised cells. */
  public static String row(List<String> cells) {
    return SpreadsheetCells.csvRow(cells);
  }

  /**
   * The file: a header row (in the admin's language) and one row per entry.
   *
   * @param header column titles: time, account, name, sign-in path, action, object type, object id,
   *     object, changes
   */
  public static byte[] write(List<String> header, List<AuditEntry> entries) {
    StringBuilder out = new StringBuilder(row(header));
    for (AuditEntry e : entries) {
      out.append(
          row(
              List.of(
                  e.getOccurredAt().toString().replace('T', ' '),
                  e.getActorAccount(),
                  e.getActorName(),
                  e.getSignInPath(),
                  e.getAction(),
                  e.getObjectType(),
                  e.getObjectId(),
                  e.getObjectLabel(),
                  e.getChanges().stream()
                      .map(FieldChange::describe)
                      .collect(Collectors.joining("; ")))));
    }
    byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[BOM.length + text.length];
    System.arraycopy(BOM, 0, file, 0, BOM.length);
    System.arraycopy(text, 0, file, BOM.length, text.length);
    return file;
  }
}
