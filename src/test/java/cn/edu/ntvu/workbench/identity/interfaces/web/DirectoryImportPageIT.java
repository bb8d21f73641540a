package cn.edu.ntvu.workbench.identity.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin imports people on the phone: a GBK file saved by Excel, first with a bad line (listed by line number,
 * nothing imported), then corrected and confirmed; the people list shows them with masked mobiles.
 */
class DirectoryImportPageIT {
  @RegisterExtension static Browser browser = Browser.weCom();

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  private static Path gbkFile(String name, String csv) throws Exception {
    Path dir = Path.of(System.getProperty("test.workDir"), "uploads");
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    Files.write(file, csv.getBytes(Charset.forName("GBK")));
    return file;
  }

  @Test
  void anAdminPreviewsFixesAndImportsAGbkFile() throws Exception {
    ChromeDriver driver = browser.driver();
    driver.manage().deleteAllCookies();
    WebDriverWait wait = Browser.waitFor(driver, Duration.ofSeconds(20));
    driver.get(app + "/admin/directory/import.xhtml");
    wait.until(ExpectedConditions.urlContains("/dev/wecom-authorize.xhtml"));
    driver.findElement(By.id("account")).sendKeys(TestUsers.ADMIN.account());
    driver.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload:file")));

    String header = "学号,姓名,kind,gender,手机号,email,dept_code,class_code,position,roles\n";
    Path bad =
        gbkFile(
            "新生-有错.csv",
            header
                + "S990001,欧阳娜娜,student,2,13912349001,,01,2401000,学生,student\n"
                + "S990002,司马懿,student,1,1391234,,01,2401000,学生,student\n");
    driver.findElement(By.id("upload:file")).sendKeys(bad.toString());
    driver.findElement(By.id("upload:previewButton")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".dir-errors")));
    String errors = driver.findElement(By.cssSelector(".dir-errors")).getText();
    assertThat(errors).contains("3").contains("1391234");
    assertThat(driver.findElements(By.id("preview:confirm"))).isEmpty();
    browser.screenshot("directory-import-errors");

    driver.findElement(By.id("preview:again")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload:file")));
    Path good =
        gbkFile(
            "新生.csv",
            header
                + "S990001,欧阳娜娜,student,2,13912349001,,01,2401000,学生,student\n"
                + "S990002,司马懿,student,1,13912349002,,01,2401000,学生,student\n");
    driver.findElement(By.id("upload:file")).sendKeys(good.toString());
    driver.findElement(By.id("upload:previewButton")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("preview:confirm")));
    assertThat(driver.findElement(By.cssSelector(".dir-counts")).getText()).contains("2");
    browser.screenshot("directory-import-preview");
    driver.findElement(By.id("preview:confirm")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result .dir-ok")));

    driver.get(app + "/admin/directory/people.xhtml");
    By search = By.cssSelector("input[id$='search']");
    wait.until(ExpectedConditions.presenceOfElementLocated(search)).sendKeys("S99000");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[id$='list']"), "欧阳娜娜"));
    String list = driver.findElement(By.cssSelector("[id$='list']")).getText();
    assertThat(list).contains("司马懿").contains("139****9001").doesNotContain("13912349001");
    browser.screenshot("directory-people-masked");
  }
}
