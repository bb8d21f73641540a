package cn.edu.ntvu.workbench.bench;

import cn.edu.ntvu.workbench.testsupport.Browser;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Drives the admin timetable import page (preview, then confirm) for the benchmark. */
final class TimetableImportPage {
  private TimetableImportPage() {}

  static void importFile(ChromeDriver driver, String base, String kind, Path file) {
    WebDriverWait wait = Browser.waitFor(driver, Duration.ofMinutes(5));
    driver.get(base + "/admin/timetable/import.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload:file")));
    driver.findElement(By.cssSelector("input[name='kind'][value='" + kind + "']")).click();
    driver.findElement(By.id("upload:file")).sendKeys(file.toString());
    driver.findElement(By.id("upload:previewButton")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-items")));
    if (driver.findElements(By.id("preview:confirm")).isEmpty()) {
      throw new IllegalStateException(file + " does not import: " + driver.findElement(By.id("preview")).getText());
    }
    driver.findElement(By.id("preview:confirm")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("applied")));
  }
}
