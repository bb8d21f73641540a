package cn.edu.ntvu.workbench.platform.imports;

import cn.edu.ntvu.workbench.platform.imports.TabularFileReader.RawRow;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV as the school's systems and Excel write it. Excel in China saves CSV in GBK, newer
 * tools in UTF-8 (often with a BOM), so the encoding is detected: strict UTF-8 first, else strict
 * GB18030 (a superset of GBK). A file pasted together from both is refused, naming its lines,
 * because guessing would silently garble names.
 */
final class CsvTableReader {
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final int MAX_LISTED_LINES = 5;

  private final int maxRows;
  private String encoding = "UTF-8";

  CsvTableReader(int maxRows) {
    this.maxRows = maxRows;
  }

  /** The encoding the last {@link #read} detected. */
  String encoding() {
    return encoding;
  }

  List<RawRow> read(byte[] content) throws ImportFileException {
    return parse(decode(content));
  }

  String decode(byte[] content) throws ImportFileException {
    if (content.length >= 2
        && ((content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)
            || (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF))) {
      throw new ImportFileException("import.csv.utf16");
    }
    boolean bom =
        content.length >= 3
            && content[0] == (byte) 0xEF
            && content[1] == (byte) 0xBB
            && content[2] == (byte) 0xBF;
    int offset = bom ? 3 : 0;
    String text;
    try {
      ByteBuffer bytes = ByteBuffer.wrap(content, offset, content.length - offset);
      text = strict(StandardCharsets.UTF_8).decode(bytes).toString();
      encoding = "UTF-8";
    } catch (CharacterCodingException notUtf8) {
      text = decodeLegacy(content, offset, bom);
    }
    if (text.indexOf('\0') >= 0) {
      throw new ImportFileException("import.csv.binary");
    }
    return text;
  }

  private String decodeLegacy(byte[] content, int offset, boolean bom) throws ImportFileException {
    List<Integer> utf8Lines = new ArrayList<>();
    List<Integer> otherLines = new ArrayList<>();
    CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
    int line = 1;
    int start = offset;
    for (int i = offset; i <= content.length; i++) {
      if (i == content.length || content[i] == '\n') {
        if (!isAscii(content, start, i)) {
          try {
            CharSequence text = utf8.reset().decode(ByteBuffer.wrap(content, start, i - start));
            (looksChinese(text) ? utf8Lines : otherLines).add(line);
          } catch (CharacterCodingException e) {
            otherLines.add(line);
          }
        }
        line++;
        start = i + 1;
      }
    }
    if (bom || !utf8Lines.isEmpty()) {
      List<Integer> offending =
          !bom && utf8Lines.size() < otherLines.size() ? utf8Lines : otherLines;
      throw new ImportFileException(
          "import.csv.mixedEncoding", listLines(offending), offending.size());
    }
    try {
      ByteBuffer bytes = ByteBuffer.wrap(content, offset, content.length - offset);
      String text = strict(GB18030).decode(bytes).toString();
      encoding = "GB18030";
      return text;
    } catch (CharacterCodingException e) {
      CharsetDecoder gb = strict(GB18030);
      List<Integer> bad = new ArrayList<>();
      for (int l : otherLines) {
        if (!decodes(gb, content, l)) {
          bad.add(l);
        }
      }
      throw new ImportFileException("import.csv.unknownEncoding", listLines(bad));
    }
  }

  private static boolean decodes(CharsetDecoder decoder, byte[] content, int wantedLine) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= content.length; i++) {
      if (i == content.length || content[i] == '\n') {
        if (line == wantedLine) {
          try {
            decoder.reset().decode(ByteBuffer.wrap(content, start, i - start));
            return true;
          } catch (CharacterCodingException e) {
            return false;
          }
        }
        line++;
        start = i + 1;
      }
    }
    return true;
  }

  /**
   * Whether a line that is valid UTF-8 really is UTF-8 Chinese text. Short GBK text is valid UTF-8
   * by chance now and then (GBK 毛 is the bytes of UTF-8 ë), but then it decodes to Latin or other
   * scripts, not to CJK.
   */
  static boolean looksChinese(CharSequence text) {
    boolean cjk = false;
    for (int i = 0; i < text.length(); ) {
      int c = Character.codePointAt(text, i);
      i += Character.charCount(c);
      if (c < 0x80) {
        continue;
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      if (script == Character.UnicodeScript.HAN) {
        cjk = true;
      } else if (!(c >= 0x2000 && c <= 0x206F) // general punctuation: “”…—
          && !(c >= 0x3000 && c <= 0x303F) // CJK punctuation: 、。《》
          && !(c >= 0xFF00 && c <= 0xFFEF) // full-width forms: （），：
          && c != 0xB7) {
        return false;
      }
    }
    return cjk;
  }

  private static String listLines(List<Integer> lines) {
    String listed =
        lines.stream()
            .limit(MAX_LISTED_LINES)
            .map(String::valueOf)
            .collect(Collectors.joining(", "));
    return lines.size() > MAX_LISTED_LINES ? listed + " …" : listed;
  }

  private static boolean isAscii(byte[] content, int from, int to) {
    for (int i = from; i < to; i++) {
      if (content[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private static CharsetDecoder strict(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * Splits decoded text into records. A record's line is the physical line it starts on, so a
   * quoted cell with a line break does not shift the numbers of the lines after it. Blank records
   * are skipped.
   */
  List<RawRow> parse(String text) throws ImportFileException {
    List<RawRow> rows = new ArrayList<>();
    int n = text.length();
    int i = 0;
    int line = 1;
    StringBuilder cell = new StringBuilder();
    while (i < n) {
      int recordLine = line;
      List<String> cells = new ArrayList<>();
      while (true) {
        if (i < n && text.charAt(i) == '"') {
          i++;
          while (true) {
            if (i >= n) {
              throw new ImportFileException("import.csv.unclosedQuote", recordLine);
            }
            char c = text.charAt(i);
            if (c == '"') {
              if (i + 1 < n && text.charAt(i + 1) == '"') {
                cell.append('"');
                i += 2;
                continue;
              }
              i++;
              break;
            }
            if (c == '\r' || c == '\n') {
              if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                i++;
              }
              cell.append('\n');
              line++;
            } else {
              cell.append(c);
            }
            i++;
          }
          while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
          }
          if (i < n && !isSeparator(text.charAt(i))) {
            throw new ImportFileException("import.csv.textAfterQuote", line);
          }
        } else {
          while (i < n && !isSeparator(text.charAt(i))) {
            char c = text.charAt(i);
            if (c == '"') {
              throw new ImportFileException("import.csv.quoteInField", line);
            }
            cell.append(c);
            i++;
          }
        }
        cells.add(cell.toString());
        cell.setLength(0);
        if (i >= n) {
          break;
        }
        char c = text.charAt(i);
        i++;
        if (c == ',') {
          continue;
        }
        if (c == '\r' && i < n && text.charAt(i) == '\n') {
          i++;
        }
        line++;
        break;
      }
      if (cells.stream().anyMatch(s -> !s.isBlank())) {
        rows.add(new RawRow(recordLine, cells));
        if (rows.size() > maxRows) {
          throw new ImportFileException("import.file.tooManyRows", maxRows - 1);
        }
      }
    }
    return rows;
  }

  private static boolean isSeparator(char c) {
    return c == ',' || c == '\n' || c == '\r';
  }
}
