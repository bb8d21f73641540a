package cn.edu.ntvu.workbench.notices.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.E2eDb;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 通知's images and files, in Chromium at 360×640 with WeCom's user agent: the counsellor 毛敏 adds to
 * a draft a photo too large for the server (the browser's own check taken away), an image bomb (a
 * small PNG whose header says 30000×30000), a text file named .pdf, then 9 images and 5 PDFs, and a
 * 10th image and a 6th file: each refused by the server with its message beside its field, the
 * title and body typed but not yet saved kept, never a 500; sent to her class, a student sees the
 * thumbnails (opening the full image) and the files with name and size, downloaded through the
 * sandboxed path; someone else gets 403.
 */
class NoticeAttachmentsIT {
  @RegisterExtension static Browser teacher = Browser.weCom().windowSize(360, 640);

  private static String app;
  private static Path dir;

  @BeforeAll
  static void servers() throws Exception {
    app = TestServers.appUrl();
    dir = Files.createTempDirectory("notice-files");
  }

  @Test
  void badFilesAreRefusedBesideTheirFieldWithEverythingTypedKeptAndRecipientsSeeTheRest()
      throws Exception {
    String title = "附件通知 " + (System.nanoTime() % 100000);
    E2eDb.exec(
        "INSERT INTO notice (title, body_html, body_source, status, owner_account, owner_name,"
            + " created_at, saved_at) VALUES (?, '', '', 'DRAFT', '10001', '毛敏', NOW(3), NOW(3))",
        title);
    long id = Long.parseLong(query("SELECT MAX(id) FROM notice WHERE title = ?", title));
    E2eDb.exec(
        "INSERT INTO notice_audience (notice_id, kind, value) VALUES (?, 'CLASS', '2401000')", id);

    ChromeDriver t = signIn("/notices/edit.xhtml?id=" + id, "10001");
    WebDriverWait w = Browser.waitFor(t, Duration.ofSeconds(30));
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("images")));

    // 1. A 6 MB photo, the browser's check taken away: the server refuses it beside the images.
    String typedTitle = title + " 改";
    type(t, "title", typedTitle);
    type(t, "body", "请看附件。");
    t.executeScript("document.getElementById('images').removeAttribute('data-max-bytes');");
    byte[] big = new byte[6 * 1024 * 1024];
    big[0] = (byte) 0xFF;
    big[1] = (byte) 0xD8;
    big[2] = (byte) 0xFF;
    choose(t, "images", write("大照片.jpg", big));
    refusedBeside(t, w, "images-problems", "太大了");
    assertThat(t.findElement(By.id("title")).getAttribute("value")).isEqualTo(typedTitle);
    assertThat(t.findElement(By.id("body")).getAttribute("value")).isEqualTo("请看附件。");
    teacher.screenshot("notice-files-too-big");

    // 2. An image bomb: 58 bytes whose header says 30000×30000.
    type(t, "title", typedTitle + "2");
    choose(t, "images", write("炸弹.png", pngHeader(30000, 30000)));
    refusedBeside(t, w, "images-problems", "像素太多");
    assertThat(t.findElement(By.id("title")).getAttribute("value")).isEqualTo(typedTitle + "2");

    // 3. A text file that says it is a PDF.
    type(t, "title", typedTitle + "3");
    choose(t, "files", write("通知.pdf", "not a pdf at all\n".getBytes(StandardCharsets.UTF_8)));
    refusedBeside(t, w, "files-problems", "的内容和它的文件名不符");
    assertThat(t.findElement(By.id("title")).getAttribute("value")).isEqualTo(typedTitle + "3");
    assertThat(count("SELECT COUNT(*) FROM notice_file WHERE notice_id = ?", id)).isZero();

    // 4. Nine images and five PDFs are taken; a 10th image and a 6th file are refused.
    List<Path> images = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      images.add(write("图" + i + ".png", png(40 + i, 30)));
    }
    choose(t, "images", images.toArray(Path[]::new));
    w.until(d -> d.findElements(By.cssSelector("#image-list .image-line")).size() == 9);
    List<Path> pdfs = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      pdfs.add(write("材料" + i + ".pdf", pdf(i)));
    }
    // the fifth a Word document: schools attach their 报名表 as .docx
    pdfs.add(write("报名表.docx", docx()));
    choose(t, "files", pdfs.toArray(Path[]::new));
    w.until(d -> d.findElements(By.cssSelector("#file-list .file-line")).size() == 5);
    type(t, "title", typedTitle + "4");
    choose(t, "images", write("第十张.png", png(10, 10)));
    refusedBeside(t, w, "images-problems", "最多 9 张图片");
    assertThat(t.findElement(By.id("title")).getAttribute("value")).isEqualTo(typedTitle + "4");
    choose(t, "files", write("第六个.pdf", pdf(6)));
    refusedBeside(t, w, "files-problems", "最多 5 个文件");
    assertThat(count("SELECT COUNT(*) FROM notice_file WHERE notice_id = ?", id)).isEqualTo(14);
    assertThat(t.getPageSource()).doesNotContain("错误编号");
    teacher.screenshot("notice-files-compose");

    // Sent to her class: a student sees 9 thumbnails that open the full image, 5 files with sizes.
    t.executeScript("window.confirm = function () { return true; };");
    click(t, "send");
    w.until(ExpectedConditions.urlContains("/notices/results.xhtml"));
    ChromeDriver s = signIn("/notices/view.xhtml?id=" + id, "20240100001");
    WebDriverWait sw = Browser.waitFor(s, Duration.ofSeconds(30));
    sw.until(ExpectedConditions.presenceOfElementLocated(By.id("notice-images")));
    List<WebElement> thumbs = s.findElements(By.cssSelector("#notice-images a.nt-thumb"));
    assertThat(thumbs).hasSize(9);
    sw.until(
        d ->
            (Boolean)
                ((ChromeDriver) d)
                    .executeScript(
                        "return Array.from(document.querySelectorAll('#notice-images img'))"
                            + ".every(i => i.complete && i.naturalWidth > 0);"));
    assertThat(s.findElements(By.cssSelector("#notice-files li"))).hasSize(5);
    assertThat(s.findElement(By.id("notice-files")).getText())
        .contains("材料1.pdf", "报名表.docx", "KB");
    teacher.screenshot("notice-files-read");

    String href = thumbs.get(0).getAttribute("href");
    WebSession student = WeComStandInScreen.signedIn(app + "/notices/", "20240100001");
    HttpResponse<byte[]> image = student.getBytes(href);
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
    assertThat(image.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("sandbox");
    String file = s.findElement(By.cssSelector("#notice-files li a")).getAttribute("href");
    HttpResponse<byte[]> pdf = student.getBytes(file);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    WebSession outsider = WeComStandInScreen.signedIn(app + "/notices/", "20250100041");
    assertThat(outsider.getBytes(href).statusCode()).isEqualTo(403);
    assertThat(outsider.getBytes(file).statusCode()).isEqualTo(403);
  }

  // ---- helpers

  private static void refusedBeside(ChromeDriver d, WebDriverWait w, String id, String text) {
    w.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    assertThat(d.getTitle()).doesNotContain("500");
  }

  private static void choose(ChromeDriver d, String input, Path... files) {
    WebElement el = d.findElement(By.id(input));
    el.sendKeys(String.join("\n", java.util.Arrays.stream(files).map(Path::toString).toList()));
    // wb.js may downscale a photo first and disables the buttons meanwhile
    Browser.waitFor(d, Duration.ofSeconds(30)).until(x -> el.getAttribute("data-pending") == null);
    click(d, "upload-" + input);
  }

  private static Path write(String name, byte[] bytes) throws Exception {
    Path sub = Files.createTempDirectory(dir, "f");
    return Files.write(sub.resolve(name), bytes);
  }

  private static byte[] png(int width, int height) throws Exception {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      img.setRGB(x, x % height, 0x3366cc);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  /** The signature and an IHDR chunk of a PNG of that size: nothing to decode behind it. */
  private static byte[] pngHeader(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(8 + 25 + 25);
    b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII));
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0);
    ihdr.put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    b.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    b.putInt(0).put("IDAT".getBytes(StandardCharsets.US_ASCII)).putInt(0);
    b.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
    return b.array();
  }

  private static byte[] docx() {
    try (org.apache.poi.xwpf.usermodel.XWPFDocument d =
            new org.apache.poi.xwpf.usermodel.XWPFDocument();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      d.createParagraph().createRun().setText("报名表");
      d.write(out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] pdf(int n) {
    return ("%PDF-1.4\n% 通知材料 " + n + "\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void type(ChromeDriver d, String id, String text) {
    WebElement e = d.findElement(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  private static void click(ChromeDriver d, String id) {
    Browser.waitFor(d, Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            x -> {
              WebElement e = d.findElement(By.id(id));
              d.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
              if (!e.isEnabled()) {
                return false;
              }
              e.click();
              return true;
            });
  }

  private static ChromeDriver signIn(String path, String account) {
    ChromeDriver d = teacher.driver();
    d.manage().deleteAllCookies();
    d.get(app + path);
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    d.findElement(By.id("account")).sendKeys(account);
    d.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.urlContains(path.split("\\?")[0]));
    return d;
  }
}
