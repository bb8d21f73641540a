package cn.edu.ntvu.workbench.composition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The visual language of issue 16, checked on the sources: a secondary button is not red, the
 * danger button is used only for what destroys or refuses, and every page's template is one of
 * ours.
 */
class VisualLanguageTest {
  /**
   * Ids and classes of the buttons that may be red: they delete, reject, withdraw, revoke, close.
   */
  private static final Set<String> DESTRUCTIVE =
      Set.of(
          "delete",
          "reject",
          "reject-confirm",
          "withdraw",
          "revoke",
          "cancel-approved",
          "cancel-confirm",
          "grant-revoke",
          "turnOff",
          "close");

  @Test
  void theSecondaryButtonIsNotTheDangerColour() throws IOException {
    String css = Files.readString(Path.of("webapp-themes/workbench/theme.css"));
    Matcher m = Pattern.compile("\\.wb-button-secondary \\{([^}]*)}").matcher(css);
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).doesNotContain("danger");
    assertThat(css).contains(".wb-button-danger {", ".wb-count,", ".wb-number {", ".wb-chip {");
  }

  @Test
  void onlyDestructiveButtonsAreRed() throws IOException {
    List<String> wrong = new ArrayList<>();
    Pattern tag = Pattern.compile("<[^<>]*wb-button-danger[^<>]*>", Pattern.DOTALL);
    try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
        if (f.toString().contains("/dev/")) {
          continue;
        }
        Matcher m = tag.matcher(Files.readString(f));
        while (m.find()) {
          String t = m.group();
          if (DESTRUCTIVE.stream()
              .noneMatch(d -> t.contains("id=\"" + d + "\"") || t.contains(" " + d + "\""))) {
            wrong.add(f + ": " + t.replaceAll("\\s+", " "));
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  /**
   * Admin pages confirm with the theme's toast: their global messages go through {@code
   * WEB-INF/includes/messages.xhtml} (info as a role=status toast, the rest as notices), never a
   * bare {@code h:messages globalOnly}.
   */
  @Test
  void adminPagesConfirmWithTheToast() throws IOException {
    List<String> bare = new ArrayList<>();
    List<String> toasting = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
        String page = Files.readString(f);
        if (!page.contains("template=\"/WEB-INF/templates/admin.xhtml\"")) {
          continue;
        }
        if (Pattern.compile("<h:messages[^>]*globalOnly=\"true\"").matcher(page).find()) {
          bare.add(f.toString());
        }
        if (page.contains("/WEB-INF/includes/messages.xhtml")) {
          toasting.add(f.getFileName().toString());
        }
      }
    }
    assertThat(bare).isEmpty();
    assertThat(toasting).contains("tiles.xhtml", "admin.xhtml", "setup.xhtml", "transfer.xhtml");
    String include = Files.readString(Path.of("src/main/webapp/WEB-INF/includes/messages.xhtml"));
    assertThat(include).contains("wb-toast", "role=\"status\"", "data-toast", "role=\"alert\"");
  }

  @Test
  void androidCalendarHelpStartsWithThePhonesOwnCalendar() throws IOException {
    for (String f : List.of("timetable.properties", "timetable_en.properties")) {
      String line =
          Files.readAllLines(Path.of("src/main/resources/i18n", f)).stream()
              .filter(l -> l.startsWith("timetable.ical.page.howToAndroid="))
              .findFirst()
              .orElseThrow();
      String text = line.substring(line.indexOf('=') + 1);
      assertThat(text.indexOf("Google")).as(f).isGreaterThan(text.length() / 2);
    }
  }
}
