package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.platform.imports.ImportFileException;
import cn.edu.ntvu.workbench.platform.imports.TabularFile;
import cn.edu.ntvu.workbench.platform.imports.TabularFileReader;
import cn.edu.ntvu.workbench.platform.imports.TabularRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A small sample file of each kind for admins to download and fill in: every column the import
 * reads, required and optional, in its canonical name, and example rows ({@code
 * /timetable/samples/}: the first rows of the demo term 2026-2027-1, which itself is not part of
 * the application). UTF-8 with a byte-order mark, so that Excel opens the Chinese correctly.
 */
public final class TimetableImportSamples {
  /** Example rows per sample. */
  static final int ROWS = 8;

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** Where the example rows are, one file per kind, named as the demo's files. */
  static final String SAMPLES = "/timetable/samples/";

  private TimetableImportSamples() {}

  /** The name to save the sample under, e.g. {@code sample-timetable-zf.csv}. */
  public static String fileName(TimetableImportKind kind) {
    return "sample-" + demoFile(kind);
  }

  public static byte[] csv(TimetableImportKind kind) {
    TabularFile demo = demo(kind);
    StringBuilder out = new StringBuilder();
    List<String> columns = kind.columns().columns();
    // 金智 exports name its fields in capitals (XNXQDM, SKZC); the sample looks like what admins get
    // from it.
    boolean capitals = kind == TimetableImportKind.TIMETABLE_WISEDU;
    line(out, columns.stream().map(c -> capitals ? c.toUpperCase(Locale.ROOT) : c).toList());
    for (TabularRow row : demo.rows().subList(0, Math.min(ROWS, demo.rows().size()))) {
      line(out, columns.stream().map(row::get).toList());
    }
    byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[BOM.length + text.length];
    System.arraycopy(BOM, 0, file, 0, BOM.length);
    System.arraycopy(text, 0, file, BOM.length, text.length);
    return file;
  }

  private static String demoFile(TimetableImportKind kind) {
    return switch (kind) {
      case TERM -> "term.csv";
      case PERIOD_TIMES -> "period-times.csv";
      case CALENDAR -> "calendar.csv";
      case TIMETABLE_ZF -> "timetable-zf.csv";
      case TIMETABLE_WISEDU -> "timetable-wisedu.csv";
    };
  }

  private static TabularFile demo(TimetableImportKind kind) {
    String name = demoFile(kind);
    try (InputStream in = TimetableImportSamples.class.getResourceAsStream(SAMPLES + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "sample rows " + name + " are missing from the application");
      }
      return new TabularFileReader().read(name, in.readAllBytes(), kind.columns());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ImportFileException e) {
      throw new IllegalStateException("sample rows " + name + " do not read as " + kind, e);
    }
  }

  /** One CSV record (RFC 4180): cells with a comma, quote or line break are quoted. */
  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      if (i > 0) {
        out.append(',');
      }
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        out.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        out.append(c);
      }
    }
    out.append("\r\n");
  }
}
