package cn.edu.ntvu.workbench.forms.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Issue 16: an export is named after its form and the day, not {@code form-2.xlsx}. */
class FormExportNameTest {
  @Test
  void theNameComesFromTheTitleAndTheDateInRfc5987WithAnAsciiFallback() {
    String h =
        FormExportServlet.contentDisposition("体检信息收集", 2, LocalDate.of(2026, 11, 25), "xlsx");
    assertThat(h).startsWith("attachment; filename=\"form-2-20261125.xlsx\"; filename*=UTF-8''");
    String star = h.substring(h.indexOf("UTF-8''") + 7);
    assertThat(star).matches("[A-Za-z0-9%._~-]+");
    assertThat(URLDecoder.decode(star, StandardCharsets.UTF_8)).isEqualTo("体检信息收集-20261125.xlsx");
  }

  @Test
  void charactersAFileSystemOrTheHeaderCannotTakeAreReplaced() {
    String h =
        FormExportServlet.contentDisposition(
            "a/b\\c:\"d\"\r\n; e", 7, LocalDate.of(2026, 1, 2), "csv");
    String star = URLDecoder.decode(h.substring(h.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8);
    assertThat(star).isEqualTo("a_b_c__d____ e-20260102.csv");
    assertThat(h).doesNotContain("\r", "\n");
    assertThat(FormExportServlet.contentDisposition("  ", 7, LocalDate.of(2026, 1, 2), "csv"))
        .contains("filename*=UTF-8''form-7-20260102.csv");
  }
}
