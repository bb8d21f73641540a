package cn.edu.ntvu.workbench.bench;

import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;

/** Drives the admin timetable import page (preview, then confirm) for the benchmark. */
final class TimetableImportPage {
  private TimetableImportPage() {}

  static void importFile(ChromeDriver driver, String base, String kind, Path file) {
    throw new UnsupportedOperationException("the timetable import page is not merged yet");
  }
}
